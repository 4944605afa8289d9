package vn.iip.compute;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.iip.reference.ReferenceData;

/**
 * The computed IIP, from typed survey responses to figures: final values (step 1), imputation (2), quantities per
 * geography (3), base quantities and indices per weight base (4–7), chain-linking (8), growth (9) and
 * contributions (10). Pure transforms of Datasets; the caller reads and writes the tables.
 */
public final class IipComputation {
    private IipComputation() {}

    /**
     * @param responses usable survey rows: period, enterprise_id, province_code, code_version, province_vn63,
     *                  unit_vn34, region_code, product_code, response, quantity, collected_on
     * @param baskets weight_base_year, product_code, vsic4, unit, output_value
     * @param valueAdded weight_base_year, geo_code (vn63), vsic4, value_added
     * @param newestMonth the newest survey month index ({@link Months})
     */
    public record Inputs(Dataset<Row> responses, Dataset<Row> baskets, Dataset<Row> valueAdded, int newestMonth) {}

    /**
     * @param finalValues one row per (period, enterprise, product): the final round, with quantity_used,
     *                    imputed and imputation_link
     * @param figures period, period_type, geo_code, geo_version, backcast, industry_code, comparison, measure,
     *                value_pct, index_value, weight_base_year
     */
    public record Result(Dataset<Row> finalValues, Dataset<Row> figures) {}

    public static Result compute(Inputs inputs) {
        var spark = inputs.responses().sparkSession();
        // Each step is materialised (local checkpoints): the steps join their inputs many times, and without a
        // cut the analyser would plan the whole lineage again for every join.
        Dataset<Row> finals = Imputation.impute(finalValues(inputs.responses()).localCheckpoint(true))
                .localCheckpoint(true);
        Dataset<Row> quantities = quantities(finals).localCheckpoint(true);
        Dataset<Row> segments = Segments.of(inputs.baskets(), inputs.newestMonth()).localCheckpoint(true);
        Dataset<Row> valueAdded = BaseIndices.valueAdded(inputs.valueAdded(),
                SurveyGeography.valueAddedGeographies(spark, ReferenceData.get())).localCheckpoint(true);
        Dataset<Row> indices = BaseIndices.allLevels(BaseIndices.classIndices(quantities, inputs.baskets(), segments)
                .localCheckpoint(true), valueAdded).localCheckpoint(true);
        Dataset<Row> means = ChainLinking.annualMeans(indices).localCheckpoint(true);
        Dataset<Row> linked = ChainLinking.linked(indices, ChainLinking.factors(indices, means, segments)
                .localCheckpoint(true), segments).localCheckpoint(true);
        Dataset<Row> figures = levels(linked).unionByName(growth(Growth.all(linked)))
                .unionByName(contributions(Contributions.all(indices, valueAdded, means, linked, segments)));
        return new Result(finals, figures);
    }

    /** Step 1: per (period, enterprise, product) the row of the latest round (same-round copies are quarantined). */
    static Dataset<Row> finalValues(Dataset<Row> responses) {
        String[] keep = {"enterprise_id", "province_code", "code_version", "province_vn63", "unit_vn34",
                "region_code", "response", "quantity", "collected_on"};
        Column[] fields = java.util.Arrays.stream(keep).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> latest = responses.groupBy(col("period"), col("enterprise_id").as("key_enterprise"),
                        col("product_code"))
                .agg(max_by(struct(fields), col("collected_on")).as("final"));
        return latest.select(col("period"), col("product_code"), col("final.*"))
                .withColumn("month_index", Months.index(col("period")));
    }

    /**
     * Step 3: Q(g, p, t), the sum of the final reported or imputed quantities of the enterprises in g: the country,
     * and up to 2025-06 the vn63 province and the region; the vn34 unit for every month (the back-cast).
     */
    static Dataset<Row> quantities(Dataset<Row> finals) {
        Dataset<Row> byProvince = finals.filter(col("quantity_used").isNotNull())
                .groupBy("province_vn63", "unit_vn34", "region_code", "product_code", "month_index")
                .agg(sum("quantity_used").as("quantity"));
        Column national = struct(lit("VN").as("geo_code"), lit(SurveyGeography.NATIONAL).as("geo_kind"));
        Column unit = struct(col("unit_vn34").as("geo_code"), lit(ReferenceData.VN34).as("geo_kind"));
        Column province = struct(col("province_vn63").as("geo_code"), lit(ReferenceData.VN63).as("geo_kind"));
        Column region = struct(col("region_code").as("geo_code"), lit(SurveyGeography.REGION).as("geo_kind"));
        Column geographies = when(col("month_index").lt(Months.VN34_FROM), array(national, province, unit, region))
                .otherwise(array(national, unit));
        return byProvince.select(explode(geographies).as("geo"), col("product_code"), col("month_index"),
                        col("quantity"))
                .groupBy(col("geo.geo_code").as("geo_code"), col("geo.geo_kind").as("geo_kind"), col("product_code"),
                        col("month_index"))
                .agg(sum("quantity").as("quantity"));
    }

    private static Dataset<Row> levels(Dataset<Row> linked) {
        return figure(linked.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                Months.text(col("month_index")).as("period"), lit("month").as("period_type"),
                col("month_index").as("last_month"), lit(1).as("months"), lit("fixed_base").as("comparison"),
                lit("index_level").as("measure"), lit(null).cast("double").as("value_pct"),
                col("linked_index").as("index_value"), col("weight_base_year")));
    }

    private static Dataset<Row> growth(Dataset<Row> growth) {
        // The months the period spans (a year-to-date figure is a month's: its period is that month).
        Column months = when(col("period_type").equalTo("year"), lit(12)).when(col("period_type").equalTo("quarter"),
                lit(3)).otherwise(lit(1));
        return figure(growth.select(col("geo_code"), col("geo_kind"), col("industry_code"), col("period"),
                col("period_type"), col("last_month"), months.as("months"), col("comparison"), lit("iip").as("measure"),
                col("ratio").minus(1).multiply(100).as("value_pct"), col("ratio").multiply(100).as("index_value"),
                col("weight_base_year")));
    }

    private static Dataset<Row> contributions(Dataset<Row> contributions) {
        return figure(contributions.select(col("geo_code"), col("geo_kind"), col("industry_code"), col("period"),
                lit("month").as("period_type"), col("last_month"), lit(1).as("months"), col("comparison"),
                lit("contribution_pp").as("measure"), col("contribution_pp").as("value_pct"),
                lit(null).cast("double").as("index_value"), col("weight_base_year")));
    }

    /**
     * The published figures' geography columns: national rows are vn63 up to 2025-06 and vn34 after (one series);
     * a vn34 row whose period (a month, or a quarter's or a year's first month) starts before 2025-07 is a back-cast
     * from its member provinces.
     */
    private static Dataset<Row> figure(Dataset<Row> rows) {
        Column firstMonth = col("last_month").minus(col("months")).plus(1);
        Column version = when(col("geo_kind").equalTo(SurveyGeography.NATIONAL),
                when(col("last_month").lt(Months.VN34_FROM), lit(ReferenceData.VN63)).otherwise(lit(ReferenceData.VN34)))
                .otherwise(col("geo_kind"));
        return rows.select(col("period"), col("period_type"), col("geo_code"), version.as("geo_version"),
                col("geo_kind").equalTo(ReferenceData.VN34).and(firstMonth.lt(Months.VN34_FROM)).as("backcast"),
                col("industry_code"), col("comparison"), col("measure"), col("value_pct"), col("index_value"),
                col("weight_base_year"));
    }
}
