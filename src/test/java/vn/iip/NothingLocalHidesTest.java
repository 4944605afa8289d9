package vn.iip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's audit, kept as a test: the job's code must not assume one machine. Local file APIs, a local master and
 * driver-side collects may appear only where they are listed here with the reason they are safe; a new occurrence
 * fails until it is reviewed and listed. ClusterIT proves the same from the outside (HDFS input and warehouse,
 * executors in other JVMs, client and cluster deploy mode).
 */
class NothingLocalHidesTest {
    private static final Path MAIN = Path.of("src/main/java");

    /** What can only work when driver, executors and files share one machine. */
    private static final Map<String, Pattern> LOCAL_ASSUMPTIONS = Map.of(
            "local file API", Pattern.compile("\\bjava\\.io\\.File\\b(?!\\w)|\\bnew File\\(|\\bjava\\.nio\\.file\\b"
                    + "|\\bPaths\\.get\\(|\\bPath\\.of\\(|\\bFiles\\.\\w+\\("),
            "working directory", Pattern.compile("\"user\\.dir\"|toAbsolutePath\\(\\)"),
            "file: default", Pattern.compile("\"file:"),
            "local master", Pattern.compile("\"local\\["),
            "driver-side collect", Pattern.compile("\\.collectAsList\\(\\)|\\.collect\\(\\)|\\.toLocalIterator\\(\\)"
                    + "|\\.take\\(|\\.head\\(|\\.first\\(\\)|\\.tail\\("));

    /** Reviewed occurrences: file → kind → count, each with why it is safe on a cluster. */
    private static final Map<String, Map<String, Integer>> REVIEWED = Map.ofEntries(
            // The embedded default only: Derby inside a warehouse folder, used when the master is local.
            Map.entry("vn/iip/spark/Sessions.java",
                    Map.of("local file API", 10, "working directory", 2, "local master", 1)),
            // The warehouse lock on a local file system is created with the OS's create-if-absent (Hadoop's local
            // create checks, then creates); any other file system goes through Hadoop's create(overwrite = false).
            Map.entry("vn/iip/pipeline/WarehouseLock.java", Map.of("local file API", 8)),
            // Hadoop's local file system (file: only, registered for a local master), with permissions and link
            // checks by java.nio instead of forked processes.
            Map.entry("vn/iip/spark/LocalFiles.java", Map.of("local file API", 4)),
            // The newest gold publish (one row) and the property the snapshot view shows.
            Map.entry("vn/iip/catalog/GoldSnapshot.java", Map.of("driver-side collect", 2)),
            // The ids of runs the log still calls running (interrupted runs: a handful).
            Map.entry("vn/iip/pipeline/RunLog.java", Map.of("driver-side collect", 1)),
            // A relative path is made absolute for a local master and refused for a cluster one.
            Map.entry("vn/iip/config/Locations.java",
                    Map.of("local file API", 2, "working directory", 1, "local master", 1)),
            // SHOW TABLES of one schema: a dozen names.
            Map.entry("vn/iip/catalog/Warehouse.java", Map.of("driver-side collect", 1)),
            // Rule counts (one row per rule), check statuses (pass/warn/fail) and each landing path's newest ingest
            // (one row per file: listing metadata, like the folder listing itself), and the release ids of the run's
            // rows (at most 1,001: the labels of its files) that narrow the duplicate check's scan.
            Map.entry("vn/iip/pipeline/Pipeline.java", Map.of("driver-side collect", 4)),
            // SHA-256 of files a crashed run left unregistered: at most one run's files.
            Map.entry("vn/iip/pipeline/RunRecovery.java", Map.of("driver-side collect", 1)),
            // Run ids of runs that did not succeed, of those of them that registered survey files, and of those that
            // left survey rows: a handful each.
            Map.entry("vn/iip/pipeline/SurveyRecovery.java", Map.of("driver-side collect", 3)),
            // The newest national month (one aggregate row), then the headline figures printed at the end of a run,
            // published, computed and seasonally adjusted: a handful of rows each.
            Map.entry("vn/iip/pipeline/Headlines.java", Map.of("driver-side collect", 4)),
            // Aggregates (counts, max) and the last run_log row.
            Map.entry("vn/iip/pipeline/WarehouseState.java", Map.of("driver-side collect", 3)),
            // One summary row per new file (not its rows), for the run's progress lines.
            Map.entry("vn/iip/ingest/IngestStage.java", Map.of("driver-side collect", 1)),
            // An export writes one view or query to one file (one stream), a partition at a time.
            Map.entry("vn/iip/export/Exports.java", Map.of("driver-side collect", 1)),
            // iip sql prints what the analyst selected, streamed one partition at a time.
            Map.entry("vn/iip/cli/SqlCommand.java", Map.of("driver-side collect", 2)),
            // Survey: one aggregate row (keys checked, largest difference).
            Map.entry("vn/iip/compute/ContributionCheck.java", Map.of("driver-side collect", 1)),
            // The weight base years a new basket or value-added file brings (a few).
            Map.entry("vn/iip/compute/SurveyReferenceLoad.java", Map.of("driver-side collect", 1)),
            // Row counts per new file, rule counts and distinct-key counts: aggregates.
            Map.entry("vn/iip/compute/SurveyRoundsLoad.java", Map.of("driver-side collect", 3)),
            // The identity of each loaded survey file (one row per file), the newest month, the imputation counts
            // and the newest computed_as_of (one aggregate row each).
            Map.entry("vn/iip/compute/SurveyStage.java", Map.of("driver-side collect", 4)),
            // The newest adjustment's spec id (one aggregate row) and the series counted by status (four rows at
            // most).
            Map.entry("vn/iip/adjust/AdjustmentStage.java", Map.of("driver-side collect", 2)),
            // The distinct VSIC classes of the survey's baskets (hundreds at most), and the distinct (period,
            // release id) pairs of one run's observations (labels: a few hundred at most).
            Map.entry("vn/iip/publish/PublishStage.java", Map.of("driver-side collect", 2)),
            // Status and the catalogue collect aggregates: a row per publisher, period type, run, rule or method, the
            // newest publish's row, a table's newest history entry, a few months of national figures.
            Map.entry("vn/iip/pipeline/WarehouseStatus.java", Map.of("driver-side collect", 8)),
            Map.entry("vn/iip/docs/CatalogueSite.java", Map.of("driver-side collect", 3)),
            Map.entry("vn/iip/docs/Figures.java", Map.of("driver-side collect", 2)),
            Map.entry("vn/iip/docs/RulePage.java", Map.of("driver-side collect", 1)));

    @Test
    void localAssumptionsAppearOnlyWhereReviewed() throws IOException {
        Map<String, Map<String, Integer>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String code = withoutComments(Files.readString(file));
                for (Map.Entry<String, Pattern> kind : LOCAL_ASSUMPTIONS.entrySet()) {
                    int count = 0;
                    Matcher matcher = kind.getValue().matcher(code);
                    while (matcher.find()) {
                        count++;
                    }
                    if (count > 0) {
                        found.computeIfAbsent(MAIN.relativize(file).toString(), f -> new TreeMap<>())
                                .put(kind.getKey(), count);
                    }
                }
            }
        }
        assertEquals(sorted(REVIEWED), found, "A local file API, working-directory path, file: default, local"
                + " master or driver-side collect changed in src/main/java. Use Hadoop's FileSystem on paths and"
                + " aggregate before collecting; if the new use is safe on a cluster, list it in REVIEWED with why.");
    }

    @Test
    void theScannerSeesEachKind() {
        List<String> samples = List.of("new java.io.File(x)", "Files.readAllBytes(p)", "System.getProperty(\"user.dir\")",
                "\"file:///tmp\"", "\"local[4]\"", "table.collectAsList()", "rows.first()");
        List<String> kinds = samples.stream().map(sample -> LOCAL_ASSUMPTIONS.entrySet().stream()
                .filter(kind -> kind.getValue().matcher(sample).find()).map(Map.Entry::getKey).findFirst()
                .orElse("none")).toList();
        assertEquals(List.of("local file API", "local file API", "working directory", "file: default", "local master",
                "driver-side collect", "driver-side collect"), kinds);
        assertEquals("x = 1; \n\n\"hdfs://nn/w\"", withoutComments("x = 1; // Files.walk(p)\n/* rows.collect() */\n\"hdfs://nn/w\""));
        assertEquals("\"conf/*.properties\" Files.list(p) \"*/\"",
                withoutComments("\"conf/*.properties\" Files.list(p) \"*/\""));
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)(^|\\s)/\\*.*?\\*/", "$1").replaceAll("(?m)(^|\\s)//.*$", "$1");
    }

    private static Map<String, Map<String, Integer>> sorted(Map<String, Map<String, Integer>> reviewed) {
        Map<String, Map<String, Integer>> sorted = new TreeMap<>();
        reviewed.forEach((file, kinds) -> sorted.put(file, new TreeMap<>(kinds)));
        return sorted;
    }
}
