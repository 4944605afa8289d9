package vn.iip.docs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.IipException;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.ColumnSpec;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.GoldViews;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;
import vn.iip.catalog.ViewSpec;

/**
 * {@code jobs/iip docs --out DIR}: a static HTML catalogue of the warehouse. One page per table (grain, keys,
 * bilingual comments, columns, row count, Delta version), per view and per table function (its SQL), the lineage
 * from landing file to gold stage by stage with this warehouse's counts, the rule list with an example of each rule
 * met, the release calendar's freshness and the newest national figures. Reads aggregates only; any Hadoop folder.
 */
public final class CatalogueSite {
    private CatalogueSite() {}

    /** What was written: pages and the tables they describe. */
    public record Written(int pages, int tables, int views, int functions) {}

    public static Written write(SparkSession spark, String warehouse, String folder, LocalDate today,
                                org.apache.hadoop.conf.Configuration hadoop) {
        Map<String, Long> published = publishedVersions(spark);
        List<TableSpec> tables = tables();
        List<ViewSpec> views = views();
        Map<String, String> functions = GoldViews.functionStatements();
        Pages pages = new Pages(folder, hadoop);
        List<List<Object>> rows = new ArrayList<>();
        for (TableSpec table : tables) {
            boolean gold = GoldTables.published().contains(table);
            String readers = gold ? GoldTables.SCHEMA + "." + table.name() : table.qualifiedName();
            long count = spark.table(readers).count();
            Long version = gold ? published.get(table.name()) : deltaVersion(spark, table.qualifiedName());
            String page = "table-" + readers + ".html";
            pages.write(page, Html.page(readers, TablePages.table(table, readers, count, version, gold)));
            rows.add(List.of(Html.link(page, readers), layer(table), Grains.of(table), count,
                    version == null ? "" : version, table.comment()));
        }
        List<List<Object>> viewRows = new ArrayList<>();
        for (ViewSpec view : views) {
            String page = "view-" + view.qualifiedName() + ".html";
            pages.write(page, Html.page(view.qualifiedName(), TablePages.view(view)));
            viewRows.add(List.of(Html.link(page, view.qualifiedName()), view.comment()));
        }
        for (Map.Entry<String, String> function : functions.entrySet()) {
            String page = "function-" + function.getKey() + ".html";
            pages.write(page, Html.page(function.getKey(), "<p>Table function: call it as <code>SELECT * FROM "
                    + Html.escape(function.getKey()) + "(DATE '2022-01-31')</code>.</p>\n<pre>"
                    + Html.escape(function.getValue()) + "</pre>"));
            viewRows.add(List.of(Html.link(page, function.getKey() + "(DATE)"), "Table function (as of a date)"));
        }
        pages.write("index.html", Html.page("IIP warehouse catalogue", "<p>Generated " + today + " (Vietnam's date)"
                + " from the warehouse " + Html.escape(warehouse) + ": the gold readers see"
                + " (iip_gold, publish " + Html.escape(newestPublish(spark)) + ").</p>\n<h2>Tables</h2>\n"
                + Html.table(List.of("table", "layer", "grain (one row per)", "rows", "Delta version", "comment"),
                        rows) + "<h2>Views and table functions</h2>\n"
                + Html.table(List.of("view", "comment"), viewRows) + "<h2>Newest national figures</h2>\n"
                + Figures.newest(spark)));
        pages.write("lineage.html", Html.page("Lineage: landing file to gold", Lineage.page(spark)));
        pages.write("rules.html", Html.page("Quarantine rules", RulePage.page(spark)));
        pages.write("freshness.html", Html.page("Freshness: the release calendar on " + today,
                Figures.freshness(spark, today)));
        return new Written(pages.count, tables.size(), views.size(), functions.size());
    }

    /** Every table of the warehouse, layer by layer. */
    static List<TableSpec> tables() {
        List<TableSpec> all = new ArrayList<>(BronzeTables.all());
        all.addAll(SilverTables.all());
        all.addAll(GoldTables.all());
        return all.stream().distinct().toList();
    }

    /** iip_gold's views over the gold tables (the tables' own views are their table pages). */
    static List<ViewSpec> views() {
        List<String> tableNames = GoldTables.published().stream().map(TableSpec::name).toList();
        return GoldViews.all().stream().filter(v -> !tableNames.contains(v.name())).toList();
    }

    private static String layer(TableSpec table) {
        return table.schema().equals(BronzeTables.SCHEMA) ? "bronze" : table.schema().equals(SilverTables.SCHEMA)
                ? "silver" : "gold";
    }

    private static Map<String, Long> publishedVersions(SparkSession spark) {
        List<Row> newest = spark.table(GoldTables.GOLD_PUBLISH.qualifiedName()).orderBy(col("publish_id").desc())
                .limit(1).collectAsList();
        return newest.isEmpty() ? Map.of() : newest.get(0).getJavaMap(3);
    }

    private static String newestPublish(SparkSession spark) {
        List<Row> newest = spark.table(GoldTables.GOLD_PUBLISH.qualifiedName()).orderBy(col("publish_id").desc())
                .limit(1).select("publish_id", "published_at").collectAsList();
        return newest.isEmpty() ? "none yet" : newest.get(0).getString(0) + " at "
                + newest.get(0).getTimestamp(1).toInstant() + " UTC";
    }

    private static Long deltaVersion(SparkSession spark, String name) {
        List<Row> history = io.delta.tables.DeltaTable.forName(spark, name).history(1).select("version")
                .collectAsList();
        return history.isEmpty() ? null : history.get(0).getLong(0);
    }

    /** The site's files, written through Hadoop's file system (a local folder or any URI). */
    private static final class Pages {
        private final org.apache.hadoop.fs.Path root;
        private final org.apache.hadoop.fs.FileSystem fs;
        private int count;

        Pages(String folder, org.apache.hadoop.conf.Configuration hadoop) {
            this.root = new org.apache.hadoop.fs.Path(folder);
            try {
                this.fs = root.getFileSystem(hadoop);
                fs.mkdirs(root);
            } catch (IOException e) {
                throw new IipException("Cannot create the catalogue folder " + folder + ": " + e.getMessage()
                        + "; give a folder you can write with --out");
            }
        }

        void write(String name, String html) {
            try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(root, name), true)) {
                out.write(html.getBytes(StandardCharsets.UTF_8));
                count++;
            } catch (IOException e) {
                throw new IipException("Cannot write " + name + " in " + root + ": " + e.getMessage());
            }
        }
    }

    static String columns(List<ColumnSpec> columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnSpec column : columns) {
            int split = column.comment().indexOf(" / ");
            rows.add(List.of(column.name(), column.type(), split < 0 ? column.comment()
                    : column.comment().substring(0, split), split < 0 ? "" : column.comment().substring(split + 3)));
        }
        return Html.table(List.of("column", "type", "English", "Tiếng Việt"), rows);
    }
}
