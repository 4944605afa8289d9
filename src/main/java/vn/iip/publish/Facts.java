package vn.iip.publish;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Vintages: every published value keeps its release; per key (period, geo, industry, comparison, measure) releases
 * are ranked by release date, so "first" and "latest" are flags, and revisions are latest minus first.
 */
public final class Facts {
    private Facts() {}

    public static final String[] KEY = {"period", "period_type", "geo_code", "geo_version", "industry_code",
            "comparison", "measure"};
    /** Revisions below this are rounding noise of double subtraction, not data. */
    private static final int REVISION_DECIMALS = 6;
    /** At least this many tasks rank the facts: smaller sorts that stay in memory, and both cores busy. */
    private static final int PARTITIONS = 8;

    /**
     * Ranked by key. The rows are first spread by period only: a key lies within one period, so the windows need no
     * other shuffle, and their sort (period first, then geography and industry) leaves each period's rows in the
     * order the table's period partitions are written in, which makes min/max statistics on geo_code useful.
     */
    public static Dataset<Row> releaseFacts(Dataset<Row> observations) {
        WindowSpec byKey = Window.partitionBy(columns(KEY));
        WindowSpec ordered = byKey.orderBy(col("release_date"), col("publisher"));
        int partitions = Math.max(PARTITIONS, observations.sparkSession().sessionState().conf().numShufflePartitions());
        return observations.filter(col("value_pct").isNotNull()).repartition(partitions, col("period"))
                .withColumn("release_rank", row_number().over(ordered))
                .withColumn("releases_count", count(lit(1)).over(byKey).cast("int"))
                .withColumn("is_first_release", col("release_rank").equalTo(1))
                .withColumn("is_latest_release", col("release_rank").equalTo(col("releases_count")));
    }

    public static Dataset<Row> revisions(Dataset<Row> facts) {
        Column rank = col("release_rank");
        return facts.groupBy(columns(KEY)).agg(
                        min_by(col("value_pct"), rank).as("first_value_pct"),
                        max_by(col("value_pct"), rank).as("latest_value_pct"),
                        count(lit(1)).cast("int").as("releases_count"),
                        min_by(col("release_id"), rank).as("first_release_id"),
                        min_by(col("release_date"), rank).as("first_release_date"),
                        max_by(col("release_id"), rank).as("latest_release_id"),
                        max_by(col("release_date"), rank).as("latest_release_date"))
                .withColumn("revision_pp", round(col("latest_value_pct").minus(col("first_value_pct")), REVISION_DECIMALS))
                .withColumn("revision_above_1pp", abs(col("revision_pp")).gt(1.0));
    }

    static Column[] columns(String... names) {
        Column[] columns = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = col(names[i]);
        }
        return columns;
    }
}
