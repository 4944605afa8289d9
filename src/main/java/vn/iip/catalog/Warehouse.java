package vn.iip.catalog;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The only place that issues DDL: schemas, tables (with bilingual comments) and views. Tables live at
 * {@code <warehouse>/<schema>/<table>} so the Delta folders stay readable without the catalog.
 */
public final class Warehouse {
    private final SparkSession spark;
    private final String root;

    public Warehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /**
     * Fails when {@code root} holds no warehouse (no gold fact table's Delta log), before a session would create
     * one there: commands that read a warehouse must not make an empty one at a mistyped path.
     */
    public static void requireAt(String root, org.apache.hadoop.conf.Configuration hadoop) {
        String facts = new Warehouse(null, root).location(GoldTables.FACT_IIP_RELEASE);
        org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(facts + "/_delta_log");
        try {
            if (!log.getFileSystem(hadoop).exists(log)) {
                throw new vn.iip.IipException("No IIP warehouse at " + root + " (no " + facts + "): run jobs/iip run"
                        + " --warehouse " + root + " first, or give --warehouse the folder of an existing warehouse");
            }
        } catch (java.io.IOException e) {
            throw new vn.iip.IipException("Cannot reach the warehouse at " + root + ": " + e.getMessage()
                    + "; check the URI and that its file system is up", e);
        }
    }

    public String location(TableSpec table) {
        return root + "/" + table.schema() + "/" + table.name();
    }

    /**
     * Version of the table layouts; raise it when a column is added, so warehouses built before get the column
     * (as null in their old rows) on their next run.
     */
    static final int LAYOUT_VERSION = 2;
    private static final String LAYOUT_MARKER = "_iip_layout_version";

    /**
     * Creates what is missing. A table whose Delta log is already at its location (a catalog lost or not shared) is
     * attached with the schema of its log; tables of an older layout get the columns added since.
     */
    public void createTables() {
        createSchema(BronzeTables.SCHEMA, "Landing files and rows as received / Dữ liệu thô như nhận được");
        createSchema(SilverTables.SCHEMA, "Conformed observations, quarantine, run log / Dữ liệu đã chuẩn hóa");
        createSchema(GoldTables.SCHEMA, "Star schema for analysts: IIP facts with every vintage / Dữ liệu phân tích");
        List<TableSpec> kept = new java.util.ArrayList<>();
        for (List<TableSpec> layer : List.of(BronzeTables.all(), SilverTables.all(), GoldTables.all())) {
            // One listing per schema: far cheaper than asking the metastore table by table.
            java.util.Set<String> existing = new java.util.HashSet<>();
            spark.sql("SHOW TABLES IN " + layer.get(0).schema()).collectAsList()
                    .forEach(t -> existing.add(t.getString(1)));
            for (TableSpec table : layer) {
                if (existing.contains(table.name())) {
                    kept.add(table);
                } else if (WarehouseFiles.exists(spark, location(table) + "/_delta_log")) {
                    spark.sql("CREATE TABLE IF NOT EXISTS " + table.qualifiedName() + " USING DELTA LOCATION '"
                            + Sql.quote(location(table)) + "'");
                    kept.add(table);
                } else {
                    spark.sql(table.createStatement(location(table)));
                }
            }
        }
        String marker = root + "/" + LAYOUT_MARKER;
        if (!kept.isEmpty() && WarehouseFiles.readInt(spark, marker) < LAYOUT_VERSION) {
            kept.forEach(this::addMissingColumns);
        }
        if (WarehouseFiles.readInt(spark, marker) != LAYOUT_VERSION) {
            WarehouseFiles.writeInt(spark, marker, LAYOUT_VERSION);
        }
    }

    /** ALTER TABLE … ADD COLUMNS for the columns a table of an older layout lacks (old rows read them as null). */
    private void addMissingColumns(TableSpec table) {
        java.util.Set<String> present = new java.util.HashSet<>(java.util.Arrays.asList(
                spark.table(table.qualifiedName()).schema().fieldNames()));
        List<String> missing = table.columns().stream().filter(c -> !present.contains(c.name()))
                .map(ColumnSpec::ddl).toList();
        if (!missing.isEmpty()) {
            spark.sql("ALTER TABLE " + table.qualifiedName() + " ADD COLUMNS (" + String.join(", ", missing) + ")");
        }
    }

    /**
     * Makes the tables and views resolvable by name in this session, creating missing tables. Views are re-created
     * over the re-attached tables when the catalog does not have them: an in-memory catalog, or a persistent one
     * that meets this warehouse for the first time (built on a cluster without a metastore, or its catalog lost).
     */
    public void attach() {
        createTables();
        boolean persistent = "hive".equals(spark.conf().get("spark.sql.catalogImplementation", "in-memory"));
        if (!persistent || GoldViews.all().stream().anyMatch(view -> !spark.catalog().tableExists(view.qualifiedName()))
                || !spark.catalog().functionExists(GoldViews.AS_OF_FUNCTION)) {
            createViews();
        }
    }

    /** Views and the as-of table function; replaced on every publish so their text follows the code. */
    public void createViews() {
        for (ViewSpec view : GoldViews.all()) {
            spark.sql(view.createStatement());
        }
        spark.sql(GoldViews.asOfFunctionStatement());
    }

    private void createSchema(String schema, String comment) {
        if (spark.catalog().databaseExists(schema)) {
            return;
        }
        spark.sql("CREATE DATABASE IF NOT EXISTS " + schema + " COMMENT '" + Sql.quote(comment) + "' LOCATION '"
                + Sql.quote(root + "/" + schema) + "'");
    }
}
