package vn.iip.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The single-machine benchmark peer of the Spark job: the computed IIP of issue 11 as DuckDB SQL
 * ({@code /benchmark/duckdb/computed_iip.sql}) on one survey folder, written to Parquet.
 *
 * <pre>java -cp target/test-classes:target/classes:duckdb_jdbc.jar vn.iip.benchmark.DuckDbSurvey SURVEY_DIR OUT_PARQUET [THREADS]</pre>
 *
 * Prints {@code duckdb: <figures> figures in <seconds> s}: from opening the database to the Parquet file written.
 * {@code -Dduckdb.memory_limit=8GB} caps DuckDB's memory (default: 80 % of the machine's); beyond it, it spills.
 * <p>{@code DuckDbSurvey --scan SURVEY_DIR [THREADS]} is the benchmark's floor, as {@link SparkSurveyScan} is Spark's:
 * the bare scan of the rounds, parsing the columns the computation uses and computing nothing; it prints
 * {@code floor: <rows> rows in <seconds> s (quantity sum <sum>, <n> dated)}.
 */
public final class DuckDbSurvey {
    private DuckDbSurvey() {}

    private static final String SCRIPT = "/benchmark/duckdb/computed_iip.sql";
    private static final List<String> REFERENCE = List.of("geography_vn63.csv", "geography_vn34.csv");

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args.length <= 3 && args[0].equals("--scan")) {
            scan(Path.of(args[1]).toAbsolutePath(), args.length == 3 ? Integer.parseInt(args[2]) : 2);
            return;
        }
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: DuckDbSurvey SURVEY_DIR OUT_PARQUET [THREADS] | DuckDbSurvey --scan SURVEY_DIR"
                    + " [THREADS]");
            System.exit(2);
        }
        Path survey = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        int threads = args.length == 3 ? Integer.parseInt(args[2]) : 2;
        String script = resource(SCRIPT);

        // The bridge and regions come from the project's own reference lists on the classpath, never from the
        // shared folder; DuckDB reads files, so they are copied to a scratch folder, which also takes DuckDB's
        // spill files (an in-memory database would otherwise spill into the working directory).
        Path scratch = Files.createTempDirectory("duckdb-survey");
        try {
            Path reference = Files.createDirectory(scratch.resolve("reference"));
            for (String name : REFERENCE) {
                try (InputStream in = stream("/reference/" + name)) {
                    Files.copy(in, reference.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String sql = script.replace("${survey}", literal(survey)).replace("${reference}", literal(reference));

            long started = System.nanoTime();
            long figures;
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = connection.createStatement()) {
                statement.execute("SET threads = " + threads);
                statement.execute("SET temp_directory = '" + literal(scratch.resolve("spill")) + "'");
                String memoryLimit = System.getProperty("duckdb.memory_limit");
                if (memoryLimit != null) {
                    statement.execute("SET memory_limit = '" + memoryLimit.replace("'", "''") + "'");
                }
                for (String each : statements(sql)) {
                    statement.execute(each);
                }
                statement.execute("COPY figures TO '" + literal(out) + "' (FORMAT parquet)");
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM figures")) {
                    count.next();
                    figures = count.getLong(1);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("duckdb: %d figures in %.1f s%n", figures, seconds);
        } finally {
            delete(scratch);
        }
    }

    private static void scan(Path survey, int threads) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            try (ResultSet totals = statement.executeQuery("SELECT count(period), sum(quantity), count(collected_on)"
                    + " FROM read_csv('" + literal(survey) + "/rounds/*.csv', header = true, auto_detect = false,"
                    + " delim = ',', quote = '\"', escape = '\"', columns = {'period': 'VARCHAR',"
                    + " 'collected_on': 'DATE', 'enterprise_id': 'VARCHAR', 'province_code': 'VARCHAR',"
                    + " 'vsic4': 'VARCHAR', 'product_code': 'VARCHAR', 'unit': 'VARCHAR', 'quantity': 'DOUBLE',"
                    + " 'response': 'VARCHAR'})")) {
                totals.next();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("floor: %d rows in %.1f s (quantity sum %.1f, %d dated)%n", totals.getLong(1),
                        seconds, totals.getDouble(2), totals.getLong(3));
            }
        }
    }

    /** The script's statements: it ends each with ';' at the end of a line; chunks of only comments are skipped. */
    static List<String> statements(String sql) {
        return Arrays.stream(sql.split(";[ \\t]*(\\r?\\n|$)"))
                .filter(chunk -> chunk.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("--")))
                .toList();
    }

    /** A path inside a single-quoted SQL string. */
    private static String literal(Path path) {
        return path.toString().replace("'", "''");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = DuckDbSurvey.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (add target/test-classes and"
                    + " target/classes)");
        }
        return in;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
