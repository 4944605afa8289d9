package vn.iip.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Steps 5 and 8: the months each weight base is computed for and the months it stands for in the linked series.
 * Base B_i is computed from January of B_i to December of B_{i+1} (the newest base: to the newest month); in the
 * linked series the oldest base covers January of B_1 to December of B_2, a later base B_i from January of B_i + 1
 * (the overlap year B_i belongs to the base before it).
 */
final class Segments {
    private Segments() {}

    /**
     * @param baskets the product basket (weight_base_year, …)
     * @param newestMonth the newest month index of the survey
     * @return one row per base: weight_base_year, previous_base, next_base, compute_from, compute_to, linked_from,
     *         linked_to (month indices)
     */
    static Dataset<Row> of(Dataset<Row> baskets, int newestMonth) {
        // The neighbours of each base year by a self-join of the handful of base years (a window without a
        // partition would say it moves everything to one partition, which for these rows is nothing).
        Dataset<Row> bases = baskets.select(col("weight_base_year").cast("int").as("weight_base_year")).distinct();
        Dataset<Row> other = bases.select(col("weight_base_year").as("other_year"));
        Dataset<Row> neighbours = bases.join(other, col("other_year").notEqual(col("weight_base_year")), "left")
                .groupBy("weight_base_year")
                .agg(max(when(col("other_year").lt(col("weight_base_year")), col("other_year"))).as("previous_base"),
                        min(when(col("other_year").gt(col("weight_base_year")), col("other_year"))).as("next_base"));
        return neighbours
                .withColumn("compute_from", col("weight_base_year").multiply(12))
                .withColumn("compute_to", when(col("next_base").isNull(), lit(newestMonth))
                        .otherwise(col("next_base").multiply(12).plus(11)))
                .withColumn("linked_from", when(col("previous_base").isNull(), col("weight_base_year").multiply(12))
                        .otherwise(col("weight_base_year").plus(1).multiply(12)))
                .withColumn("linked_to", col("compute_to"));
    }
}
