package vn.iip.compute;

import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;
import vn.iip.spark.DeltaWrites;

/**
 * Vintages of the computed IIP: a run adds a row only for a key that is new, whose value changed by more than
 * 1e-9, or that can no longer be computed (a row with null values, so "latest" never shows a withdrawn figure).
 */
final class ComputedVintages {
    private ComputedVintages() {}

    static final String[] KEY = {"period", "period_type", "geo_code", "geo_version", "industry_code", "comparison",
            "measure"};
    static final double TOLERANCE = 1e-9;

    record Added(long rows, long keys) {}

    static Added add(SparkSession spark, Dataset<Row> figures, Date asOf, String runId) {
        Dataset<Row> changed = changes(figures, latest(spark.table(GoldTables.FACT_IIP_COMPUTED.qualifiedName())))
                .withColumn("computed_as_of", lit(asOf)).withColumn("run_id", lit(runId)).localCheckpoint(true);
        long rows = changed.count();
        if (rows > 0) {
            DeltaWrites.append(changed, GoldTables.FACT_IIP_COMPUTED);
        }
        return new Added(rows, figures.count());
    }

    /**
     * The newest computed monthly index levels that have a value: geo_code, geo_version, industry_code, period,
     * index_value (what seasonal adjustment reads when a run computed nothing new).
     */
    static Dataset<Row> latestMonthlyLevels(SparkSession spark) {
        Dataset<Row> latest = latest(monthlyLevelRows(spark.table(GoldTables.FACT_IIP_COMPUTED.qualifiedName())));
        return latest.filter(col("old_index_value").isNotNull()).select(col("geo_code"), col("geo_version"),
                col("industry_code"), col("period"), col("old_index_value").as("index_value"));
    }

    /** The monthly levels of a run's figures, which are the newest values of every key it computed. */
    static Dataset<Row> monthlyLevels(Dataset<Row> figures) {
        return monthlyLevelRows(figures).filter(col("index_value").isNotNull()).select(col("geo_code"),
                col("geo_version"), col("industry_code"), col("period"), col("index_value"));
    }

    private static Dataset<Row> monthlyLevelRows(Dataset<Row> rows) {
        return rows.filter(col("period_type").equalTo("month").and(col("comparison").equalTo("fixed_base"))
                .and(col("measure").equalTo("index_level"))
                // The total, sections and divisions: classes (C1010) are too thin to adjust one by one.
                .and(col("industry_code").equalTo("TOTAL").or(org.apache.spark.sql.functions.length(
                        col("industry_code")).leq(3))));
    }

    /** The newest vintage per key (by computed_as_of, then run id, which starts with the run's UTC time). */
    static Dataset<Row> latest(Dataset<Row> vintages) {
        Column[] key = java.util.Arrays.stream(KEY).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return vintages.groupBy(key)
                .agg(max_by(struct(col("value_pct"), col("index_value"), col("backcast"), col("weight_base_year")),
                        struct(col("computed_as_of"), col("run_id"))).as("latest"))
                .select(col("period"), col("period_type"), col("geo_code"), col("geo_version"), col("industry_code"),
                        col("comparison"), col("measure"), col("latest.value_pct").as("old_value_pct"),
                        col("latest.index_value").as("old_index_value"));
    }

    /** The figures that differ from the latest vintage, plus withdrawn keys as rows with null values. */
    static Dataset<Row> changes(Dataset<Row> figures, Dataset<Row> latest) {
        Dataset<Row> joined = figures.join(latest, KEY, "full_outer");
        Column present = col("value_pct").isNotNull().or(col("index_value").isNotNull());
        Column before = col("old_value_pct").isNotNull().or(col("old_index_value").isNotNull());
        Column differs = differs("value_pct").or(differs("index_value"));
        return joined.filter(present.and(not(before).or(differs))
                        .or(not(present).and(before)))
                .select(col("period"), col("period_type"), col("geo_code"), col("geo_version"), col("backcast"),
                        col("industry_code"), col("comparison"), col("measure"), col("value_pct"), col("index_value"),
                        col("weight_base_year"));
    }

    private static Column differs(String column) {
        Column now = col(column);
        Column old = col("old_" + column);
        return now.isNull().notEqual(old.isNull())
                .or(coalesce(abs(now.minus(old)).gt(TOLERANCE), lit(false)));
    }
}
