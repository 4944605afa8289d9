package vn.iip.compute;

import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.SurveyTables;
import vn.iip.conform.survey.SurveyConform;
import vn.iip.ingest.survey.SurveyFiles;
import vn.iip.ingest.survey.SurveyFiles.SurveyFile;
import vn.iip.spark.DeltaWrites;

/**
 * New survey rounds files: their rows appended to bronze as received, judged, the usable rows stored in silver
 * and the others quarantined; rows in = stored + quarantined, for the batch and, by distinct (file, row), for the
 * whole survey.
 */
final class SurveyRoundsLoad {
    private SurveyRoundsLoad() {}

    /** @param movedFromSilver rows stored earlier that a new file contradicts, moved to quarantine */
    record Loaded(long rowsRead, long stored, List<Row> quarantinedByRule, Map<String, Long> rowsByFile,
                  boolean conserved, long movedFromSilver) {}

    static Loaded load(SparkSession spark, List<SurveyFile> files, String runId, Timestamp now) {
        if (files.isEmpty()) {
            return new Loaded(0, 0, List.of(), Map.of(), true, 0);
        }
        // Materialised once: bronze, the judgement and the counts all see the same rows and row numbers.
        Dataset<Row> raw = SurveyFiles.rows(spark, files, SurveyFiles.Kind.ROUNDS).localCheckpoint(true);
        Map<String, Long> rowsByFile = new HashMap<>();
        long read = 0;
        for (Row file : raw.groupBy("file_path").count().collectAsList()) {
            rowsByFile.put(normalised(file.getString(0)), file.getLong(1));
            read += file.getLong(1);
        }
        DeltaWrites.append(raw.withColumn("period_partition", SurveyConform.periodPartition())
                .withColumn("run_id", lit(runId)).withColumn("ingested_at", lit(now)), SurveyTables.SURVEY_ROW);

        Dataset<Row> basketUnits = spark.table(SurveyTables.SURVEY_BASKET.qualifiedName()).select("product_code", "unit");
        Dataset<Row> storedKeys = spark.table(SurveyTables.SURVEY_RESPONSE.qualifiedName())
                .select("round_key", "content_hash");
        Dataset<Row> judged = SurveyConform.judge(raw, SurveyStage.provinces(spark), basketUnits, storedKeys)
                .localCheckpoint(true);
        Dataset<Row> usable = SurveyConform.usable(judged).withColumn("run_id", lit(runId));
        Dataset<Row> quarantined = SurveyConform.quarantined(judged).withColumn("run_id", lit(runId))
                .withColumn("ingested_at", lit(now));
        long stored = usable.count();
        long quarantinedCount = quarantined.count();
        long moved = StoredConflicts.move(spark, judged, runId, now);
        DeltaWrites.append(usable, SurveyTables.SURVEY_RESPONSE);
        DeltaWrites.append(quarantined, SurveyTables.SURVEY_QUARANTINE);
        List<Row> byRule = quarantined.groupBy("rule_id").count().orderBy(col("count").desc(), col("rule_id"))
                .collectAsList();
        return new Loaded(read, stored, byRule, rowsByFile, read == stored + quarantinedCount && totalsHold(spark),
                moved);
    }

    /**
     * Every bronze survey row is stored or quarantined, counted by distinct (file, row, run): a file landed again
     * (a new modification time) is a new load of its rows, which then go to quarantine as copies.
     */
    static boolean totalsHold(SparkSession spark) {
        long rows = distinct(spark.table(SurveyTables.SURVEY_ROW.qualifiedName()));
        long stored = distinct(spark.table(SurveyTables.SURVEY_RESPONSE.qualifiedName()));
        long quarantined = distinct(spark.table(SurveyTables.SURVEY_QUARANTINE.qualifiedName())
                .filter(not(col("rule_id").startsWith("survey_basket").or(col("rule_id")
                        .startsWith("survey_value_added")))));
        return rows == stored + quarantined;
    }

    private static long distinct(Dataset<Row> rows) {
        return rows.agg(countDistinct(col("file_path"), col("row_number"), col("run_id"))).first().getLong(0);
    }

    /** A file's path without scheme and authority: Spark's and the listing's spellings of one file agree. */
    static String normalised(String path) {
        return new org.apache.hadoop.fs.Path(path).toUri().getPath();
    }
}
