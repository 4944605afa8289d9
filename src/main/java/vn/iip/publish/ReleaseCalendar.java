package vn.iip.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * iip_gold.release_calendar: for each scheduled publisher and period type, the periods from its first print to the
 * one due next, when each release was expected and when its first print came (from dim_release). No clock: whether
 * an awaited release is overdue depends on the day it is read, so the freshness checks and {@code jobs/iip status}
 * decide that with the day they are given.
 */
public final class ReleaseCalendar {
    private ReleaseCalendar() {}

    public static final String ON_TIME = "on_time";
    public static final String LATE = "late";
    /** Never printed, although a later period of the same publisher and type was. */
    public static final String MISSING = "missing";
    /** The period due next after the newest one printed. */
    public static final String AWAITED = "awaited";

    /** The schedule's expectations as rows (a few thousand, made on the driver from the schedule's rules). */
    public static Dataset<Row> expectations(SparkSession spark, ReleaseSchedule schedule) {
        return spark.createDataFrame(schedule.expectations(), ReleaseSchedule.EXPECTATION);
    }

    /**
     * The calendar from the expectations and dim_release (release_id, publisher, release_date, periods). A period's
     * first print is the earliest release of the publisher that holds it (a later report citing it a year on counts
     * only when nothing earlier did).
     */
    public static Dataset<Row> build(Dataset<Row> expectations, Dataset<Row> releases) {
        Dataset<Row> printed = releases
                .select(col("publisher").as("p_publisher"), col("release_id"), col("release_date"),
                        explode(split(col("periods"), ",")).as("p_period"))
                .groupBy("p_publisher", "p_period")
                .agg(min(col("release_date")).as("first_release_date"),
                        min_by(col("release_id"), col("release_date")).as("first_release_id"));
        Dataset<Row> joined = expectations.join(printed, expectations.col("publisher").equalTo(col("p_publisher"))
                .and(expectations.col("period").equalTo(col("p_period"))), "left");
        Dataset<Row> bounds = joined.filter(col("first_release_id").isNotNull())
                .groupBy(col("publisher").as("b_publisher"), col("period_type").as("b_type"))
                .agg(min(col("period")).as("first_printed"), max(col("period")).as("last_printed"));
        Dataset<Row> bounded = joined.join(bounds, col("publisher").equalTo(col("b_publisher"))
                .and(col("period_type").equalTo(col("b_type"))))
                .filter(col("period").geq(col("first_printed")));
        // The periods up to the newest printed, and the one after it: the release due next.
        Dataset<Row> upToNewest = bounded.filter(col("period").leq(col("last_printed")));
        Dataset<Row> next = bounded.filter(col("period").gt(col("last_printed")))
                .groupBy("publisher", "period_type").agg(min(col("period")).as("n_period"));
        Dataset<Row> awaited = bounded.join(next.withColumnRenamed("publisher", "n_publisher")
                        .withColumnRenamed("period_type", "n_type"),
                col("publisher").equalTo(col("n_publisher")).and(col("period_type").equalTo(col("n_type")))
                        .and(col("period").equalTo(col("n_period"))))
                .drop("n_publisher", "n_type", "n_period");
        Dataset<Row> calendar = upToNewest.unionByName(awaited);
        Column daysLate = datediff(col("first_release_date"), col("expected_date"));
        Column status = when(col("first_release_id").isNull().and(col("period").gt(col("last_printed"))),
                lit(AWAITED))
                .when(col("first_release_id").isNull(), lit(MISSING))
                .when(daysLate.gt(col("grace_days")), lit(LATE))
                .otherwise(lit(ON_TIME));
        return calendar.select(col("publisher"), col("period_type"), col("period"), col("expected_date"),
                col("grace_days"), col("first_release_id"), col("first_release_date"), daysLate.as("days_late"),
                status.as("status"), col("schedule_rule"));
    }
}
