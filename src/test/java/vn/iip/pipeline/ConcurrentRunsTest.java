package vn.iip.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.iip.testing.ClusterProcesses;

/**
 * jobs/iip run as operators meet it, each run its own JVM on one warehouse: two runs started at once on the same new
 * files (on main both ingested them, 640 duplicate rows passed conservation); a run killed in the middle (on main its
 * rows belonged to no run_log row); a run that runs out of memory (on main: exit 52, no reason, no log).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentRunsTest {
    private static final Path SAMPLES = Path.of("src/main/resources/samples");
    private static final List<String> OPTIONS = List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
            "-Duser.timezone=America/Los_Angeles", "-Dfile.encoding=UTF-8");

    private Path folder;
    private String warehouse;
    private ClusterProcesses processes;

    @BeforeAll
    void folders() throws IOException {
        folder = Files.createTempDirectory("iip-concurrent");
        warehouse = folder.resolve("warehouse").toString();
        processes = new ClusterProcesses(folder.resolve("logs"));
    }

    @AfterAll
    void stop() {
        processes.close();
    }

    @Test
    @Order(1)
    void twoRunsAtOnceOnTheSameFilesIngestThemOnce() throws Exception {
        Path landing = landing("landing", "2021-11-29_iip-nov-2021.csv", "2021-12-03_moit-provinces-nov-2021.csv",
                "2022-01-05_iip-dec-2021.csv");
        Process first = run("first", landing);
        Process second = run("second", landing);
        assertEquals(0, exit(first), log("first"));
        assertEquals(0, exit(second), log("second"));
        String together = log("first") + log("second");
        assertTrue(together.contains("waiting  for run "), together);
        assertTrue(together.contains("3 file(s) seen: 0 new, 3 skipped"), "the second run found them loaded:\n"
                + together);
        List<String> counts = sql("SELECT (SELECT count(*) FROM iip_bronze.extract_file),"
                + " (SELECT count(DISTINCT sha256) FROM iip_bronze.extract_file),"
                + " (SELECT count(*) - count(DISTINCT file_sha256, row_number) FROM iip_bronze.extract_row),"
                + " (SELECT count(*) FROM iip_silver.quarantine WHERE rule_id = 'already_loaded'),"
                + " (SELECT count(*) FROM iip_silver.run_log WHERE outcome = 'succeeded' AND conservation_ok),"
                + " (SELECT count(*) FROM iip_gold_store.fact_iip_release)");
        assertEquals("3,3,0,0,2," + facts(), counts.get(1));
    }

    private String killedRun;
    private long killedProcess;

    /** Killed after storing its rows: its run_log row says so from the start. */
    @Test
    @Order(2)
    void aKilledRunIsLoggedFromItsStart() throws Exception {
        Path landing = landing("landing-killed", "2022-02-28_iip-feb-2022.csv", "2022-08-29_iip-aug-2022.csv");
        Process killed = run("killed", landing);
        String runLine = processes.await("killed", l -> l.startsWith("run "), Duration.ofMinutes(2));
        killedRun = runLine.substring(4, runLine.indexOf(':'));
        processes.await("killed", l -> l.startsWith("conform "), Duration.ofMinutes(3));
        killed.destroyForcibly();
        killed.waitFor(30, TimeUnit.SECONDS);
        killedProcess = killed.pid();
        assertEquals(List.of("run_id,outcome", killedRun + ",running"), sql("SELECT run_id, outcome FROM"
                + " iip_silver.run_log WHERE run_id = '" + killedRun + "'"), "logged when it started");
        assertTrue(Long.parseLong(sql("SELECT count(*) FROM iip_bronze.extract_row WHERE run_id = '" + killedRun
                + "'").get(1)) > 0, "the killed run had stored rows");
    }

    /**
     * The next run (here one that then runs out of memory reading a file) takes over the lock of the dead process,
     * marks the killed run interrupted with what it removed, so that every stored row names a logged run; then, out
     * of memory: exit 1, one line naming the file, no stack trace, and the run logged as failed with the reason.
     */
    @Test
    @Order(3)
    void theNextRunRecoversTheKilledOneAndOutOfMemoryExitsWithOneLine() throws Exception {
        Path landing = Files.createDirectories(folder.resolve("landing-huge"));
        StringBuilder rows = new StringBuilder("release_date,publisher,period,geo,industry,comparison,measure,value,"
                + "unit,status,source\n");
        for (int i = 0; i < 20_000; i++) {
            rows.append("2023-01-05,HUGE,2022-12,").append(1 + i % 60 < 10 ? "0" : "").append(1 + i % 60)
                    .append(",C").append(10 + i % 23).append(",yoy,iip,\"10").append(i % 10).append(",5\",index,,row ")
                    .append(i).append('\n');
        }
        try (var out = Files.newBufferedWriter(landing.resolve("huge.csv"), StandardCharsets.UTF_8)) {
            for (int copy = 0; copy < 90; copy++) {
                out.write(copy == 0 ? rows.toString() : rows.substring(rows.indexOf("\n") + 1));
            }
        }
        Process huge = processes.java("huge", System.getProperty("java.class.path"), Map.of(),
                List.of("-Xmx700m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1"), "vn.iip.cli.Main", "run",
                "--input", landing.toString(), "--warehouse", warehouse);
        assertEquals(1, exit(huge), log("huge"));
        String said = log("huge");
        assertTrue(said.contains("removed the lock of run " + killedRun + " (process " + killedProcess + " of"), said);
        assertTrue(said.contains("its process is gone (the run was killed or crashed)"), said);
        assertTrue(said.contains("; interrupted run(s) " + killedRun + ": removed "), said);
        List<String> recovered = sql("SELECT outcome, message LIKE 'stopped before it finished%',"
                + " (SELECT count(*) FROM iip_bronze.extract_row r LEFT ANTI JOIN iip_silver.run_log l USING (run_id)),"
                + " (SELECT count(*) FROM iip_bronze.extract_row WHERE run_id = '" + killedRun + "'),"
                + " (SELECT count(*) FROM iip_bronze.extract_file) FROM iip_silver.run_log WHERE run_id = '"
                + killedRun + "'");
        assertEquals("interrupted,true,0,0,3", recovered.get(1), "every stored row names a logged run");

        List<String> failures = said.lines().filter(l -> l.startsWith("iip: ")).toList();
        assertEquals(1, failures.size(), said);
        // Where memory runs out decides the words: in the project's reader (the file is named) or in Spark's.
        assertTrue(failures.get(0).matches("iip: (Ran out of memory reading file:" + landing.resolve("huge.csv")
                + " .*|a Spark task ran out of memory .*|run \\S+ was stopped before it finished: .*out of memory.*)"
                + "IIP_DRIVER_MEMORY.*"), failures.get(0));
        List<String> logged = sql("SELECT outcome, message FROM iip_silver.run_log WHERE input_uri = '" + landing
                + "'");
        assertTrue(logged.get(1).startsWith("failed,") && logged.get(1).contains("out of memory"),
                logged.toString());
        assertTrue(said.lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace on the terminal");
    }

    private Path landing(String name, String... files) throws IOException {
        Path landing = Files.createDirectories(folder.resolve(name));
        for (String file : files) {
            Files.copy(SAMPLES.resolve(file), landing.resolve(file));
        }
        return landing;
    }

    private Process run(String name, Path landing) throws IOException {
        return processes.java(name, System.getProperty("java.class.path"), Map.of(), OPTIONS, "vn.iip.cli.Main",
                "run", "--input", landing.toString(), "--warehouse", warehouse);
    }

    private static int exit(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("a run did not finish in 5 minutes");
        }
        return process.exitValue();
    }

    private String log(String name) throws IOException {
        return Files.readString(processes.log(name), StandardCharsets.UTF_8);
    }

    private List<String> sql(String query) {
        return vn.iip.testing.WarehouseByPath.sql(warehouse, query);
    }

    private String facts() {
        return sql("SELECT count(*) FROM iip_gold_store.fact_iip_release").get(1);
    }
}
