package vn.iip.mart;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Copies the gold star schema into PostgreSQL ({@code iip_mart}) for BI tools. The copy is loaded into a staging
 * schema, then swapped in by one transaction, so a reader sees the old mart or the new one, never a mix. The gold
 * Delta versions are read before and after the copy; if a run published in between, the copy is made again.
 */
public final class MartPublisher {
    private static final String STAGING = MartTables.SCHEMA + "_staging";
    /** pg_advisory_lock key: one publisher at a time per database ("IIPMART" in hex, truncated). */
    private static final long PUBLISH_LOCK = 0x4949504D415254L;
    private static final int COPY_ATTEMPTS = 3;

    private final SparkSession spark;
    private final String warehouse;
    private final MartTarget target;
    private final Function<MartTable, Dataset<Row>> source;

    public MartPublisher(SparkSession spark, String warehouse, MartTarget target) {
        this(spark, warehouse, target, table -> spark.table(table.source()));
    }

    /** @param source the rows of each mart table (the gold table or view it names, unless a test says otherwise) */
    MartPublisher(SparkSession spark, String warehouse, MartTarget target, Function<MartTable, Dataset<Row>> source) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.target = target;
        this.source = source;
    }

    /** What one publish did: its id, and per mart table the Delta version copied and the rows now in PostgreSQL. */
    public record Report(String publishId, Map<String, Long> versions, Map<String, Long> rows, int swapAttempts) {}

    public Report publish() {
        return publish(false);
    }

    /**
     * @param allowEmpty replace a mart that has facts by a gold that has none (otherwise refused: an empty gold is
     *                   almost always a wrong --warehouse, and the analysts' mart must not be emptied by mistake)
     */
    public Report publish(boolean allowEmpty) {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.properties())) {
            execute(connection, "SELECT pg_advisory_lock(" + PUBLISH_LOCK + ")");
            try {
                if (!allowEmpty) {
                    refuseToEmpty(connection);
                }
                MartDependents.refuseIfAny(connection, MartTables.SCHEMA);
                return publishLocked(connection);
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(" + PUBLISH_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot publish the BI mart to " + target.jdbcUrl() + ": "
                    + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** True when the mart's newest publish came from this warehouse at the gold versions it has now. */
    public boolean isCurrent() {
        Map<String, Long> current = DeltaVersions.of(spark, MartTables.ALL);
        Map<String, Long> published = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.properties());
             PreparedStatement query = connection.prepareStatement("SELECT DISTINCT delta_table, delta_version FROM "
                     + MartTables.SCHEMA + "." + MartTables.RELEASE.name() + " WHERE warehouse = ? AND publish_id ="
                     + " (SELECT max(publish_id) FROM " + MartTables.SCHEMA + "." + MartTables.RELEASE.name() + ")")) {
            query.setString(1, warehouse);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    published.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return false; // never published
            }
            throw new IllegalStateException("Cannot read the BI mart's publish history at " + target.jdbcUrl() + ": "
                    + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
        }
        return current.equals(published);
    }

    private static final String UNDEFINED_TABLE = "42P01";

    private void refuseToEmpty(Connection connection) throws SQLException {
        MartTable facts = MartTables.ALL.stream().filter(t -> t.source().endsWith(".fact_iip_release")).findFirst()
                .orElseThrow();
        if (source.apply(facts).limit(1).count() > 0) {
            return;
        }
        long martFacts;
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + MartTables.SCHEMA + "."
                     + facts.name())) {
            count.next();
            martFacts = count.getLong(1);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return; // no mart yet: nothing to lose
            }
            throw e;
        }
        if (martFacts > 0) {
            throw new vn.iip.IipException("Refusing to replace the BI mart at " + target.jdbcUrl() + " ("
                    + martFacts + " facts) by the gold of " + warehouse + ", which has none: check --warehouse (jobs/iip"
                    + " run fills it first), or pass --allow-empty to empty the mart on purpose. The mart is unchanged.");
        }
    }

    private Report publishLocked(Connection connection) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Map<String, Long> versions = DeltaVersions.of(spark, MartTables.ALL);
            createStaging(connection);
            for (MartTable table : MartTables.ALL) {
                source.apply(table).select(table.columnNames().stream().map(org.apache.spark.sql.functions::col)
                                .toArray(org.apache.spark.sql.Column[]::new))
                        .write().mode(SaveMode.Append).jdbc(target.jdbcUrl(), STAGING + "." + table.name(),
                                target.properties());
            }
            Map<String, Long> after = DeltaVersions.of(spark, MartTables.ALL);
            if (!versions.equals(after)) {
                // A run published gold while we copied: the copy may mix versions, so make it again.
                if (attempt < COPY_ATTEMPTS) {
                    continue;
                }
                throw new IllegalStateException("Gold changed during each of " + COPY_ATTEMPTS + " copies (Delta"
                        + " versions " + versions + " before the last, " + after + " after it): a run is publishing;"
                        + " run publish-bi again when it has finished. The mart in PostgreSQL is unchanged.");
            }
            String publishId = PublishIds.next(Instant.now());
            Map<String, Long> rows = finishStaging(connection, publishId, versions);
            int swaps = MartSwap.swap(connection, STAGING, MartTables.SCHEMA);
            return new Report(publishId, versions, rows, swaps);
        }
    }

    private void createStaging(Connection connection) throws SQLException {
        execute(connection, "DROP SCHEMA IF EXISTS " + STAGING + " CASCADE");
        execute(connection, "CREATE SCHEMA " + STAGING);
        execute(connection, "COMMENT ON SCHEMA " + STAGING + " IS " + MartDdl.literal("A BI mart being loaded; it"
                + " replaces " + MartTables.SCHEMA + " when complete / Mart đang nạp"));
        for (MartTable table : MartTables.ALL) {
            execute(connection, MartDdl.createTable(STAGING, table));
        }
        execute(connection, MartDdl.createTable(STAGING, MartTables.RELEASE));
        for (String statement : MartDdl.comments(STAGING, MartTables.RELEASE)) {
            execute(connection, statement);
        }
    }

    /** Indexes, comments and this publish's mart_release rows; returns the rows per table. */
    private Map<String, Long> finishStaging(Connection connection, String publishId, Map<String, Long> versions)
            throws SQLException {
        execute(connection, "COMMENT ON SCHEMA " + STAGING + " IS " + MartDdl.literal("IIP BI mart: the gold star"
                + " schema of the warehouse, copied for BI tools / Mart chỉ số sản xuất công nghiệp cho công cụ BI"));
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> statements = new ArrayList<>();
        for (MartTable table : MartTables.ALL) {
            statements.addAll(MartDdl.indexes(STAGING, table));
            statements.addAll(MartDdl.comments(STAGING, table));
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM " + STAGING + "." + table.name())) {
                count.next();
                rows.put(table.name(), count.getLong(1));
            }
        }
        for (String statement : statements) {
            execute(connection, statement);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + STAGING + "."
                + MartTables.RELEASE.name() + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (MartTable table : MartTables.ALL) {
                insert.setString(1, publishId);
                insert.setTimestamp(2, now);
                insert.setString(3, warehouse);
                insert.setString(4, table.name());
                insert.setString(5, table.source());
                insert.setString(6, table.versionOf());
                insert.setLong(7, versions.get(table.versionOf()));
                insert.setLong(8, rows.get(table.name()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return rows;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
