package vn.iip.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The analyst notebooks under notebooks/, executed top to bottom (jupyter nbconvert --execute, Debian's Python)
 * against the mart of a PostgreSQL server; any cell error fails. What each printed ("KEY name = value") and how many
 * charts each drew come back for the test to check against gold.
 */
public final class Notebooks {
    private Notebooks() {}

    public static final Path FOLDER = Path.of("notebooks");
    private static final String PYTHON = "/usr/bin/python3";

    /** The notebooks that need a computed survey in the mart (the others read the published figures only). */
    public static final List<String> FROM_SURVEY = List.of("06-seasonally-adjusted.ipynb",
            "08-computed-vs-published.ipynb");

    /** What the executed notebooks printed (KEY lines) and the charts each drew. */
    public record Executed(Map<String, String> printed, Map<String, Integer> charts) {}

    public static List<Path> all() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    public static Executed execute(List<Path> notebooks, PostgresServer postgres, String outputFolder)
            throws IOException, InterruptedException {
        Path executed = Files.createDirectories(Path.of("target", outputFolder));
        List<String> command = new ArrayList<>(List.of(PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--output-dir", executed.toString()));
        notebooks.forEach(n -> command.add(n.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(executed.resolve("nbconvert.log").toFile());
        // Debian's interpreter and kernel first on PATH; the mart through libpq's standard variables.
        java.net.URI uri = java.net.URI.create(postgres.url().substring("jdbc:".length()));
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "PGHOST", uri.getHost(),
                "PGPORT", String.valueOf(uri.getPort()), "PGDATABASE", uri.getPath().substring(1),
                "PGUSER", PostgresServer.USER, "PGPASSWORD", postgres.password(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1"));
        Process process = builder.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "nbconvert did not finish");
        assertEquals(0, process.exitValue(), "a notebook cell failed; see target/" + outputFolder
                + "/nbconvert.log:\n" + Files.readString(executed.resolve("nbconvert.log")));
        ObjectMapper json = new ObjectMapper();
        Map<String, String> printed = new TreeMap<>();
        Map<String, Integer> charts = new TreeMap<>();
        for (Path notebook : notebooks) {
            int drawn = 0;
            for (JsonNode cell : json.readTree(executed.resolve(notebook.getFileName()).toFile()).get("cells")) {
                for (JsonNode output : cell.path("outputs")) {
                    drawn += output.path("data").has("image/png") ? 1 : 0;
                    StringBuilder text = new StringBuilder();
                    output.path("text").forEach(t -> text.append(t.asText()));
                    text.toString().lines().filter(l -> l.startsWith("KEY ")).forEach(l -> printed.put(
                            l.substring(4, l.indexOf(" = ")), l.substring(l.indexOf(" = ") + 3)));
                }
            }
            charts.put(notebook.getFileName().toString(), drawn);
        }
        return new Executed(printed, charts);
    }
}
