package vn.iip.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads landing files, identifies them by SHA-256 and keeps only those not ingested before (a byte-identical file,
 * wherever it lies, is skipped). Transforms only: writing is the pipeline's job.
 */
public final class IngestStage {
    private IngestStage() {}

    /**
     * @param files       (path, length, content) rows from {@link ExtractSource}
     * @param sidecars    sidecar bytes by the path of the file they describe ({@link ExtractSource#sidecars})
     * @param knownHashes sha256 of files already in iip_bronze.extract_file
     */
    public static IngestResult run(Dataset<Row> files, java.util.Map<String, byte[]> sidecars, Dataset<Row> knownHashes,
                                   String runId, Timestamp now) {
        return run(new ExtractSource.Selection(files, 0), sidecars, knownHashes, runId, now);
    }

    /** @param selection the files to read and the count of known, unchanged ones left unread (seen and skipped) */
    public static IngestResult run(ExtractSource.Selection selection, java.util.Map<String, byte[]> sidecars,
                                   Dataset<Row> knownHashes, String runId, Timestamp now) {
        Dataset<Row> files = selection.files();
        org.apache.spark.sql.Column isSidecar = col("path").endsWith(ReleaseMetadata.SIDECAR_SUFFIX);
        Dataset<Row> parsed = files.filter(org.apache.spark.sql.functions.not(isSidecar))
                .map(ParsedExtractRows.reader(sidecars), Encoders.row(ParsedExtractRows.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        int filesSeen = (int) parsed.count() + selection.unchanged();
        Dataset<Row> firstCopies = parsed
                .withColumn("copy_rank", row_number().over(Window.partitionBy("sha256").orderBy("path")))
                .filter(col("copy_rank").equalTo(1)).drop("copy_rank");
        Dataset<Row> known = knownHashes.select(col("sha256").as("known_sha256"));
        Dataset<Row> fresh = firstCopies
                .join(known, firstCopies.col("sha256").equalTo(known.col("known_sha256")), "left_anti")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> newFiles = fresh.select(
                col("sha256"), col("path"),
                org.apache.spark.sql.functions.regexp_extract(col("path"), "([^/]*)$", 1).as("file_name"),
                col("size_bytes"), col("format"), col("encoding"), col("delimiter"),
                size(col("rows")).as("data_rows"),
                when(col("file_rule_id").isNull(), lit("ingested")).otherwise(lit("rejected")).as("outcome"),
                col("file_message").as("outcome_reason"), col("reader_notes"),
                lit(now).as("ingested_at"), lit(runId).as("run_id"));
        Dataset<Row> newRows = fresh.select(col("sha256").as("file_sha256"), col("path").as("file_path"),
                        explode(col("rows")).as("r"))
                .select(col("file_sha256"), col("file_path"), col("r.row_number").as("row_number"), col("r.place").as("source_place"),
                        col("r.raw_text").as("raw_text"), col("r.fields").as("fields"),
                        col("r.rule_id").as("read_rule_id"), col("r.reason").as("read_reason"),
                        lit(now).as("ingested_at"), lit(runId).as("run_id"));
        List<IngestResult.FileSummary> summaries = newFiles.select("path", "data_rows", "outcome", "outcome_reason")
                .orderBy("path").collectAsList().stream()
                .map(r -> new IngestResult.FileSummary(r.getString(0), r.getInt(1), r.getString(2), r.getString(3)))
                .toList();
        return new IngestResult(newFiles, newRows, filesSeen, summaries);
    }
}
