package vn.iip.catalog;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.iip.spark.DeltaWrites;

/**
 * One published gold at a time. A publish writes the gold tables one after another; readers must never see a mix
 * (a new dim_release beside old facts). So iip_gold's views all read one view, {@code iip_gold_store.gold_snapshot},
 * a union of every gold table pinned to a Delta version ({@code VERSION AS OF}); switching readers to the next gold
 * is one step: replacing that single view. Spark resolves it once per query (the analyzer's relation cache), so a
 * query sees one gold version or the next. Every switch is first recorded in {@code gold_publish}, which is the
 * truth the view is brought back to after a crash or in a catalog that has not seen it (the SQL endpoint's).
 */
public final class GoldSnapshot {
    private GoldSnapshot() {}

    public static final String VIEW = GoldTables.STORE_SCHEMA + ".gold_snapshot";
    static final String PUBLISH_PROPERTY = "iip.gold.publish_id";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A published gold: its id and the Delta version of each gold table in it. */
    public record Publish(String id, Map<String, Long> versions) {}

    /** Makes the current versions of the gold tables what readers see, and records it. Returns the publish. */
    public static Publish publish(SparkSession spark, Warehouse warehouse, String runId) {
        Timestamp now = Timestamp.from(java.time.Instant.now());
        Publish publish = new Publish(ID.format(now.toInstant()) + "-" + UUID.randomUUID().toString().substring(0, 8),
                currentVersions(spark, warehouse));
        Row row = RowFactory.create(publish.id(), runId, now, scala.jdk.javaapi.CollectionConverters.asScala(publish.versions()));
        DeltaWrites.append(spark.createDataFrame(List.of(row), GoldTables.GOLD_PUBLISH.structType()),
                GoldTables.GOLD_PUBLISH);
        show(spark, warehouse, publish);
        return publish;
    }

    private static Map<String, Long> currentVersions(SparkSession spark, Warehouse warehouse) {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (TableSpec table : GoldTables.published()) {
            versions.put(table.name(), WarehouseFiles.newestDeltaVersion(spark, warehouse.location(table)));
        }
        return versions;
    }

    /** The newest publish recorded, or null when gold was never published. */
    public static Publish latest(SparkSession spark) {
        List<Row> rows = spark.sql("SELECT publish_id, table_versions FROM " + GoldTables.GOLD_PUBLISH.qualifiedName()
                + " ORDER BY published_at DESC, publish_id DESC LIMIT 1").collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Long> versions = new LinkedHashMap<>();
        scala.jdk.javaapi.CollectionConverters.asJava(rows.get(0).<String, Long>getMap(1))
                .forEach((table, version) -> versions.put(table, version));
        return new Publish(rows.get(0).getString(0), versions);
    }

    /** What the view shows before gold is first published: the tables as they are, empty in a new warehouse. */
    static final String UNPUBLISHED = "(unpublished)";

    /**
     * Brings the view to the newest publish (a crash between recording a publish and switching the view, or a
     * catalog that has not seen this warehouse). Before any publish it shows the tables as they are, unrecorded.
     */
    public static Publish sync(SparkSession spark, Warehouse warehouse) {
        return sync(spark, warehouse, false);
    }

    /** @param remake make the view again even if it shows the newest publish (its text in the code changed) */
    static Publish sync(SparkSession spark, Warehouse warehouse, boolean remake) {
        Publish latest = latest(spark);
        String shown = remake ? null : shownPublishId(spark);
        if (latest == null) {
            Publish unpublished = new Publish(UNPUBLISHED, currentVersions(spark, warehouse));
            if (shown == null) {
                show(spark, warehouse, unpublished);
            }
            return unpublished;
        }
        if (!latest.id().equals(shown)) {
            show(spark, warehouse, latest);
        }
        return latest;
    }

    /** The publish the view shows, or null when there is no view. */
    static String shownPublishId(SparkSession spark) {
        if (!spark.catalog().tableExists(VIEW)) {
            return null;
        }
        List<Row> property = spark.sql("SHOW TBLPROPERTIES " + VIEW + " ('" + PUBLISH_PROPERTY + "')")
                .collectAsList();
        return property.isEmpty() ? null : property.get(0).getString(1);
    }

    private static void show(SparkSession spark, Warehouse warehouse, Publish publish) {
        spark.sql(statement(publish));
        warehouse.writePublishPointer(publish.id());
    }

    /**
     * The view: one branch per gold table at its version, each table's columns as one struct column (null in the
     * other tables' branches). The fields are cast to their own type: a struct made straight from the columns would
     * carry their comments in its type, differ from the other branches' and be cast as a whole, which would hide a
     * filter on period from the scan; cast field by field, the optimizer sees through it to the column.
     */
    static String statement(Publish publish) {
        List<TableSpec> tables = GoldTables.published();
        List<String> branches = new java.util.ArrayList<>();
        for (TableSpec table : tables) {
            // The first branch names the columns; NULL takes its type from the branch that has the table. Short,
            // because a metastore keeps a view's text in a limited column (Derby: 32,700 characters).
            boolean first = branches.isEmpty();
            String columns = tables.stream().map(other -> (other == table ? struct(other) : "NULL")
                    + (first ? " AS " + other.name() : "")).collect(Collectors.joining(", "));
            branches.add("SELECT '" + table.name() + "'" + (first ? " AS gold_table" : "") + ", " + columns
                    + "\nFROM " + table.qualifiedName() + " VERSION AS OF " + version(publish, table) + " AS t");
        }
        return "CREATE OR REPLACE VIEW " + VIEW + "\nCOMMENT 'The gold readers see: each gold table at the Delta version"
                + " of publish " + publish.id() + " (iip_gold reads it) / Dữ liệu vàng đang công bố'\nTBLPROPERTIES ('"
                + PUBLISH_PROPERTY + "' = '" + publish.id() + "')\nAS " + String.join("\nUNION ALL\n", branches);
    }

    private static String struct(TableSpec table) {
        return "named_struct(" + table.columns().stream().map(c -> "'" + c.name() + "', CAST(t." + c.name() + " AS "
                + c.type() + ")").collect(Collectors.joining(", ")) + ")";
    }

    /** The snapshot view's field for a column of a gold table. */
    static String column(TableSpec table, ColumnSpec column) {
        return table.name() + "." + column.name();
    }

    private static String version(Publish publish, TableSpec table) {
        if (publish.versions().isEmpty()) {
            return "0"; // the text without versions, to tell whether the code's definition changed
        }
        Long version = publish.versions().get(table.name());
        if (version == null && GoldTables.ADDED_AFTER_FIRST_PUBLISH.contains(table)) {
            return "0"; // a publish from before the table existed: the table as created, empty
        }
        if (version == null) {
            throw new IllegalStateException("Publish " + publish.id() + " in " + GoldTables.GOLD_PUBLISH.qualifiedName()
                    + " has no version of " + table.name() + "; run jobs/iip run to publish gold again");
        }
        return String.valueOf(version);
    }

}
