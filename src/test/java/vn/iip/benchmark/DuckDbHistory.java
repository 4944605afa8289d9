package vn.iip.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The peer of the published-figure path in {@code jobs/benchmark-history}: DuckDB reads the same long-CSV releases,
 * casts the decimal comma, resolves no name, and ranks every key's releases into a latest table and a revision table
 * (what gold's fact_iip_release flags and fact_iip_revision hold). A lower bound on what any warehouse of these files
 * must do, not the same work as the Spark job (no conform rules, no quarantine, no vintages kept per run).
 * <p>Usage: {@code DuckDbHistory FOLDER [THREADS]}; prints {@code duckdb: <figures> figures, <keys> keys in <s> s}.
 */
public final class DuckDbHistory {
    private DuckDbHistory() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DuckDbHistory FOLDER [THREADS]");
            System.exit(2);
        }
        String files = args[0].replace("'", "''") + "/**/*.csv";
        int threads = args.length == 2 ? Integer.parseInt(args[1]) : 2;
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = connection.createStatement()) {
            sql.execute("SET threads = " + threads);
            sql.execute("CREATE TABLE figure AS SELECT CAST(release_date AS DATE) AS release_date, publisher, period,"
                    + " geo, industry, comparison, measure,"
                    + " CAST(replace(value, ',', '.') AS DOUBLE) - 100 AS value_pct"
                    + " FROM read_csv('" + files + "', header = true, delim = ';', all_varchar = true)");
            sql.execute("CREATE TABLE ranked AS SELECT *, row_number() OVER (PARTITION BY period, geo, industry,"
                    + " comparison, measure ORDER BY release_date, publisher) AS release_rank,"
                    + " count(*) OVER (PARTITION BY period, geo, industry, comparison, measure) AS releases_count"
                    + " FROM figure");
            sql.execute("CREATE TABLE latest AS SELECT * FROM ranked WHERE release_rank = releases_count");
            sql.execute("CREATE TABLE revision AS SELECT period, geo, industry, comparison, measure,"
                    + " min_by(value_pct, release_rank) AS first_value_pct,"
                    + " max_by(value_pct, release_rank) AS latest_value_pct, count(*) AS releases_count"
                    + " FROM ranked GROUP BY ALL");
            try (ResultSet counts = sql.executeQuery("SELECT (SELECT count(*) FROM figure),"
                    + " (SELECT count(*) FROM revision)")) {
                counts.next();
                System.out.printf("duckdb: %d figures, %d keys in %.1f s%n", counts.getLong(1), counts.getLong(2),
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
