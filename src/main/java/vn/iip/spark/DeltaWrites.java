package vn.iip.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.exceptions.DeltaConcurrentModificationException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.iip.catalog.TableSpec;

/**
 * Writes into the warehouse tables by column name (so a Dataset's column order never matters), retrying a commit
 * that lost a race with a concurrent writer: Delta's optimistic concurrency rejects it whole, so a retry is safe.
 */
public final class DeltaWrites {
    private DeltaWrites() {}

    private static final int DEFAULT_ATTEMPTS = 5;

    public static void append(Dataset<Row> rows, TableSpec table) {
        retry(table, attempts(rows), () -> conformTo(rows, table).writeTo(table.qualifiedName()).append());
    }

    /** Replaces the whole content (gold tables are rebuilt from silver, deterministically). */
    public static void replace(Dataset<Row> rows, TableSpec table) {
        retry(table, attempts(rows), () -> conformTo(rows, table).writeTo(table.qualifiedName()).overwrite(lit(true)));
    }

    /** Replaces the rows that match the condition by these rows (which must all match it): replaceWhere. */
    public static void replaceWhere(Dataset<Row> rows, TableSpec table, Column condition) {
        retry(table, attempts(rows), () -> conformTo(rows, table).writeTo(table.qualifiedName()).overwrite(condition));
    }

    /** Sets columns of the rows that match (a run's own run_log row), retried like the other writes. */
    public static void update(org.apache.spark.sql.SparkSession spark, TableSpec table, Column condition,
                              java.util.Map<String, Column> assignments) {
        int attempts = Integer.parseInt(spark.conf().get(vn.iip.config.JobSettings.COMMIT_ATTEMPTS_CONF,
                String.valueOf(DEFAULT_ATTEMPTS)));
        retry(table, attempts, () -> io.delta.tables.DeltaTable.forName(spark, table.qualifiedName())
                .update(condition, assignments));
    }

    private static Dataset<Row> conformTo(Dataset<Row> rows, TableSpec table) {
        org.apache.spark.sql.types.StructType schema = table.structType();
        Column[] columns = table.columns().stream()
                .map(c -> col(c.name()).cast(schema.apply(c.name()).dataType()).as(c.name()))
                .toArray(Column[]::new);
        return rows.select(columns);
    }

    /** iip.delta.commit-attempts of the job configuration, carried in the session's settings. */
    private static int attempts(Dataset<Row> rows) {
        return Integer.parseInt(rows.sparkSession().conf().get(vn.iip.config.JobSettings.COMMIT_ATTEMPTS_CONF,
                String.valueOf(DEFAULT_ATTEMPTS)));
    }

    private static void retry(TableSpec table, int attempts, ThrowingRunnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (DeltaConcurrentModificationException e) {
                if (attempt >= attempts) {
                    throw new IllegalStateException("Writing " + table.qualifiedName() + " lost " + attempts
                            + " commit races with concurrent writers; run again when the other job has finished", e);
                }
                sleep(200L << attempt);
            } catch (Exception e) {
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("Writing " + table.qualifiedName() + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a Delta commit", e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
