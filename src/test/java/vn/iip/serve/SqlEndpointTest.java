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
    private String factsBefore;
    private int port;
    private Process serveProcess;

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
        port = ClusterProcesses.freePort();
        processes = new ClusterProcesses(folder.resolve("logs"));
        serveProcess = processes.java("serve", System.getProperty("java.class.path"), Map.of(ServeConfig.TOKEN_VARIABLE, token),
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
    }

    @Test
    @Order(1)
    void analystsReadTablesCommentsViewsAndTimeTravel() {
        factsBefore = client(url, "SELECT count(*) FROM iip_gold.fact_iip_release").get(0).substring(4);
        List<String> lines = client(url, "tables:iip_gold", "columns:iip_gold.v_iip_latest", TOTAL_YTD,
                "SELECT value_pct FROM iip_gold.v_iip_first_release WHERE period = '2021-11' AND geo_code = 'VN'"
                        + " AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'",
                "SELECT value_pct FROM iip_gold.iip_as_of(DATE'2021-12-31') WHERE period = '2021-11'"
                        + " AND geo_code = 'VN' AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'",
                "SELECT count(*) FROM iip_gold_store.fact_iip_release VERSION AS OF 0");
        // iip_gold shows one published gold: its tables are views of the stored tables' versions.
        assertTrue(lines.contains("TABLE|fact_iip_release|VIEW"), lines.toString());
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

    /**
     * What an adversarial analyst tried on main, through the real client: Java calls, files by path (SQL and
     * DataFrame API), data sources of the client, UDFs and uploaded classes, settings that would add a catalog or
     * reopen files, global views, catalog writes. Each is refused with the read-only message; the server is still up
     * afterwards (reflect('java.lang.System', 'exit', 0) killed it on main), the tables are intact, and the secrets
     * in its settings are never shown.
     */
    @Test
    @Order(3)
    void probesAreRefusedTheServerStaysUpAndTablesAreIntact() throws Exception {
        Path classFile = Path.of("target/test-classes/vn/iip/testing/ConnectClientProbe.class");
        List<String> probes = List.of(
                "SELECT reflect('java.lang.System', 'exit', 0)",
                "SELECT reflect('java.lang.System', 'setProperty', 'iip.probe', 'changed')",
                "SELECT java_method('java.lang.System', 'getenv', 'HOME')",
                "SELECT try_reflect('java.lang.System', 'getProperty', 'user.home')",
                "SELECT * FROM text.`/etc/passwd`", "SELECT * FROM csv.`/etc/passwd`",
                "SELECT * FROM json.`/etc/passwd`", "SELECT * FROM parquet.`/etc/passwd`",
                "SELECT * FROM orc.`/etc/passwd`", "SELECT * FROM binaryFile.`/etc/passwd`",
                "SELECT * FROM delta.`" + warehouse + "/iip_gold/fact_iip_release`",
                "SELECT (SELECT max(value) FROM text.`/etc/passwd`) AS leaked",
                "CREATE TEMPORARY VIEW passwd USING text OPTIONS (path '/etc/passwd')",
                "DESCRIBE DETAIL '" + warehouse + "/iip_gold/fact_iip_release'",
                "SET spark.sql.catalog.probe = org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog",
                "CREATE GLOBAL TEMPORARY VIEW shared AS SELECT 1 AS x",
                "ADD JAR " + classFile.toAbsolutePath(),
                "api:read-text:/etc/passwd", "api:read-format:jdbc=jdbc:derby:memory:x",
                "api:table:text.`/etc/passwd`", "api:register-udf", "api:inline-udf", "api:typed-map",
                "api:artifact:" + classFile.toAbsolutePath(),
                "api:conf-set:spark.sql.catalog.probe=org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog",
                "api:conf-set:spark.sql.runSQLOnFiles=true", "api:global-view:probe",
                "api:create-table:iip_gold.probe=/tmp/iip-probe", "api:write:/tmp/iip-probe-write");
        List<String> statements = new ArrayList<>(probes);
        statements.addAll(List.of("SET spark.sql.session.timeZone = Asia/Ho_Chi_Minh", "api:conf-all:token",
                "api:conf-get:spark.connect.authenticate.token",
                "SET spark.connect.authenticate.token", "SELECT count(*) FROM iip_gold.fact_iip_release", TOTAL_YTD));
        List<String> lines = client(url, statements.toArray(String[]::new));
        List<List<String>> answers = answers(lines, statements.size());
        for (int i = 0; i < probes.size(); i++) {
            List<String> answer = answers.get(i);
            assertEquals(1, answer.size(), probes.get(i) + " -> " + answer);
            assertTrue(answer.get(0).startsWith("ERROR|") && answer.get(0).contains("The IIP SQL endpoint is"
                    + " read-only: "), probes.get(i) + " -> " + answer);
        }
        int next = probes.size();
        assertEquals(List.of("ROW|spark.sql.session.timeZone|Asia/Ho_Chi_Minh"), answers.get(next));
        assertEquals(List.of("ROW|spark.connect.authenticate.token=*********(redacted)"), answers.get(next + 1));
        assertEquals(List.of("ROW|*********(redacted)"), answers.get(next + 2));
        assertEquals(List.of("ROW|spark.connect.authenticate.token|*********(redacted)"), answers.get(next + 3));
        assertEquals(List.of("ROW|" + factsBefore), answers.get(next + 4), "the server is up, the facts intact");
        assertEquals(List.of("ROW|3.6"), answers.get(next + 5));
        assertFalse(Files.exists(Path.of("/tmp/iip-probe-write")) || Files.exists(Path.of("/tmp/iip-probe")));
    }

    /**
     * The endpoint opens no database server for other local users to reach (main shared the metastore through a
     * Derby network server that accepted anyone on the machine): it keeps its catalog in memory, so the warehouse's
     * embedded metastore is left to runs, and everything it listens on is loopback, its Connect port among them.
     */
    @Test
    @Order(4)
    void theEndpointListensOnlyOnLoopbackAndHoldsNoMetastore() throws Exception {
        List<String> listening = vn.iip.testing.ListeningSockets.of(serveProcess.pid());
        assertTrue(listening.contains("127.0.0.1:" + port), listening.toString());
        assertTrue(listening.stream().allMatch(address -> address.startsWith("127.0.0.1:")), listening.toString());
        try (java.util.stream.Stream<Path> open = Files.list(Path.of("/proc", String.valueOf(serveProcess.pid()), "fd"))) {
            List<String> metastore = open.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (java.io.IOException closed) {
                    return "";
                }
            }).filter(target -> target.contains("metastore_db")).toList();
            assertEquals(List.of(), metastore, "serve keeps none of the warehouse's metastore files open");
        }
    }

    @Test
    @Order(5)
    void aClientWithoutTheTokenIsTurnedAway() {
        List<String> lines = client(url.substring(0, url.indexOf("/;")), "SELECT 1");
        assertTrue(lines.get(0).startsWith("ERROR|") && lines.get(0).contains("UNAUTHENTICATED"), lines.toString());
    }

    @Test
    @Order(6)
    void aReleasePublishedByAConcurrentRunIsVisibleAtOnce() throws Exception {
        Path landing = Files.createDirectories(folder.resolve("landing-new"));
        Files.copy(SAMPLES.resolve(NEW_RELEASE), landing.resolve(NEW_RELEASE));
        ChildJvm.Result run = ChildJvm.main("run", "--input", landing.toString(), "--warehouse", warehouse);
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> lines = client(url, TOTAL_YTD, "SELECT value_pct FROM iip_gold_store.fact_iip_release VERSION AS OF 1"
                + " WHERE period = '2021-11' AND geo_code = 'VN' AND industry_code = 'TOTAL' AND comparison = 'ytd_yoy'"
                + " AND is_latest_release");
        // The Nov-2022 report revised 11 months of 2021 to +4.2 %; the first published version still says 3.6.
        assertEquals(List.of("ROW|4.2", "ROW|3.6"), lines.stream().filter(l -> l.startsWith("ROW|")).toList());
    }

    /** Refused in one line before anything starts: no token off loopback, a weak token, a folder without tables. */
    @Test
    @Order(7)
    void whatCannotBeServedIsRefusedBeforeStarting() throws Exception {
        Path empty = Files.createDirectories(folder.resolve("empty-warehouse"));
        List<String[]> attempts = List.of(
                new String[] {"", "serve", "--warehouse", warehouse, "--bind", "0.0.0.0"},
                new String[] {"x", "serve", "--warehouse", warehouse, "--bind", "0.0.0.0"},
                new String[] {"", "serve", "--warehouse", empty.toString()});
        List<String> messages = List.of("iip: Refusing to serve the warehouse on 0.0.0.0 without a token: any host"
                        + " that reaches it could read every table. Export IIP_SERVE_TOKEN=$(head -c 32 /dev/urandom |"
                        + " base64) before jobs/iip serve",
                "iip: Refusing to serve with a weak IIP_SERVE_TOKEN (1 characters, 1 different): anyone who guesses it"
                        + " reads every table. Use at least 32 random characters",
                "iip: No IIP warehouse at " + empty + " (no " + empty + "/iip_gold/fact_iip_release): run jobs/iip run"
                        + " --warehouse " + empty + " first");
        for (int i = 0; i < attempts.size(); i++) {
            String[] attempt = attempts.get(i);
            ChildJvm.Result serve = ChildJvm.java(System.getProperty("java.class.path"), "vn.iip.cli.Main",
                    Map.of(ServeConfig.TOKEN_VARIABLE, attempt[0]), java.util.Arrays.copyOfRange(attempt, 1,
                            attempt.length));
            assertEquals(1, serve.exitCode(), serve.stderr());
            assertTrue(serve.stderr().startsWith(messages.get(i)), serve.stderr());
            assertEquals(1, serve.stderr().lines().count(), serve.stderr());
        }
        try (java.util.stream.Stream<Path> left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "nothing is created in a folder that holds no warehouse");
        }
    }

    /** The client's output grouped by statement (each ends with a DONE line). */
    private static List<List<String>> answers(List<String> lines, int statements) {
        List<List<String>> answers = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("DONE|")) {
                answers.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        assertEquals(statements, answers.size(), lines.toString());
        return answers;
    }

    private static List<String> client(String url, String... statements) {
        String classpath = Path.of("target", "test-classes") + java.io.File.pathSeparator
                + readClientClasspath();
        List<String> args = new ArrayList<>(List.of(url));
        args.addAll(List.of(statements));
        ChildJvm.Result result = ChildJvm.java(classpath, "vn.iip.testing.ConnectClientProbe", Map.of(),
                args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.stderr());
        return result.stdout().lines().toList();
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
