package vn.iip.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.SurveyTables;
import vn.iip.conform.survey.SurveyConform;
import vn.iip.conform.survey.SurveyRule;

/**
 * A stored row that a later file contradicts (same period, enterprise, product and collected_on, other values):
 * every differing row of a round key is unusable, so the stored one leaves silver for quarantine too. It keeps its
 * file, row and run, so rows in = stored + quarantined still holds by distinct (file, row, run).
 */
final class StoredConflicts {
    private StoredConflicts() {}

    /** @return how many stored rows were moved to quarantine */
    static long move(SparkSession spark, Dataset<Row> judged, String runId, Timestamp now) {
        Dataset<Row> keys = judged.filter(col("rule").equalTo(SurveyRule.CONFLICTING_ROUNDS.name()))
                .select("round_key").distinct();
        Dataset<Row> stored = spark.table(SurveyTables.SURVEY_RESPONSE.qualifiedName()).join(keys, "round_key")
                .localCheckpoint(true);
        long moved = stored.count();
        if (moved == 0) {
            return 0;
        }
        Column file = SurveyConform.fileName();
        Column place = SurveyConform.place();
        Column raw = concat_ws(",", SurveyConform.ROUND_COLUMNS.stream()
                .map(c -> coalesce(col(c).cast("string"), lit(""))).toArray(Column[]::new));
        vn.iip.spark.DeltaWrites.append(stored.select(col("file_path"), col("row_number"), place.as("source_place"),
                raw.as("raw_text"), lit(null).cast("string").as("column_name"), col("round_key").as("raw_value"),
                lit(SurveyRule.CONFLICTING_ROUNDS.id()).as("rule_id"),
                concat(file, lit(" "), place, lit(": "), format_string(SurveyRule.CONFLICTING_ROUNDS.template(),
                        col("round_key")), lit(" (a later file brings a different row; moved from silver by run "
                        + runId + ")")).as("reason"), col("period").as("period_partition"), col("run_id"),
                lit(now).as("ingested_at")), SurveyTables.SURVEY_QUARANTINE);
        io.delta.tables.DeltaTable.forName(spark, SurveyTables.SURVEY_RESPONSE.qualifiedName()).as("t")
                .merge(stored.select("file_path", "row_number", "run_id").as("s"), "t.file_path = s.file_path"
                        + " AND t.row_number = s.row_number AND t.run_id = s.run_id")
                .whenMatched().delete().execute();
        return moved;
    }
}
