package vn.iip.docs;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;

/** From landing file to gold, stage by stage, with what this warehouse holds at each. */
final class Lineage {
    private Lineage() {}

    static String page(SparkSession spark) {
        List<List<Object>> stages = new ArrayList<>();
        stages.add(stage("1 land", "Extract files in the input folder (CSV, PC-Axis, workbooks), or the bundled"
                + " samples", "(files)", "—"));
        stages.add(stage("2 ingest", "Each file once, by SHA-256; encoding and format detected; every row kept as"
                + " received", page(BronzeTables.EXTRACT_FILE.qualifiedName()) + ", " + page(BronzeTables.EXTRACT_ROW.qualifiedName()),
                count(spark, BronzeTables.EXTRACT_FILE.qualifiedName()) + " file(s), "
                        + count(spark, BronzeTables.EXTRACT_ROW.qualifiedName()) + " row(s)"));
        stages.add(stage("3 conform", "Numbers, periods, geography (vn63 / vn34), industries, comparisons, measures;"
                + " duplicates. A row either becomes an observation or is quarantined with its rule (see Rules)",
                page(SilverTables.OBSERVATION.qualifiedName()) + ", " + page(SilverTables.QUARANTINE.qualifiedName()),
                count(spark, SilverTables.OBSERVATION.qualifiedName()) + " observation(s), "
                        + count(spark, SilverTables.QUARANTINE.qualifiedName()) + " quarantined"));
        stages.add(stage("4 publish", "Dimensions, every vintage of every figure with its release rank,"
                + " revisions, the release calendar", link("fact_iip_release") + ", " + link("fact_iip_revision")
                + ", " + link("dim_release") + ", " + link("release_calendar"),
                count(spark, GoldTables.SCHEMA + ".fact_iip_release") + " fact(s)"));
        stages.add(stage("5 quality", "Checks that report, never drop: conservation, contributions, December vs"
                + " annual, ranges, revisions, freshness", link("quality_check"),
                count(spark, GoldTables.SCHEMA + ".quality_check") + " check row(s)"));
        stages.add(stage("6 compute", "From the enterprise survey: imputation, Laspeyres, chain-linking,"
                + " contributions", link("fact_iip_computed"),
                count(spark, GoldTables.SCHEMA + ".fact_iip_computed") + " vintage row(s)"));
        stages.add(stage("7 adjust", "Seasonal and Tết adjustment (JDemetra+ X-13 or TRAMO-SEATS)",
                link("fact_iip_sa") + ", " + link("sa_diagnostics"),
                count(spark, GoldTables.SCHEMA + ".fact_iip_sa") + " vintage row(s)"));
        stages.add(stage("8 serve", "Readers switch to the run's gold in one step (gold_publish); views, the SQL"
                + " endpoint, exports and the BI mart read it", link("gold_publish"),
                count(spark, GoldTables.STORE_SCHEMA + ".gold_publish") + " publish(es)"));
        StringBuilder html = new StringBuilder("<p>Every figure keeps its lineage: <code>file_sha256</code> and"
                + " <code>row_number</code> lead from a gold fact back to its row in bronze and its landing file."
                + "</p>\n<table>\n<tr><th>stage</th><th>what happens</th><th>tables</th><th>held now</th></tr>\n");
        for (List<Object> row : stages) {
            html.append("<tr>");
            for (Object cell : row) {
                html.append("<td>").append(cell).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static List<Object> stage(String name, String what, String tables, String held) {
        return List.of(Html.escape(name), Html.escape(what), tables.contains("<a ") ? tables : Html.escape(tables),
                Html.escape(held));
    }

    private static String link(String goldTable) {
        return page((goldTable.equals("gold_publish") ? GoldTables.STORE_SCHEMA : GoldTables.SCHEMA) + "."
                + goldTable);
    }

    private static String page(String readersName) {
        return Html.link("table-" + readersName + ".html", readersName).html();
    }

    private static long count(SparkSession spark, String table) {
        return spark.table(table).count();
    }
}
