package vn.iip.catalog;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The only place that issues DDL: schemas, tables (with bilingual comments) and views. Tables live at
 * {@code <warehouse>/<folder>/<table>} so the Delta folders stay readable without the catalog.
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
        return root + "/" + table.folder() + "/" + table.name();
    }

    /**
     * Version of the table layouts; raise it when a column is added, so warehouses built before get the column
     * (as null in their old rows) on their next run. 3: the gold tables moved to iip_gold_store, iip_gold is views.
     * 4: run_log's mode and reprocess counts; retention properties on every table.
     */
    static final int LAYOUT_VERSION = 4;
    private static final String LAYOUT_MARKER = "_iip_layout_version";
    /** Names the newest gold publish, for readers whose catalog cannot see a run switch it (the SQL endpoint's). */
    private static final String PUBLISH_POINTER = "_gold_publish";

    /**
     * Creates what is missing. A table whose Delta log is already at its location (a catalog lost or not shared) is
     * attached with the schema of its log; tables of an older layout get the columns added since.
     */
    public void createTables() {
        createSchema(BronzeTables.SCHEMA, "Landing files and rows as received / Dữ liệu thô như nhận được");
        createSchema(SilverTables.SCHEMA, "Conformed observations, quarantine, run log / Dữ liệu đã chuẩn hóa");
        createSchema(GoldTables.STORE_SCHEMA, "Gold Delta tables with every version (time travel) / Bảng dữ liệu"
                + " vàng với mọi phiên bản", GoldTables.FOLDER);
        createSchema(GoldTables.SCHEMA, "Star schema for analysts: IIP facts with every vintage, one published"
                + " gold at a time / Dữ liệu phân tích", GoldTables.FOLDER);
        int layout = WarehouseFiles.readInt(spark, root + "/" + LAYOUT_MARKER);
        if (layout < 3) {
            unregisterOldGoldTables();
        }
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
        if (!kept.isEmpty() && layout < LAYOUT_VERSION) {
            kept.forEach(this::addMissingColumns);
        }
        if (layout < 4) {
            // Tables made before layout 4 had Delta's default retention (30 days of log, 7 of deleted files).
            for (TableSpec table : kept) {
                spark.sql("ALTER TABLE " + table.qualifiedName() + " SET TBLPROPERTIES ("
                        + TableSpec.retentionProperties() + ")");
            }
        }
        if (layout < 3 && kept.contains(GoldTables.FACT_IIP_RELEASE)) {
            // Readers of an upgraded warehouse see the gold it had, as its first recorded publish.
            GoldSnapshot.publish(spark, this, "(upgrade: gold tables moved to " + GoldTables.STORE_SCHEMA + ")");
        }
        if (layout != LAYOUT_VERSION) {
            WarehouseFiles.writeInt(spark, root + "/" + LAYOUT_MARKER, LAYOUT_VERSION);
        }
    }

    /**
     * Layouts 1 and 2 registered the gold tables as iip_gold's own; their names are iip_gold's views now. The
     * tables are external (registered with their location), so dropping the names keeps every file; the same
     * folders are then attached as iip_gold_store's tables.
     */
    private void unregisterOldGoldTables() {
        for (TableSpec table : GoldTables.published()) {
            String name = GoldTables.SCHEMA + "." + table.name();
            if (!spark.catalog().tableExists(name)) {
                continue;
            }
            String type = tableType(name);
            if (type.equals("EXTERNAL")) {
                spark.sql("DROP TABLE " + name);
            } else if (!type.equals("VIEW")) {
                throw new vn.iip.IipException("Cannot upgrade " + name + ": it is a " + type + " table, and dropping"
                        + " its name would delete its data; register it with its location (" + location(table)
                        + ") as an external table first");
            }
        }
    }

    private String tableType(String name) {
        try {
            return spark.catalog().getTable(name).tableType();
        } catch (Exception e) {
            return "VIEW";
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
     * Makes the tables and views resolvable by name in this session, creating missing tables, and brings the
     * readers' gold to the newest publish. Views are re-created when the catalog does not have them: an in-memory
     * catalog, or a persistent one that meets this warehouse for the first time (built on a cluster without a
     * metastore, or its catalog lost).
     */
    public void attach() {
        createTables();
        attachViews();
    }

    /**
     * {@link #attach()}, with a read of the tables (they exist by then) made while the views are brought up to date
     * on another thread: returns what it read. Only for a session whose statements are not guarded per thread (the
     * SQL endpoint prepares its views unguarded on its own thread: it uses {@link #attach()}).
     */
    public <T> T attach(java.util.function.Supplier<T> alongside) {
        createTables();
        return vn.iip.spark.Overlap.run(alongside, () -> {
            attachViews();
            return null;
        }).firstResult();
    }

    private void attachViews() {
        boolean persistent = "hive".equals(spark.conf().get("spark.sql.catalogImplementation", "in-memory"));
        // Views are (re)made when their text in the code changed, and in a catalog that does not have them.
        String definitions = viewDefinitions();
        boolean remake = !persistent || !definitions.equals(WarehouseFiles.readText(spark, root + "/" + VIEWS_MARKER))
                || GoldViews.all().stream().anyMatch(v -> !spark.catalog().tableExists(v.qualifiedName()))
                || GoldViews.functionStatements().keySet().stream().anyMatch(f -> !spark.catalog().functionExists(f));
        GoldSnapshot.sync(spark, this, remake);
        if (remake) {
            createViews();
            WarehouseFiles.writeText(spark, root + "/" + VIEWS_MARKER, definitions);
        }
    }

    /** Which definitions the views of the catalog have (a hash of their statements). */
    private static final String VIEWS_MARKER = "_iip_views";

    private static String viewDefinitions() {
        StringBuilder statements = new StringBuilder(String.join("\n", GoldViews.functionStatements().values()))
                .append('\n').append(GoldSnapshot.statement(new GoldSnapshot.Publish("", java.util.Map.of())));
        GoldViews.all().forEach(view -> statements.append('\n').append(view.createStatement()));
        return vn.iip.ingest.Sha256.hex(statements.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** iip_gold's views and the as-of table function, as the code defines them. */
    private void createViews() {
        for (ViewSpec view : GoldViews.all()) {
            spark.sql(view.createStatement());
        }
        GoldViews.functionStatements().values().forEach(spark::sql);
    }

    /** Records the publish readers now see, where a reader that cannot see the catalog change looks for it. */
    void writePublishPointer(String publishId) {
        WarehouseFiles.writeText(spark, root + "/" + PUBLISH_POINTER, publishId);
    }

    /** The newest publish as recorded for such readers, or null. */
    public String readPublishPointer() {
        return WarehouseFiles.readText(spark, root + "/" + PUBLISH_POINTER);
    }

    /** Beside a table's Delta log: the hash of the content last written whole, and the Delta version it made. */
    private static final String CONTENT_MARKER = "_iip_content";

    /**
     * Whether the table holds the content with this hash: it was the last written whole, and nothing has written
     * the table since (its newest Delta version is the one that write made). Files starting with "_" are no part
     * of a Delta table, and VACUUM leaves them.
     */
    public boolean holdsContent(TableSpec table, String hash) {
        String recorded = WarehouseFiles.readText(spark, location(table) + "/" + CONTENT_MARKER);
        if (recorded == null) {
            return false;
        }
        try {
            return recorded.equals(hash + " " + WarehouseFiles.newestDeltaVersion(spark, location(table)));
        } catch (RuntimeException unreadableLog) {
            return false; // written whole again, which repairs nothing but loses nothing
        }
    }

    /**
     * Whether nothing was ever written to the table since it was created empty (its only Delta version is 0): a
     * listing of its log instead of a query, for tables most warehouses never fill (the survey's without a survey).
     */
    public boolean neverWritten(TableSpec table) {
        return WarehouseFiles.newestDeltaVersion(spark, location(table)) == 0;
    }

    /** The table's newest Delta version, from a listing of its log. */
    public long newestVersion(TableSpec table) {
        return WarehouseFiles.newestDeltaVersion(spark, location(table));
    }

    /** Records that the table now holds the content with this hash, at its newest Delta version. */
    public void recordContent(TableSpec table, String hash) {
        WarehouseFiles.writeText(spark, location(table) + "/" + CONTENT_MARKER, hash + " "
                + WarehouseFiles.newestDeltaVersion(spark, location(table)));
    }

    private void createSchema(String schema, String comment) {
        createSchema(schema, comment, schema);
    }

    private void createSchema(String schema, String comment, String folder) {
        if (spark.catalog().databaseExists(schema)) {
            return;
        }
        spark.sql("CREATE DATABASE IF NOT EXISTS " + schema + " COMMENT '" + Sql.quote(comment) + "' LOCATION '"
                + Sql.quote(root + "/" + folder) + "'");
    }
}
