package vn.iip.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;
import vn.iip.catalog.Warehouse;
import vn.iip.spark.Sessions;

/**
 * Gives a warehouse (local folder) the catalog of layout 2, as the release before the gold store left it: a fresh
 * metastore in which iip_gold's names are the gold tables themselves (external, at their folders), one view reading
 * them straight, no iip_gold_store, no publish record, and the layout marker at 2. Run as its own JVM (a catalog
 * belongs to its session's JVM).
 */
public final class LegacyCatalog {
    private LegacyCatalog() {}

    /** Gold's folder: the gold store's tables stay where layout 2 kept iip_gold's. */
    private static final String GOLD_FOLDER = "iip_gold";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        deleteTree(root.resolve("metastore_db"));
        deleteTree(root.resolve(GOLD_FOLDER).resolve(GoldTables.GOLD_PUBLISH.name()));
        for (String marker : List.of("_iip_views", "_gold_publish")) {
            Files.deleteIfExists(root.resolve(marker));
        }
        Files.writeString(root.resolve("_iip_layout_version"), "2\n");
        SparkSession spark = Sessions.forWarehouse(root.toString(), "legacy catalog");
        Warehouse folders = new Warehouse(spark, root.toString());
        for (String schema : List.of(BronzeTables.SCHEMA, SilverTables.SCHEMA, GoldTables.SCHEMA)) {
            String folder = schema.equals(GoldTables.SCHEMA) ? GOLD_FOLDER : schema;
            spark.sql("CREATE DATABASE " + schema + " LOCATION '" + root.resolve(folder) + "'");
        }
        List<TableSpec> tables = new java.util.ArrayList<>(BronzeTables.all());
        tables.addAll(SilverTables.all());
        tables.addAll(GoldTables.published());
        for (TableSpec table : tables) {
            String name = table.schema().equals(GoldTables.STORE_SCHEMA) ? GoldTables.SCHEMA + "." + table.name()
                    : table.qualifiedName();
            spark.sql("CREATE TABLE " + name + " USING DELTA LOCATION '" + folders.location(table) + "'");
        }
        spark.sql("CREATE VIEW " + GoldTables.SCHEMA + ".v_iip_latest AS SELECT * FROM " + GoldTables.SCHEMA
                + ".fact_iip_release WHERE is_latest_release");
        spark.stop();
        System.out.println("layout 2 catalog ready");
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
