package vn.iip.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.sql.Timestamp;
import java.util.function.BiFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.SilverTables;
import vn.iip.conform.ConformStage;
import vn.iip.reference.SynonymAdditions;
import vn.iip.spark.DeltaWrites;

/**
 * {@code run --reprocess}: every bronze row that was read cleanly is conformed again with the current rules and
 * reference data, the duplicate check is made over all of them at once, and silver's observations and quarantine are
 * replaced by the outcome. Rows that broke a reading rule (no fields to conform) keep their quarantine row. A row
 * whose outcome did not change keeps the run and time that first stored it, so reprocessing again with the same rules
 * leaves the same rows. Silver is written observations first, then quarantine; a run killed in between is resumed by
 * the next run (it reprocesses again: the log says which run was a reprocess).
 */
final class Reprocess {
    private Reprocess() {}

    /** How many rows moved each way (by file and row), and silver's totals after. */
    record Moves(long toObservations, long toQuarantine, long observations, long quarantined) {
        String describe() {
            return String.format("%d row(s) left quarantine, %d entered it; %d observation(s), %d quarantined now",
                    toObservations, toQuarantine, observations, quarantined);
        }
    }

    static Moves run(SparkSession spark, SynonymAdditions additions, String runId, Timestamp now,
                     BiFunction<Dataset<Row>, String, Dataset<Row>> materialise) {
        Dataset<Row> paths = spark.table(BronzeTables.EXTRACT_FILE.qualifiedName()).groupBy("sha256")
                .agg(min(col("path")).as("file_path"));
        Dataset<Row> readable = spark.table(BronzeTables.EXTRACT_ROW.qualifiedName())
                .filter(col("read_rule_id").isNull())
                .join(paths, col("file_sha256").equalTo(col("sha256")))
                .withColumn("read_reason", lit(null).cast("string"));
        Dataset<Row> rows = materialise.apply(ConformStage.conformRows(readable, additions), "reconformed");
        Dataset<Row> duplicates = materialise.apply(ConformStage.duplicates(rows,
                spark.table(SilverTables.OBSERVATION.qualifiedName()).limit(0)), "reconformed_duplicates");
        Dataset<Row> conformed = ConformStage.withDuplicates(rows, duplicates);
        Dataset<Row> before = spark.table(SilverTables.OBSERVATION.qualifiedName());
        Dataset<Row> quarantinedBefore = spark.table(SilverTables.QUARANTINE.qualifiedName());
        Dataset<Row> keys = rows.select("file_sha256", "row_number");

        Dataset<Row> observations = keepLineage(ConformStage.observations(conformed),
                before.select("file_sha256", "row_number", "observation_id", "run_id", "ingested_at"),
                "observation_id", runId, now);
        // Rows not conformed again (reading rules) keep their quarantine row as it is.
        Dataset<Row> quarantine = keepLineage(ConformStage.quarantine(conformed),
                quarantinedBefore.select("file_sha256", "row_number", "rule_id", "run_id", "ingested_at"),
                "rule_id", runId, now)
                .unionByName(quarantinedBefore.join(keys, new String[] {"file_sha256", "row_number"}, "left_anti")
                        .select(quarantineColumns()));
        Dataset<Row> newObservations = materialise.apply(observations, "reprocessed_observations");
        Dataset<Row> newQuarantine = materialise.apply(quarantine, "reprocessed_quarantine");

        long toObservations = newObservations.join(quarantinedBefore.select("file_sha256", "row_number").distinct(),
                new String[] {"file_sha256", "row_number"}, "left_semi").count();
        long toQuarantine = newQuarantine.join(before.select("file_sha256", "row_number").distinct(),
                new String[] {"file_sha256", "row_number"}, "left_semi").count();
        long observationCount = newObservations.count();
        long quarantineCount = newQuarantine.count();
        DeltaWrites.replace(newObservations, SilverTables.OBSERVATION);
        DeltaWrites.replace(newQuarantine, SilverTables.QUARANTINE);
        return new Moves(toObservations, toQuarantine, observationCount, quarantineCount);
    }

    private static org.apache.spark.sql.Column[] quarantineColumns() {
        return SilverTables.QUARANTINE.columns().stream().map(c -> col(c.name())).toArray(org.apache.spark.sql.Column[]::new);
    }

    /** The run and time of the row's earlier outcome when it is the same (same observation, or same rule). */
    private static Dataset<Row> keepLineage(Dataset<Row> rows, Dataset<Row> earlier, String sameBy, String runId,
                                            Timestamp now) {
        Dataset<Row> previous = earlier.select(col("file_sha256").as("e_sha"), col("row_number").as("e_row"),
                col(sameBy).as("e_same"), col("run_id").as("e_run"), col("ingested_at").as("e_at"));
        return rows.join(previous, rows.col("file_sha256").equalTo(previous.col("e_sha"))
                        .and(rows.col("row_number").equalTo(previous.col("e_row")))
                        .and(rows.col(sameBy).equalTo(previous.col("e_same"))), "left")
                .withColumn("run_id", coalesce(col("e_run"), lit(runId)))
                .withColumn("ingested_at", coalesce(col("e_at"), lit(now)))
                .drop("e_sha", "e_row", "e_same", "e_run", "e_at");
    }
}
