package vn.iip.pipeline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.SilverTables;
import vn.iip.spark.DeltaWrites;

/** Appends one row per run to iip_silver.run_log. */
final class RunLog {
    private RunLog() {}

    /** Best effort: a run that failed is logged with its reason, unless the warehouse itself cannot be written. */
    static void appendFailure(SparkSession spark, RunConfig config, String runId, Instant started, Throwable failure) {
        try {
            RunReport empty = new RunReport(runId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
            append(spark, config, empty, started, String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
        } catch (RuntimeException logging) {
            failure.addSuppressed(logging);
        }
    }

    static void append(SparkSession spark, RunConfig config, RunReport r, Instant started, String failure) {
        Instant finished = Instant.now();
        String outcome = failure == null && r.conservationOk() ? "succeeded" : "failed";
        String message = failure != null ? failure : r.conservationOk() ? null : "conservation check failed";
        Row row = RowFactory.create(r.runId(), Timestamp.from(started), Timestamp.from(finished), config.inputLabel(),
                r.filesSeen(), r.filesNew(), r.filesSkipped(), r.filesRejected(), r.rowsRead(), r.observationsAdded(),
                r.quarantinedAdded(), r.totalRows(), r.totalObservations(), r.totalQuarantined(),
                failure == null ? r.conservationOk() : null,
                r.factsPublished(), outcome, message, Duration.between(started, finished).toMillis() / 1000.0);
        DeltaWrites.append(spark.createDataFrame(List.of(row), SilverTables.RUN_LOG.structType()), SilverTables.RUN_LOG);
    }
}
