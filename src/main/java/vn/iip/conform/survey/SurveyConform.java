package vn.iip.conform.survey;

import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Types the survey rounds' raw rows and sends every row that cannot be used to quarantine with its rule
 * ({@link SurveyRule}): each row gets the first rule it breaks; then rows of one round key (period, enterprise,
 * product, collected_on) that differ are all quarantined, and of exact copies (in the batch, or of a row stored by
 * an earlier run) one is used. Pure transforms: rows in = usable + quarantined, one output row per input row.
 */
public final class SurveyConform {
    private SurveyConform() {}

    /** The raw columns of a survey round, as in the file (any order there). */
    public static final List<String> ROUND_COLUMNS = List.of("period", "collected_on", "enterprise_id",
            "province_code", "vsic4", "product_code", "unit", "quantity", "response");

    /**
     * @param raw file_path, row_number, the raw {@link #ROUND_COLUMNS} (strings) and extra_fields (the first field
     *            beyond the header's, or null)
     * @param provinces {@code SurveyGeography.provinces}: province_code, code_version, province_vn63, unit_vn34,
     *                  region_code
     * @param basketUnits product_code, unit of every basket
     * @param storedKeys round_key, content_hash of the rows stored by earlier runs
     * @return every input row once, with {@code rule_id} null for the usable ones and their typed columns
     */
    public static Dataset<Row> judge(Dataset<Row> raw, Dataset<Row> provinces, Dataset<Row> basketUnits,
                                     Dataset<Row> storedKeys) {
        Dataset<Row> trimmed = raw;
        for (String column : ROUND_COLUMNS) {
            trimmed = trimmed.withColumn(column, trim(col(column)));
        }
        Column periodValid = col("period").rlike("^[0-9]{4}-(0[1-9]|1[0-2])$");
        Dataset<Row> typed = trimmed
                .withColumn("collected_date", try_to_date(col("collected_on"), "yyyy-MM-dd"))
                .withColumn("quantity_value", expr("try_cast(quantity AS DOUBLE)"))
                .withColumn("code_version", when(col("period").lt("2025-07"), lit("vn63")).otherwise(lit("vn34")));
        Dataset<Row> lookup = provinces.withColumnRenamed("province_code", "lookup_code")
                .withColumnRenamed("code_version", "lookup_version");
        Dataset<Row> located = typed.join(broadcast(lookup), col("province_code").equalTo(col("lookup_code"))
                        .and(col("code_version").equalTo(col("lookup_version"))), "left")
                .drop("lookup_code", "lookup_version");
        Dataset<Row> products = basketUnits.select(col("product_code").as("basket_product")).distinct();
        Dataset<Row> units = basketUnits.select(col("product_code").as("unit_product"), col("unit").as("basket_unit"))
                .distinct();
        Dataset<Row> checked = located
                .join(broadcast(products), col("product_code").equalTo(col("basket_product")), "left")
                .join(broadcast(units), col("product_code").equalTo(col("unit_product"))
                        .and(col("unit").equalTo(col("basket_unit"))), "left");

        Column reported = col("response").equalTo("reported");
        Column quantityBad = col("quantity_value").isNull().or(isnan(col("quantity_value")))
                .or(col("quantity_value").lt(0)).or(col("quantity_value").equalTo(Double.POSITIVE_INFINITY));
        Column rule = when(col("extra_fields").isNotNull(), lit(SurveyRule.FIELDS_EXTRA.name()))
                .when(col("period").isNull().or(not(periodValid)), lit(SurveyRule.PERIOD_INVALID.name()))
                .when(col("collected_date").isNull(), lit(SurveyRule.COLLECTED_ON_INVALID.name()))
                .when(coalesce(col("enterprise_id"), lit("")).equalTo(""), lit(SurveyRule.ENTERPRISE_MISSING.name()))
                .when(col("response").isNull().or(not(col("response").isin("reported", "no_report"))),
                        lit(SurveyRule.RESPONSE_UNKNOWN.name()))
                .when(reported.and(quantityBad), lit(SurveyRule.QUANTITY_INVALID.name()))
                .when(not(reported).and(coalesce(col("quantity"), lit("")).notEqual("")),
                        lit(SurveyRule.NO_REPORT_WITH_QUANTITY.name()))
                .when(col("unit_vn34").isNull(), lit(SurveyRule.PROVINCE_INVALID.name()))
                .when(col("basket_product").isNull(), lit(SurveyRule.PRODUCT_NOT_IN_BASKET.name()))
                .when(col("basket_unit").isNull(), lit(SurveyRule.UNIT_MISMATCH.name()));
        Column roundKey = concat_ws("|", coalesce(col("period"), lit("")), coalesce(col("enterprise_id"), lit("")),
                coalesce(col("product_code"), lit("")), coalesce(col("collected_on"), lit("")));
        Column content = sha2(concat_ws("\u0001", ROUND_COLUMNS.stream()
                .map(c -> coalesce(col(c), lit("\u0000"))).toArray(Column[]::new)), 256);
        Dataset<Row> ruled = checked.withColumn("row_rule", rule)
                .withColumn("round_key", roundKey).withColumn("content_hash", content);

        // One round key, several different rows in the batch: all of them quarantined. Exact copies: the first
        // (by file and row) is used unless a run already stored the same row.
        var sameKey = Window.partitionBy("round_key");
        var copies = Window.partitionBy("round_key", "content_hash").orderBy("file_path", "row_number");
        Dataset<Row> stored = storedKeys.select(col("round_key").as("stored_key"),
                col("content_hash").as("stored_hash"));
        Dataset<Row> keyed = ruled
                .withColumn("versions", org.apache.spark.sql.functions.size(
                        org.apache.spark.sql.functions.collect_set(col("content_hash")).over(sameKey)))
                .withColumn("copy_number", row_number().over(copies))
                .join(stored, col("round_key").equalTo(col("stored_key")), "left");
        Column finalRule = when(col("row_rule").isNotNull(), col("row_rule"))
                .when(col("versions").gt(1), lit(SurveyRule.CONFLICTING_ROUNDS.name()))
                .when(col("stored_key").isNotNull().and(col("stored_hash").equalTo(col("content_hash"))),
                        lit(SurveyRule.COPY.name()))
                .when(col("stored_key").isNotNull(), lit(SurveyRule.CONFLICTING_ROUNDS.name()))
                .when(col("copy_number").gt(1), lit(SurveyRule.COPY.name()));
        return keyed.withColumn("rule", finalRule)
                .drop("row_rule", "versions", "copy_number", "stored_key", "stored_hash", "basket_product",
                        "unit_product", "basket_unit");
    }

    /** The quarantine rows of a judged batch: the rule id, the column and value, and the one-line reason. */
    public static Dataset<Row> quarantined(Dataset<Row> judged) {
        Column file = fileName();
        Column place = place();
        Column id = lit(null).cast("string");
        Column column = lit(null).cast("string");
        Column value = lit(null).cast("string");
        Column reason = lit(null).cast("string");
        for (SurveyRule rule : SurveyRule.values()) {
            Column is = col("rule").equalTo(rule.name());
            Column offending = rule.column() == null ? col("round_key") : coalesce(col(rule.column()), lit(""));
            Column where = rule.column() == null || rule == SurveyRule.FIELDS_EXTRA ? concat(file, lit(" "), place)
                    : concat(file, lit(" "), place, lit(", column " + rule.column()));
            id = when(is, lit(rule.id())).otherwise(id);
            column = when(is, lit(rule.column())).otherwise(column);
            value = when(is, offending).otherwise(value);
            reason = when(is, concat(where, lit(": "), format_string(rule.template(), offending))).otherwise(reason);
        }
        return judged.filter(col("rule").isNotNull())
                .select(col("file_path"), col("row_number"), place.as("source_place"),
                        concat_ws(",", ROUND_COLUMNS.stream().map(c -> coalesce(col(c), lit(""))).toArray(Column[]::new))
                                .as("raw_text"),
                        column.as("column_name"), value.as("raw_value"), id.as("rule_id"), reason.as("reason"),
                        periodPartition().as("period_partition"));
    }

    /** The file's name without its folder, as quarantine reasons start. */
    public static Column fileName() {
        return regexp_extract(col("file_path"), "([^/]*)$", 1);
    }

    /** "row N": where in its file a row is, as quarantine's source_place and reasons say it. */
    public static Column place() {
        return concat(lit("row "), col("row_number").cast("string"));
    }

    /** What stored survey rows are partitioned by: the period when it is a month YYYY-MM, else 'invalid'. */
    public static Column periodPartition() {
        return when(col("period").rlike("^[0-9]{4}-(0[1-9]|1[0-2])$"), col("period")).otherwise(lit("invalid"));
    }

    /** The usable rows, typed, with their lineage and the keys later runs compare against. */
    public static Dataset<Row> usable(Dataset<Row> judged) {
        return judged.filter(col("rule").isNull())
                .select(col("period"), col("enterprise_id"), col("province_code"), col("code_version"),
                        col("province_vn63"), col("unit_vn34"), col("region_code"), col("vsic4"), col("product_code"),
                        col("unit"), col("response"),
                        when(col("response").equalTo("reported"), col("quantity_value")).as("quantity"),
                        col("collected_date").as("collected_on"), col("file_path"), col("row_number"),
                        col("round_key"), col("content_hash"));
    }
}
