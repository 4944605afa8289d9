package vn.iip.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

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
        // One window over a handful of rows (one per base year): no partitioning needed.
        var byBase = Window.orderBy("weight_base_year");
        return baskets.select(col("weight_base_year").cast("int").as("weight_base_year")).distinct()
                .withColumn("previous_base", lag("weight_base_year", 1).over(byBase))
                .withColumn("next_base", lead("weight_base_year", 1).over(byBase))
                .withColumn("compute_from", col("weight_base_year").multiply(12))
                .withColumn("compute_to", when(col("next_base").isNull(), lit(newestMonth))
                        .otherwise(col("next_base").multiply(12).plus(11)))
                .withColumn("linked_from", when(col("previous_base").isNull(), col("weight_base_year").multiply(12))
                        .otherwise(col("weight_base_year").plus(1).multiply(12)))
                .withColumn("linked_to", col("compute_to"));
    }
}
