package vn.iip.compute;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Whether the computed contributions add up to their parent's growth, on every key that has them. */
public final class ContributionCheck {
    private ContributionCheck() {}

    public static final double TOLERANCE = 1e-9;

    /** The parents' keys checked and the largest |Σ contributions − growth| (pp; a key without growth counts ∞). */
    public record Result(long keys, double largestDifference) {
        public boolean holds() {
            return largestDifference <= TOLERANCE;
        }
    }

    public static Result check(Dataset<Row> figures) {
        String[] key = {"period", "geo_code", "geo_version", "parent_code", "comparison"};
        Dataset<Row> sums = figures.filter(col("measure").equalTo("contribution_pp"))
                .withColumn("parent_code", when(length(col("industry_code")).equalTo(1), lit(Industries.TOTAL))
                        .otherwise(col("industry_code").substr(1, 1)))
                .groupBy("period", "geo_code", "geo_version", "parent_code", "comparison")
                .agg(sum("value_pct").as("contributions"));
        Dataset<Row> growth = figures.filter(col("measure").equalTo("iip").and(col("period_type").equalTo("month")))
                .select(col("period"), col("geo_code"), col("geo_version"), col("industry_code").as("parent_code"),
                        col("comparison"), col("value_pct").as("growth"));
        Row result = sums.join(growth, key, "left")
                .agg(count(lit(1)), max(coalesce(abs(col("contributions").minus(col("growth"))),
                        lit(Double.POSITIVE_INFINITY))))
                .first();
        return new Result(result.getLong(0), result.isNullAt(1) ? 0 : result.getDouble(1));
    }
}
