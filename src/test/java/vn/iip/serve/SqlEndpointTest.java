package vn.iip.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.iip.spark.MetastoreMarker;
import vn.iip.testing.ChildJvm;
import vn.iip.testing.ClusterProcesses;

/**
 * jobs/iip serve as analysts meet it: the real Spark Connect JVM client (in its own JVM, on the client's own
 * classpath) reads tables, comments, views and time travel; every kind of write is refused; a client without the
 * token is turned away; and a release published by a concurrent jobs/iip run is visible at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlEndpointTest {
    private static final Path SAMPLES = Path.of("src/main/resources/samples");
    private static final String NEW_RELEASE = "2022-11-29_iip-nov-2022.csv";
    private static final String TOTAL_YTD = "SELECT value_pct FROM iip_gold.v_iip_latest WHERE period = '2021-11'"
            + " AND geo_code = 'VN' AND industry_code = 'TOTAL' AND comparison = 'ytd_yoy' AND measure = 'iip'";

    private Path folder;
    private String warehouse;
    private ClusterProcesses processes;
    private String url;
    private String token;

    @BeforeAll
    void startTheEndpointOnAWarehouse() throws Exception {
        folder = Files.createTempDirectory("iip-serve");
        Path landing = Files.createDirectories(folder.resolve("landing"));
        for (String name : List.of("2021-11-29_iip-nov-2021.csv", "2022-01-05_iip-dec-2021.csv")) {
            Files.copy(SAMPLES.resolve(name), landing.resolve(name));
        }
        warehouse = folder.resolve("warehouse").toString();
        ChildJvm.Result run = ChildJvm.main("run", "--input", landing.toString(), "--warehouse", warehouse);
        assertEquals(0, run.exitCode(), run.stderr());

        token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.SecureRandom.getSeed(32));
        int port = ClusterProcesses.freePort();
        processes = new ClusterProcesses(folder.resolve("logs"));
        processes.java("serve", System.getProperty("java.class.path"), Map.of(ServeConfig.TOKEN_VARIABLE, token),
                "vn.iip.cli.Main", "serve", "--warehouse", warehouse, "--port", String.valueOf(port));
        String serving = processes.await("serve", l -> l.startsWith("serving ") || l.startsWith("iip: "),
                Duration.ofSeconds(120));
        assertEquals("serving   sc://127.0.0.1:" + port + "/;authorization=Bearer%20<token>  (read-only; warehouse "
                + warehouse + ")", serving);
        url = "sc://127.0.0.1:" + port + "/;authorization=Bearer%20" + token;
    }

    @AfterAll
    void stop() {
        if (processes != null) {
            processes.close();
        }
        assertFalse(Files.exists(Path.of(warehouse, MetastoreMarker.FILE)), "the metastore marker outlived serve");
    }

    @Test
    @Order(1)
    void analystsReadTablesCommentsViewsAndTimeTravel() {
        List<String> lines = client(url, "tables:iip_gold", "columns:iip_gold.v_iip_latest", TOTAL_YTD,
                "SELECT value_pct FROM iip_gold.v_iip_first_release WHERE period = '2021-11' AND geo_code = 'VN'"
                        + " AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'",
                "SELECT value_pct FROM iip_gold.iip_as_of(DATE'2021-12-31') WHERE period = '2021-11'"
                        + " AND geo_code = 'VN' AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'",
                "SELECT count(*) FROM iip_gold.fact_iip_release VERSION AS OF 0");
        assertTrue(lines.contains("TABLE|fact_iip_release|MANAGED") || lines.contains("TABLE|fact_iip_release|EXTERNAL"),
                lines.toString());
        assertTrue(lines.contains("TABLE|v_iip_latest|VIEW"), lines.toString());
        assertTrue(lines.contains("COLUMN|value_pct|Growth in % (pp for contributions) / Tốc độ tăng (%)"),
                lines.toString());
        // GSO's first print of 11 months of 2021 (+3.6 %), manufacturing's Nov-2021 YoY first printed at 6.4 %
        // (restated at 8.6 % in January 2022, after the as-of date), and the empty table of version 0.
        assertEquals(List.of("ROW|3.6", "ROW|6.4", "ROW|6.4", "ROW|0"),
                lines.stream().filter(l -> l.startsWith("ROW|")).toList());
    }

    @Test
    @Order(2)
    void everyKindOfWriteIsRefused() {
        Map<String, String> writes = Map.of(
                "INSERT", "INSERT INTO iip_gold.dim_comparison VALUES ('x', 'month', 'x', 'x')",
                "UPDATE", "UPDATE iip_gold.fact_iip_release SET value_pct = 0",
                "DELETE", "DELETE FROM iip_gold.fact_iip_release WHERE period = '2021-11'",
                "MERGE", "MERGE INTO iip_gold.dim_comparison t USING iip_gold.dim_comparison s"
                        + " ON t.comparison = s.comparison WHEN MATCHED THEN DELETE",
                "CREATE", "CREATE TABLE iip_gold.mine AS SELECT 1 AS x",
                "ALTER", "ALTER TABLE iip_gold.fact_iip_release ADD COLUMNS (note STRING)",
                "DROP", "DROP TABLE iip_gold.fact_iip_release");
        List<String> verbs = new ArrayList<>(writes.keySet());
        List<String> statements = new ArrayList<>(verbs.stream().map(writes::get).toList());
        statements.add("SELECT count(*) FROM iip_gold.fact_iip_release");
        List<String> lines = client(url, statements.toArray(String[]::new));
        List<String> errors = lines.stream().filter(l -> l.startsWith("ERROR|")).toList();
        assertEquals(verbs.size(), errors.size(), lines.toString());
        for (int i = 0; i < verbs.size(); i++) {
            assertTrue(errors.get(i).contains("The IIP SQL endpoint is read-only: " + verbs.get(i) + " ("),
                    verbs.get(i) + ": " + errors.get(i));
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("ROW\\|\\d{2,}")), "the tables are intact: " + lines);
    }

    @Test
    @Order(3)
    void aClientWithoutTheTokenIsTurnedAway() {
        List<String> lines = client(url.substring(0, url.indexOf("/;")), "SELECT 1");
        assertTrue(lines.get(0).startsWith("ERROR|") && lines.get(0).contains("UNAUTHENTICATED"), lines.toString());
    }

    @Test
    @Order(4)
    void aReleasePublishedByAConcurrentRunIsVisibleAtOnce() throws Exception {
        Path landing = Files.createDirectories(folder.resolve("landing-new"));
        Files.copy(SAMPLES.resolve(NEW_RELEASE), landing.resolve(NEW_RELEASE));
        ChildJvm.Result run = ChildJvm.main("run", "--input", landing.toString(), "--warehouse", warehouse);
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> lines = client(url, TOTAL_YTD, "SELECT value_pct FROM iip_gold.fact_iip_release VERSION AS OF 1"
                + " WHERE period = '2021-11' AND geo_code = 'VN' AND industry_code = 'TOTAL' AND comparison = 'ytd_yoy'"
                + " AND is_latest_release");
        // The Nov-2022 report revised 11 months of 2021 to +4.2 %; the first published version still says 3.6.
        assertEquals(List.of("ROW|4.2", "ROW|3.6"), lines.stream().filter(l -> l.startsWith("ROW|")).toList());
    }

    @Test
    @Order(5)
    void anotherAddressWithoutATokenIsRefusedBeforeStarting() {
        ChildJvm.Result serve = ChildJvm.java(System.getProperty("java.class.path"), "vn.iip.cli.Main",
                Map.of(ServeConfig.TOKEN_VARIABLE, ""), "serve", "--warehouse", warehouse, "--bind", "0.0.0.0");
        assertEquals(1, serve.exitCode(), serve.stderr());
        assertTrue(serve.stderr().startsWith("iip: Refusing to serve the warehouse on 0.0.0.0 without a token: any host"
                + " that reaches it could read every table. Export IIP_SERVE_TOKEN="), serve.stderr());
    }

    private static List<String> client(String url, String... statements) {
        String classpath = Path.of("target", "test-classes") + java.io.File.pathSeparator
                + readClientClasspath();
        List<String> args = new ArrayList<>(List.of(url));
        args.addAll(List.of(statements));
        ChildJvm.Result result = ChildJvm.java(classpath, "vn.iip.testing.ConnectClientProbe", Map.of(),
                args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.stderr());
        return result.stdout().lines().filter(l -> !l.startsWith("DONE|")).toList();
    }

    private static String readClientClasspath() {
        try {
            return Files.readString(Path.of("target", "connect-client-classpath.txt")).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("target/connect-client-classpath.txt is missing: run the tests"
                    + " through Maven (generate-test-resources writes it)", e);
        }
    }
}
