package vn.iip.compute;

import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Step 2 of the method: a final {@code no_report} at month t is imputed from the enterprise's last reported
 * quantity q_s (s &lt; t) carried forward by the month-to-month links of its vn34 unit:
 * {@code q̂_t = q_s × Π_{m=s+1..t} link(U, p, m)}, where {@code link(U, p, m) = Σ q_m / Σ q_{m−1}} over the
 * enterprises of U reporting p in both months; if U has no such pair (or Σ q_{m−1} = 0) the same over the
 * country; if still none, 1. Without an earlier reported value the row is unimputable.
 */
public final class Imputation {
    private Imputation() {}

    /**
     * @param finals one final value per (month_index, enterprise_id, product_code) with unit_vn34, response and
     *               quantity (null for no_report)
     * @return the same rows with {@code quantity_used} (reported, imputed, or null when unimputable),
     *         {@code imputed} and {@code imputation_link} (the product of links; null unless imputed)
     */
    public static Dataset<Row> impute(Dataset<Row> finals) {
        Column reported = col("response").equalTo(lit("reported"));
        WindowSpec before = Window.partitionBy("enterprise_id", "product_code").orderBy("month_index")
                .rowsBetween(Window.unboundedPreceding(), -1);
        Dataset<Row> withLast = finals
                .withColumn("last_reported_month", last(when(reported, col("month_index")), true).over(before))
                .withColumn("last_reported_quantity", last(when(reported, col("quantity")), true).over(before))
                .localCheckpoint(true);

        Dataset<Row> toImpute = withLast.filter(not(reported).and(col("last_reported_month").isNotNull()));
        Dataset<Row> chains = chainFactors(links(withLast.filter(reported)), toImpute).localCheckpoint(true);

        Dataset<Row> imputed = withLast.join(chains, withLast.col("unit_vn34").eqNullSafe(chains.col("chain_unit"))
                        .and(withLast.col("product_code").equalTo(chains.col("chain_product")))
                        .and(withLast.col("month_index").equalTo(chains.col("chain_to")))
                        .and(withLast.col("last_reported_month").equalTo(chains.col("chain_from"))), "left");
        return imputed
                .withColumn("imputed", not(reported).and(col("last_reported_month").isNotNull()))
                .withColumn("imputation_link", when(col("imputed"), col("chain_factor")))
                .withColumn("quantity_used", when(reported, col("quantity"))
                        .when(col("imputed"), col("last_reported_quantity").multiply(col("chain_factor"))))
                .drop("chain_unit", "chain_product", "chain_from", "chain_to", "chain_factor", "last_reported_month",
                        "last_reported_quantity");
    }

    /** link per (unit_vn34, product_code, month_index) with the national fallback; absent = 1. */
    static Dataset<Row> links(Dataset<Row> reported) {
        Dataset<Row> previous = reported.select(col("enterprise_id"), col("product_code"),
                col("month_index").plus(1).as("month_index"), col("quantity").as("previous_quantity"));
        Dataset<Row> pairs = reported.select("enterprise_id", "product_code", "month_index", "unit_vn34", "quantity")
                .join(previous, new String[] {"enterprise_id", "product_code", "month_index"}).localCheckpoint(true);
        Dataset<Row> unit = pairs.groupBy("unit_vn34", "product_code", "month_index")
                .agg(sum("quantity").as("numerator"), sum("previous_quantity").as("denominator"))
                .filter(col("denominator").gt(0))
                .select(col("unit_vn34").as("link_unit"), col("product_code").as("link_product"),
                        col("month_index").as("link_month"), col("numerator").divide(col("denominator")).as("unit_link"));
        Dataset<Row> national = pairs.groupBy("product_code", "month_index")
                .agg(sum("quantity").as("numerator"), sum("previous_quantity").as("denominator"))
                .filter(col("denominator").gt(0))
                .select(col("product_code").as("national_product"), col("month_index").as("national_month"),
                        col("numerator").divide(col("denominator")).as("national_link"));
        return unit.join(national, unit.col("link_product").equalTo(national.col("national_product"))
                        .and(unit.col("link_month").equalTo(national.col("national_month"))), "full_outer")
                .select(col("link_unit"), coalesce(col("link_product"), col("national_product")).as("link_product"),
                        coalesce(col("link_month"), col("national_month")).as("link_month"),
                        col("unit_link"), col("national_link"))
                .localCheckpoint(true);
    }

    /**
     * The product of links from s+1 to t for every (unit, product, s, t) to impute: links on a dense month grid per
     * (unit, product), cumulated as sums of logarithms (zero links counted apart), so each chain is a difference
     * of two cumulated values instead of a join over its months.
     */
    static Dataset<Row> chainFactors(Dataset<Row> links, Dataset<Row> toImpute) {
        Dataset<Row> grid = toImpute.groupBy("unit_vn34", "product_code")
                .agg(min("last_reported_month").as("first"), max("month_index").as("last"))
                .select(col("unit_vn34").as("grid_unit"), col("product_code").as("grid_product"), col("first"),
                        explode(sequence(col("first"), col("last"))).as("grid_month"));
        Dataset<Row> unitLinks = links.filter(col("link_unit").isNotNull()).select("link_unit", "link_product",
                "link_month", "unit_link");
        Dataset<Row> nationalLinks = links.filter(col("national_link").isNotNull())
                .select(col("link_product").as("n_product"), col("link_month").as("n_month"), col("national_link"))
                .distinct();
        Dataset<Row> linked = grid
                .join(unitLinks, grid.col("grid_unit").eqNullSafe(unitLinks.col("link_unit"))
                        .and(grid.col("grid_product").equalTo(unitLinks.col("link_product")))
                        .and(grid.col("grid_month").equalTo(unitLinks.col("link_month"))), "left")
                .join(nationalLinks, grid.col("grid_product").equalTo(nationalLinks.col("n_product"))
                        .and(grid.col("grid_month").equalTo(nationalLinks.col("n_month"))), "left")
                .withColumn("link", when(col("grid_month").equalTo(col("first")), lit(1.0))
                        .otherwise(coalesce(col("unit_link"), col("national_link"), lit(1.0))));
        WindowSpec upTo = Window.partitionBy("grid_unit", "grid_product").orderBy("grid_month")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> cumulated = linked.select(col("grid_unit"), col("grid_product"), col("grid_month"),
                sum(when(col("link").gt(0), log(col("link"))).otherwise(lit(0.0))).over(upTo).as("log_sum"),
                sum(when(col("link").equalTo(0), lit(1)).otherwise(lit(0))).over(upTo).as("zeros"))
                .localCheckpoint(true);

        Dataset<Row> keys = toImpute.select(col("unit_vn34").as("chain_unit"), col("product_code").as("chain_product"),
                col("last_reported_month").as("chain_from"), col("month_index").as("chain_to")).distinct();
        Dataset<Row> to = cumulated.toDF("to_unit", "to_product", "to_month", "to_log", "to_zeros");
        Dataset<Row> from = cumulated.toDF("from_unit", "from_product", "from_month", "from_log", "from_zeros");
        return keys
                .join(to, keys.col("chain_unit").eqNullSafe(to.col("to_unit"))
                        .and(keys.col("chain_product").equalTo(to.col("to_product")))
                        .and(keys.col("chain_to").equalTo(to.col("to_month"))))
                .join(from, keys.col("chain_unit").eqNullSafe(from.col("from_unit"))
                        .and(keys.col("chain_product").equalTo(from.col("from_product")))
                        .and(keys.col("chain_from").equalTo(from.col("from_month"))))
                .select(col("chain_unit"), col("chain_product"), col("chain_from"), col("chain_to"),
                        when(col("to_zeros").minus(col("from_zeros")).gt(0), lit(0.0))
                                .otherwise(exp(col("to_log").minus(col("from_log")))).as("chain_factor"));
    }
}
