package vn.iip.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.SilverTables;
import vn.iip.spark.DeltaWrites;

/**
 * iip_silver.run_log: one row per run, written when the run starts (outcome {@code running}), so every row a run
 * stores names a logged run even if it is killed; completed when it ends ({@code succeeded} or {@code failed}); a run
 * found still {@code running} by the next one was interrupted, and is marked so with what recovery removed.
 */
final class RunLog {
    private RunLog() {}

    static final String RUNNING = "running";
    static final String INTERRUPTED = "interrupted";

    static final String LOAD = "load";
    static final String REPROCESS = "reprocess";

    static void started(SparkSession spark, RunConfig config, String runId, Instant started, boolean reprocess) {
        org.apache.spark.sql.types.StructType schema = SilverTables.RUN_LOG.structType();
        Object[] values = new Object[schema.size()];
        values[schema.fieldIndex("run_id")] = runId;
        values[schema.fieldIndex("started_at")] = Timestamp.from(started);
        values[schema.fieldIndex("input_uri")] = config.inputLabel();
        values[schema.fieldIndex("outcome")] = RUNNING;
        values[schema.fieldIndex("mode")] = reprocess ? REPROCESS : LOAD;
        Row row = RowFactory.create(values);
        DeltaWrites.append(spark.createDataFrame(List.of(row), SilverTables.RUN_LOG.structType()), SilverTables.RUN_LOG);
    }

    static void finished(SparkSession spark, RunReport r, Instant started, String failure) {
        Instant finished = Instant.now();
        boolean ok = failure == null && r.conservationOk();
        Map<String, Column> set = new LinkedHashMap<>();
        set.put("finished_at", lit(Timestamp.from(finished)));
        set.put("files_seen", lit(r.filesSeen()));
        set.put("files_new", lit(r.filesNew()));
        set.put("files_skipped", lit(r.filesSkipped()));
        set.put("files_rejected", lit(r.filesRejected()));
        set.put("rows_read", lit(r.rowsRead()));
        set.put("observations_added", lit(r.observationsAdded()));
        set.put("quarantined_added", lit(r.quarantinedAdded()));
        set.put("total_rows", lit(r.totalRows()));
        set.put("total_observations", lit(r.totalObservations()));
        set.put("total_quarantined", lit(r.totalQuarantined()));
        set.put("conservation_ok", lit(r.conservationOk()));
        set.put("facts_published", lit(r.factsPublished()));
        set.put("moved_from_quarantine", lit(r.movedFromQuarantine()));
        set.put("moved_to_quarantine", lit(r.movedToQuarantine()));
        set.put("outcome", lit(ok ? "succeeded" : "failed"));
        set.put("message", lit(failure != null ? failure : ok ? null : "conservation check failed: "
                + (r.totals().problem() != null ? r.totals().problem() : "rows read ≠ observations + quarantined"))
                .cast("string"));
        set.put("elapsed_seconds", lit(Duration.between(started, finished).toMillis() / 1000.0));
        DeltaWrites.update(spark, SilverTables.RUN_LOG, col("run_id").equalTo(r.runId()), set);
    }

    /**
     * Best effort: a run that failed is logged with its reason, unless the warehouse itself cannot be written (or
     * Spark is being stopped). Returns whether it was logged.
     */
    static boolean failed(SparkSession spark, String runId, Instant started, Throwable failure) {
        try {
            Instant finished = Instant.now();
            Map<String, Column> set = new LinkedHashMap<>();
            set.put("finished_at", lit(Timestamp.from(finished)));
            set.put("outcome", lit("failed"));
            set.put("message", lit(vn.iip.IipException.oneLine(failure)));
            set.put("elapsed_seconds", lit(Duration.between(started, finished).toMillis() / 1000.0));
            DeltaWrites.update(spark, SilverTables.RUN_LOG, col("run_id").equalTo(runId), set);
            return true;
        } catch (RuntimeException logging) {
            failure.addSuppressed(logging);
            return false;
        }
    }

    /** Runs the log still calls running: their process is gone (this run holds the warehouse lock). */
    static List<String> interruptedRuns(SparkSession spark) {
        return spark.sql("SELECT run_id FROM " + SilverTables.RUN_LOG.qualifiedName() + " WHERE outcome = '" + RUNNING
                + "' ORDER BY started_at").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    /** Whether a run the log still calls running was a reprocess: silver may be half replaced, so reprocess again. */
    static boolean interruptedReprocess(SparkSession spark) {
        return !spark.table(SilverTables.RUN_LOG.qualifiedName())
                .filter(col("outcome").equalTo(RUNNING).and(col("mode").equalTo(REPROCESS))).isEmpty();
    }

    static void interrupted(SparkSession spark, List<String> runIds, String message) {
        if (runIds.isEmpty()) {
            return;
        }
        Map<String, Column> set = new LinkedHashMap<>();
        set.put("outcome", lit(INTERRUPTED));
        set.put("message", lit(message));
        DeltaWrites.update(spark, SilverTables.RUN_LOG, col("run_id").isin(runIds.toArray()), set);
    }
}
