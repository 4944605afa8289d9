package vn.iip.compute;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Step 8, annual-overlap chain-linking per series (geography, industry): {@code L(t) = I_{B_n}(t)} in the newest
 * base's range; an older base B_i's months are scaled by {@code F_i = F_{i+1} × Ī_{B_{i+1}}(B_{i+1}) /
 * Ī_{B_i}(B_{i+1})}, Ī_B(Y) the mean of base B's index over the 12 months of year Y (all 12 defined, else
 * every older value is undefined).
 */
final class ChainLinking {
    private ChainLinking() {}

    static final String[] SERIES = {"geo_code", "geo_kind", "industry_code"};

    static Column[] columns(String... names) {
        return java.util.Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    /**
     * Ī_B(Y) for each series, base and year Y where all 12 months are defined: geo_code, geo_kind, industry_code,
     * weight_base_year, year, mean_index.
     */
    static Dataset<Row> annualMeans(Dataset<Row> indices) {
        return indices.withColumn("year", Months.year(col("month_index")))
                .groupBy("geo_code", "geo_kind", "industry_code", "weight_base_year", "year")
                .agg(avg("index_value").as("mean_index"), count(lit(1)).as("months"))
                .filter(col("months").equalTo(12)).drop("months");
    }

    /** F per series and base: geo_code, geo_kind, industry_code, weight_base_year, link_factor (null: undefined). */
    static Dataset<Row> factors(Dataset<Row> indices, Dataset<Row> means, Dataset<Row> segments) {
        Dataset<Row> series = indices.select(columns(SERIES)).distinct()
                .crossJoin(broadcast(segments.select("weight_base_year", "next_base")));
        Dataset<Row> newMean = means.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                col("weight_base_year").as("next_base"), col("year").as("overlap_year"), col("mean_index").as("new_mean"))
                .filter(col("overlap_year").equalTo(col("next_base"))).drop("overlap_year");
        Dataset<Row> oldMean = means.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                col("weight_base_year"), col("year").as("next_base"), col("mean_index").as("old_mean"));
        Dataset<Row> ratios = series
                .join(newMean, new String[] {"geo_code", "geo_kind", "industry_code", "next_base"}, "left")
                .join(oldMean, new String[] {"geo_code", "geo_kind", "industry_code", "weight_base_year", "next_base"},
                        "left")
                .withColumn("ratio", when(col("next_base").isNull(), lit(1.0))
                        .otherwise(col("new_mean").divide(col("old_mean"))));
        // F_i is the product of the ratios of B_i and every newer base: a sum of logarithms over the newer rows,
        // with undefined and zero ratios counted apart (an undefined one makes every older F undefined).
        var newerOrSame = Window.partitionBy(columns(SERIES)).orderBy(col("weight_base_year").desc())
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column undefined = sum(when(col("ratio").isNull().or(col("ratio").isNaN()), lit(1)).otherwise(lit(0)))
                .over(newerOrSame);
        Column zeros = sum(when(col("ratio").equalTo(0), lit(1)).otherwise(lit(0))).over(newerOrSame);
        Column logs = sum(when(col("ratio").gt(0), log(col("ratio"))).otherwise(lit(0.0))).over(newerOrSame);
        return ratios.select(col("geo_code"), col("geo_kind"), col("industry_code"), col("weight_base_year"),
                when(undefined.gt(0), lit(null).cast("double")).when(zeros.gt(0), lit(0.0)).otherwise(exp(logs))
                        .as("link_factor"));
    }

    /**
     * L(t): geo_code, geo_kind, industry_code, month_index, weight_base_year (the base of t's linked range),
     * linked_index. Only defined values.
     */
    static Dataset<Row> linked(Dataset<Row> indices, Dataset<Row> factors, Dataset<Row> segments) {
        return indices.join(broadcast(segments.select("weight_base_year", "linked_from", "linked_to")),
                        "weight_base_year")
                .filter(col("month_index").between(col("linked_from"), col("linked_to")))
                .join(factors, new String[] {"geo_code", "geo_kind", "industry_code", "weight_base_year"})
                .filter(col("link_factor").isNotNull())
                .select(col("geo_code"), col("geo_kind"), col("industry_code"), col("month_index"),
                        col("weight_base_year"), col("index_value").multiply(col("link_factor")).as("linked_index"));
    }
}
