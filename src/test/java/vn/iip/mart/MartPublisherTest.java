package vn.iip.mart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.iip.testing.PostgresServer;
import vn.iip.testing.SharedWarehouse;

/** The BI mart on a real PostgreSQL server, published from the shared warehouse's gold tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MartPublisherTest {
    private PostgresServer postgres;
    private SparkSession spark;
    private MartTarget target;
    private MartPublisher.Report first;

    @BeforeAll
    void publishOnce() {
        postgres = PostgresServer.shared();
        spark = SharedWarehouse.spark();
        target = new MartTarget(postgres.url(), PostgresServer.USER, postgres.password());
        first = new MartPublisher(spark, SharedWarehouse.root().toString(), target).publish();
    }

    @Test
    @Order(1)
    void everyMartTableEqualsItsGoldSourceRowForRow() throws SQLException {
        try (Connection connection = postgres.connect()) {
            for (MartTable table : MartTables.ALL) {
                List<String> gold = spark.table(table.source()).selectExpr(table.columnNames().toArray(String[]::new))
                        .collectAsList().stream().map(MartPublisherTest::line).sorted().toList();
                List<String> mart = query(connection, "SELECT " + String.join(", ", table.columnNames()) + " FROM "
                        + MartTables.SCHEMA + "." + table.name()).stream().sorted().toList();
                // The adjusted series come with a computed survey, which this fork's warehouse may not have yet.
                assertTrue(gold.size() > 3 || MartTables.FROM_SURVEY.contains(table.name())
                        || MartTables.FEW_ROWS.contains(table.name()), table.name());
                assertEquals(gold, mart, table.name());
                assertEquals((long) gold.size(), first.rows().get(table.name()), table.name());
            }
            // Manufacturing, Nov-2021 YoY: first printed 6.4, revised to 8.6 (IIP-DOMAIN.md, section 0).
            String key = " WHERE period = '2021-11' AND geo_code = 'VN' AND industry_code = 'C' AND comparison = 'yoy'"
                    + " AND measure = 'iip'";
            assertEquals(List.of("8.6"), query(connection, "SELECT value_pct FROM iip_mart.iip_latest" + key));
            assertEquals(List.of("6.4"), query(connection, "SELECT value_pct FROM iip_mart.iip_first_release" + key));
            assertEquals(List.of("8.6|6.4|2.2"), query(connection, "SELECT yoy_pct, yoy_first_print_pct,"
                    + " round(yoy_revision_pp::numeric, 1) FROM iip_mart.iip_monthly_wide WHERE period = '2021-11'"
                    + " AND geo_code = 'VN' AND industry_code = 'C'"));
        }
    }

    @Test
    @Order(2)
    void keysIndexesAndBilingualComments() throws SQLException {
        try (Connection connection = postgres.connect()) {
            List<String> keys = query(connection, "SELECT c.conrelid::regclass::text FROM pg_constraint c JOIN"
                    + " pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'iip_mart' AND c.contype = 'p'");
            // Every table has a primary key but quality_check; mart_release has one too.
            assertEquals(MartTables.ALL.size(), keys.size(), keys.toString());
            assertTrue(!keys.contains("iip_mart.quality_check"), keys.toString());
            assertEquals(List.of("period, geo_code, geo_version, industry_code, comparison, measure, release_id"),
                    query(connection, "SELECT string_agg(a.attname, ', ' ORDER BY k.ordinality) FROM pg_constraint c"
                            + " CROSS JOIN unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality) JOIN pg_attribute a"
                            + " ON a.attrelid = c.conrelid AND a.attnum = k.attnum WHERE c.contype = 'p'"
                            + " AND c.conrelid = 'iip_mart.fact_iip_release'::regclass"));
            Set<String> indexes = new TreeSet<>(query(connection, "SELECT indexname FROM pg_indexes WHERE"
                    + " schemaname = 'iip_mart' AND tablename = 'fact_iip_release'"));
            assertTrue(indexes.containsAll(List.of("fact_iip_release_by_period", "fact_iip_release_by_geo_code_geo_version",
                    "fact_iip_release_by_industry_code", "fact_iip_release_by_release_id")), indexes.toString());
            List<String> uncommented = query(connection, "SELECT c.relname || '.' || coalesce(a.attname, '') FROM"
                    + " pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attribute a ON"
                    + " a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped WHERE n.nspname = 'iip_mart'"
                    + " AND c.relkind = 'r' AND (obj_description(c.oid, 'pg_class') NOT LIKE '% / %'"
                    + " OR col_description(c.oid, a.attnum) IS NULL OR col_description(c.oid, a.attnum) NOT LIKE '% / %')");
            assertEquals(List.of(), uncommented);
            assertEquals(List.of("Growth in % (pp for contributions) / Tốc độ tăng (%)"), query(connection,
                    "SELECT col_description('iip_mart.iip_latest'::regclass, 13)"));
        }
    }

    @Test
    @Order(3)
    void martReleaseRecordsTheDeltaVersionsCopied() throws SQLException {
        try (Connection connection = postgres.connect()) {
            for (MartTable table : MartTables.ALL) {
                long version = spark.sql("DESCRIBE HISTORY " + table.versionOf() + " LIMIT 1").first().getLong(0);
                assertEquals(List.of(table.source() + "|" + table.versionOf() + "|" + version + "|"
                                + first.rows().get(table.name())),
                        query(connection, "SELECT source, delta_table, delta_version, row_count FROM"
                                + " iip_mart.mart_release WHERE publish_id = '" + first.publishId() + "' AND table_name = '"
                                + table.name() + "'"), table.name());
                // The version recorded stays readable by time travel (retention: README, "Retention and VACUUM").
                assertTrue(spark.sql("SELECT count(*) FROM " + table.versionOf() + " VERSION AS OF " + version)
                        .first().getLong(0) >= 0, table.name());
            }
        }
        assertTrue(new MartPublisher(spark, SharedWarehouse.root().toString(), target).isCurrent());
        assertTrue(!new MartPublisher(spark, "/another/warehouse", target).isCurrent());
    }

    /**
     * A reader queries while publishes alternate between two different marts (all of gold, and gold before 2021).
     * Each of its statements checks, in one snapshot, that every table holds the row count its newest mart_release
     * row records: a mix of old and new tables would break it. The reader is a separate role whose grants must
     * survive each swap.
     */
    @Test
    @Order(4)
    void aConcurrentReaderSeesTheOldMartOrTheNewNeverAMix() throws Exception {
        String readerPassword = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(8));
        try (Connection admin = postgres.connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS iip_reader");
            statement.execute("CREATE ROLE iip_reader LOGIN PASSWORD '" + readerPassword + "'");
            statement.execute("GRANT USAGE ON SCHEMA iip_mart TO iip_reader");
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA iip_mart TO iip_reader");
        }
        String consistency = "SELECT r.publish_id, bool_and(r.row_count = c.n) FROM iip_mart.mart_release r JOIN ("
                + MartTables.ALL.stream().map(t -> "SELECT '" + t.name() + "' AS t, count(*) AS n FROM iip_mart."
                        + t.name()).collect(Collectors.joining(" UNION ALL "))
                + ") c ON c.t = r.table_name WHERE r.publish_id = (SELECT max(publish_id) FROM iip_mart.mart_release)"
                + " GROUP BY r.publish_id";
        AtomicBoolean publishing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            Properties properties = new Properties();
            properties.setProperty("user", "iip_reader");
            properties.setProperty("password", readerPassword);
            try (Connection connection = java.sql.DriverManager.getConnection(postgres.url(), properties);
                 Statement statement = connection.createStatement()) {
                while (publishing.get()) {
                    try (ResultSet rows = statement.executeQuery(consistency)) {
                        rows.next();
                        seen.add(rows.getString(1));
                        if (!rows.getBoolean(2)) {
                            problems.add("publish " + rows.getString(1) + ": a table's rows differ from its mart_release count");
                        }
                    }
                }
            } catch (SQLException e) {
                problems.add(e.getMessage());
            }
        });
        reader.start();
        List<MartPublisher.Report> reports = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                boolean before2021 = i % 2 == 0;
                reports.add(new MartPublisher(spark, SharedWarehouse.root().toString(), target,
                        table -> before2021 && table.columnNames().contains("period")
                                ? spark.table(table.source()).filter("period < '2021'")
                                : spark.table(table.source())).publish());
            }
        } finally {
            publishing.set(false);
            reader.join();
        }
        assertEquals(List.of(), List.copyOf(problems));
        Set<String> publishes = new TreeSet<>(seen);
        assertTrue(publishes.size() >= 3, "the reader saw too few publishes: " + publishes);
        assertTrue(reports.get(0).rows().get("fact_iip_release") < reports.get(1).rows().get("fact_iip_release"));
        try (Connection connection = postgres.connect()) {
            assertEquals(List.of("5"), query(connection, "SELECT count(DISTINCT publish_id) FROM iip_mart.mart_release"
                    + " WHERE publish_id >= '" + first.publishId() + "'"));
        }
    }

    /**
     * An analyst's view over the mart, in a schema of its own: the swap (DROP SCHEMA iip_mart CASCADE) would drop it
     * silently, so the publish is refused naming it, and the mart stays as it was; without it the publish goes on.
     */
    @Test
    @Order(5)
    void aPublishThatWouldDropAnAnalystsViewIsRefusedNamingIt() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS analytics");
            statement.execute("CREATE VIEW analytics.provinces_nov_2021 AS SELECT geo_code, value_pct FROM"
                    + " iip_mart.iip_latest WHERE period = '2021-11' AND industry_code = 'TOTAL'");
            List<String> publishes = query(connection, "SELECT count(DISTINCT publish_id) FROM iip_mart.mart_release");
            vn.iip.IipException refused = org.junit.jupiter.api.Assertions.assertThrows(vn.iip.IipException.class,
                    () -> new MartPublisher(spark, SharedWarehouse.root().toString(), target).publish());
            assertEquals("Refusing to publish the BI mart: view analytics.provinces_nov_2021 depends on iip_mart, and"
                    + " replacing the schema would drop it; save the definition (SELECT pg_get_viewdef('NAME')), drop"
                    + " it, publish, then create it again. The mart is unchanged.", refused.getMessage());
            assertEquals(publishes, query(connection, "SELECT count(DISTINCT publish_id) FROM iip_mart.mart_release"));
            assertTrue(query(connection, "SELECT count(*) FROM analytics.provinces_nov_2021").get(0).matches("[1-9]\\d*"));
            statement.execute("DROP SCHEMA analytics CASCADE");
        }
        new MartPublisher(spark, SharedWarehouse.root().toString(), target).publish();
    }

    /**
     * A gold without facts (on main: a mistyped --warehouse that publish-bi made empty) does not replace a mart that
     * has them, unless --allow-empty says so.
     */
    @Test
    @Order(6)
    void anEmptyGoldDoesNotReplaceAMartThatHasFactsUnlessAllowed() throws SQLException {
        java.util.function.Function<MartTable, Dataset<Row>> empty = table -> spark.table(table.source()).limit(0);
        try (Connection connection = postgres.connect()) {
            List<String> facts = query(connection, "SELECT count(*) FROM iip_mart.fact_iip_release");
            vn.iip.IipException refused = org.junit.jupiter.api.Assertions.assertThrows(vn.iip.IipException.class,
                    () -> new MartPublisher(spark, SharedWarehouse.root().toString(), target, empty).publish());
            assertEquals("Refusing to replace the BI mart at " + postgres.url() + " (" + facts.get(0) + " facts) by the"
                    + " gold of " + SharedWarehouse.root() + ", which has none: check --warehouse (jobs/iip run fills it"
                    + " first), or pass --allow-empty to empty the mart on purpose. The mart is unchanged.",
                    refused.getMessage());
            assertEquals(facts, query(connection, "SELECT count(*) FROM iip_mart.fact_iip_release"));
            new MartPublisher(spark, SharedWarehouse.root().toString(), target, empty).publish(true);
            assertEquals(List.of("0"), query(connection, "SELECT count(*) FROM iip_mart.fact_iip_release"));
        }
        new MartPublisher(spark, SharedWarehouse.root().toString(), target).publish();
    }

    private static String line(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.isNullAt(i) ? "" : String.valueOf(row.get(i)));
        }
        return String.join("|", cells);
    }

    static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    cells.add(value == null ? "" : String.valueOf(value));
                }
                lines.add(String.join("|", cells));
            }
        }
        return lines;
    }
}
