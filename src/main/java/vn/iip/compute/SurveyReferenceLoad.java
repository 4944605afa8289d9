package vn.iip.compute;

import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.SurveyTables;
import vn.iip.catalog.TableSpec;
import vn.iip.conform.survey.SurveyConform;
import vn.iip.conform.survey.SurveyRule;
import vn.iip.ingest.survey.SurveyFiles;
import vn.iip.ingest.survey.SurveyFiles.Kind;
import vn.iip.ingest.survey.SurveyFiles.SurveyFile;
import vn.iip.spark.DeltaWrites;

/**
 * Basket and value-added files: typed into silver, replacing the rows of the weight base years they bring (a
 * corrected basket file supersedes the old one); unusable rows quarantined.
 */
final class SurveyReferenceLoad {
    private SurveyReferenceLoad() {}

    static void load(SparkSession spark, List<SurveyFile> baskets, List<SurveyFile> valueAdded, String runId,
                     Timestamp now) {
        if (!baskets.isEmpty()) {
            Dataset<Row> rows = trimmed(SurveyFiles.rows(spark, baskets, Kind.BASKET), Kind.BASKET);
            Column valid = year().and(col("product_code").notEqual("")).and(col("unit").notEqual(""))
                    .and(vsic4()).and(expr("try_cast(output_value AS DOUBLE) > 0"));
            store(spark, rows, valid, SurveyRule.BASKET_ROW_INVALID, SurveyRule.BASKET_DUPLICATE,
                    new String[] {"weight_base_year", "product_code"}, SurveyTables.SURVEY_BASKET, Kind.BASKET, runId,
                    now, col("weight_base_year").cast("int").as("weight_base_year"), col("product_code"),
                    col("vsic4"), col("unit"), expr("CAST(output_value AS DOUBLE)").as("output_value"));
        }
        if (!valueAdded.isEmpty()) {
            Dataset<Row> rows = trimmed(SurveyFiles.rows(spark, valueAdded, Kind.VALUE_ADDED), Kind.VALUE_ADDED);
            Dataset<Row> provinces = SurveyStage.provinces(spark).filter(col("code_version").equalTo("vn63"))
                    .select(col("province_code").as("known_province"));
            Dataset<Row> located = rows.join(broadcast(provinces), col("geo_code").equalTo(col("known_province")),
                    "left");
            Column valid = year().and(col("known_province").isNotNull()).and(vsic4())
                    .and(expr("try_cast(value_added AS DOUBLE) >= 0"));
            store(spark, located, valid, SurveyRule.VALUE_ADDED_ROW_INVALID, SurveyRule.VALUE_ADDED_DUPLICATE,
                    new String[] {"weight_base_year", "geo_code", "vsic4"}, SurveyTables.SURVEY_VALUE_ADDED,
                    Kind.VALUE_ADDED, runId, now, col("weight_base_year").cast("int").as("weight_base_year"),
                    col("geo_code"), col("vsic4"), expr("CAST(value_added AS DOUBLE)").as("value_added"));
        }
    }

    private static Dataset<Row> trimmed(Dataset<Row> rows, Kind kind) {
        for (String column : kind.columns()) {
            rows = rows.withColumn(column, coalesce(trim(col(column)), lit("")));
        }
        return rows;
    }

    private static Column year() {
        return col("weight_base_year").rlike("^(19|20)[0-9]{2}$");
    }

    private static Column vsic4() {
        return col("vsic4").rlike("^[0-9]{4}$").and(Industries.section(col("vsic4")).isNotNull());
    }

    /**
     * Valid rows replace their base years' rows, typed into the table's columns; invalid ones go to quarantine, and
     * so do all rows of a key that more than one valid row of the batch brings (a weight must not count twice).
     */
    private static void store(SparkSession spark, Dataset<Row> rows, Column valid, SurveyRule rule,
                              SurveyRule duplicate, String[] key, TableSpec table, Kind kind, String runId,
                              Timestamp now, Column... typed) {
        var sameKey = org.apache.spark.sql.expressions.Window.partitionBy(
                java.util.Arrays.stream(key).map(c -> col(c)).toArray(Column[]::new));
        Dataset<Row> checked = rows.withColumn("row_valid", coalesce(valid, lit(false)));
        Dataset<Row> judged = checked
                .withColumn("valid_copies", org.apache.spark.sql.functions.sum(
                        org.apache.spark.sql.functions.when(col("row_valid"), 1).otherwise(0)).over(sameKey))
                .withColumn("rule_id", org.apache.spark.sql.functions.when(not(col("row_valid")), lit(rule.id()))
                        .when(col("valid_copies").gt(1), lit(duplicate.id())))
                .withColumn("valid", col("rule_id").isNull())
                .withColumn("template", org.apache.spark.sql.functions.when(col("rule_id").equalTo(rule.id()),
                        lit(rule.template())).otherwise(lit(duplicate.template())))
                .localCheckpoint(true);
        Column rawText = concat_ws(",", kind.columns().stream().map(c -> col(c)).toArray(Column[]::new));
        Column file = SurveyConform.fileName();
        Column place = SurveyConform.place();
        DeltaWrites.append(judged.filter(not(col("valid"))).select(col("file_path"), col("row_number"),
                place.as("source_place"), rawText.as("raw_text"), lit(null).cast("string").as("column_name"),
                rawText.as("raw_value"), col("rule_id"),
                concat(file, lit(" "), place, lit(": "), expr("format_string(template, concat_ws(',', "
                        + String.join(", ", kind.columns()) + "))")).as("reason"),
                lit("reference").as("period_partition"), lit(runId).as("run_id"), lit(now).as("ingested_at")),
                SurveyTables.SURVEY_QUARANTINE);
        Dataset<Row> good = judged.filter(col("valid"));
        List<Object> years = good.select(col("weight_base_year").cast("int")).distinct().collectAsList().stream()
                .map(r -> (Object) r.getInt(0)).toList();
        if (years.isEmpty()) {
            return;
        }
        DeltaWrites.replaceWhere(good.select(typed).withColumn("run_id", lit(runId)), table, col("weight_base_year").isin(
                years.toArray()));
        spark.catalog().refreshTable(table.qualifiedName());
    }
}
