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

    public String location(TableSpec table) {
        return root + "/" + table.schema() + "/" + table.name();
    }

    /** Creates what is missing; existing tables are left as they are. */
    public void createTables() {
        createSchema(BronzeTables.SCHEMA, "Landing files and rows as received / Dữ liệu thô như nhận được");
        createSchema(SilverTables.SCHEMA, "Conformed observations, quarantine, run log / Dữ liệu đã chuẩn hóa");
        createSchema(GoldTables.SCHEMA, "Star schema for analysts: IIP facts with every vintage / Dữ liệu phân tích");
        for (List<TableSpec> layer : List.of(BronzeTables.all(), SilverTables.all(), GoldTables.all())) {
            // One listing per schema: far cheaper than asking the metastore table by table.
            java.util.Set<String> existing = new java.util.HashSet<>();
            spark.sql("SHOW TABLES IN " + layer.get(0).schema()).collectAsList()
                    .forEach(t -> existing.add(t.getString(1)));
            for (TableSpec table : layer) {
                if (!existing.contains(table.name())) {
                    spark.sql(table.createStatement(location(table)));
                }
            }
        }
    }

    /**
     * Makes the tables and views resolvable by name in this session, creating missing tables: with a persistent
     * catalog views already exist; with an in-memory catalog they are re-created over the re-attached tables.
     */
    public void attach() {
        createTables();
        if (!"hive".equals(spark.conf().get("spark.sql.catalogImplementation", "in-memory"))) {
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
