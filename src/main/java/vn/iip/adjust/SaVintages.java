package vn.iip.adjust;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;
import vn.iip.spark.DeltaWrites;

/**
 * Vintages of the seasonally adjusted series. Adjustment revises the past when a month is added (the filters and
 * the model see one more value), so a run adds a row for every month whose components moved by more than 1e-9 or
 * whose specification changed, and keeps the rows it replaced: "latest" and "as of" are one query away. A month
 * that is no longer adjusted (its series became too short or failed) gets a row with null values, so "latest"
 * never shows a withdrawn figure. Only the run's method is compared: X-13 and TRAMO-SEATS keep separate vintages.
 */
final class SaVintages {
    private SaVintages() {}

    static final String[] KEY = {"period", "geo_code", "geo_version", "industry_code", "method"};
    static final String[] VALUES = {"index_value", "sa_index", "trend_index", "seasonal_factor", "tet_effect",
            "calendar_effect", "irregular", "mom_sa_pct"};
    static final double TOLERANCE = 1e-9;

    /** @return the rows added */
    static long add(SparkSession spark, Dataset<Row> months, String method, String specId, Date asOf,
                    String runId) {
        Dataset<Row> old = spark.table(GoldTables.FACT_IIP_SA.qualifiedName()).filter(col("method").equalTo(method));
        Dataset<Row> changed = changes(months, latest(old)).withColumn("spec_id", coalesce(col("spec_id"),
                        lit(specId))).withColumn("sa_as_of", lit(asOf))
                .withColumn("run_id", lit(runId))
                .selectExpr(GoldTables.FACT_IIP_SA.columns().stream().map(c -> c.name()).toArray(String[]::new))
                .localCheckpoint(true);
        long rows = changed.count();
        if (rows > 0) {
            DeltaWrites.append(changed, GoldTables.FACT_IIP_SA);
        }
        return rows;
    }

    /** The newest vintage per key (by sa_as_of, then run id, which starts with the run's UTC time). */
    static Dataset<Row> latest(Dataset<Row> vintages) {
        Column[] values = Arrays.stream(VALUES).map(v -> col(v).as("old_" + v)).toArray(Column[]::new);
        Column[] all = java.util.stream.Stream.concat(Arrays.stream(values), java.util.stream.Stream.of(
                col("spec_id").as("old_spec_id"))).toArray(Column[]::new);
        return vintages.groupBy(keys())
                .agg(max_by(struct(all), struct(col("sa_as_of"), col("run_id"))).as("latest"))
                .select(java.util.stream.Stream.concat(Arrays.stream(KEY).map(k -> col(k)),
                        java.util.stream.Stream.of(col("latest.*"))).toArray(Column[]::new));
    }

    /** The months that differ from the latest vintage, plus withdrawn months as rows with null values. */
    static Dataset<Row> changes(Dataset<Row> months, Dataset<Row> latest) {
        Dataset<Row> joined = months.join(latest, KEY, "full_outer");
        Column present = col("sa_index").isNotNull();
        Column before = col("old_sa_index").isNotNull();
        Column differs = col("spec_id").notEqual(col("old_spec_id"));
        for (String value : VALUES) {
            differs = differs.or(differs(value));
        }
        return joined.filter(present.and(not(before).or(differs)).or(not(present).and(before)));
    }

    private static Column[] keys() {
        return Arrays.stream(KEY).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static Column differs(String column) {
        Column now = col(column);
        Column old = col("old_" + column);
        return now.isNull().notEqual(old.isNull()).or(coalesce(abs(now.minus(old)).gt(TOLERANCE), lit(false)));
    }
}
