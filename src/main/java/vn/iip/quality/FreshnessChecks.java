package vn.iip.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Freshness of the releases (iip_gold.release_calendar) on a given day: a period never printed between two printed
 * ones (release_missing), and the release due next, overdue once its grace days have passed (release_overdue). The
 * day is passed in: the same calendar is fresh on one day and overdue a week later.
 */
public final class FreshnessChecks {
    private FreshnessChecks() {}

    /** Releases come on Vietnamese days: the run's instant read in Vietnam's time zone. */
    public static final ZoneId RELEASE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static LocalDate releaseDay(java.time.Instant instant) {
        return instant.atZone(RELEASE_ZONE).toLocalDate();
    }

    /** Both checks, in quality_check columns (without run_id and checked_at). */
    public static Dataset<Row> run(Dataset<Row> calendar, LocalDate today) {
        return asQualityRows(missing(calendar).unionByName(overdue(calendar, today)));
    }

    static Dataset<Row> missing(Dataset<Row> calendar) {
        return calendar.filter(col("status").equalTo("missing"))
                .select(lit("release_missing").as("check_id"), lit("warn").as("status"), col("period"),
                        lit(null).cast("double").as("actual_value"), lit(null).cast("double").as("difference"),
                        concat(lit("no "), col("publisher"), lit(" release holds the "), col("period_type"), lit(" "),
                                col("period"), lit(" (due "), col("expected_date").cast("string"),
                                lit("), though later ones were published; load the missing release, or accept the"
                                        + " gap")).as("message"), col("grace_days"), col("publisher"));
    }

    static Dataset<Row> overdue(Dataset<Row> calendar, LocalDate today) {
        Column late = datediff(lit(java.sql.Date.valueOf(today)), col("expected_date"));
        Column overdue = late.gt(col("grace_days"));
        return calendar.filter(col("status").equalTo("awaited"))
                .select(lit("release_overdue").as("check_id"), when(overdue, lit("warn")).otherwise(lit("pass"))
                                .as("status"), col("period"),
                        when(overdue, late).otherwise(lit(0)).cast("double").as("actual_value"),
                        late.cast("double").as("difference"),
                        when(overdue, concat(col("publisher"), lit("'s "), col("period_type"), lit(" release of "),
                                col("period"), lit(" was due "), col("expected_date").cast("string"), lit(" and is "),
                                late.cast("string"), lit(" day(s) overdue on "), lit(today.toString()), lit(" (grace "),
                                col("grace_days").cast("string"), lit(" days); load it when it comes")))
                                .otherwise(concat(col("publisher"), lit("'s "), col("period_type"), lit(" release of "),
                                        col("period"), lit(" is due "), col("expected_date").cast("string"),
                                        lit(": not overdue on "), lit(today.toString()))).as("message"),
                        col("grace_days"), col("publisher"));
    }

    /** The rows in quality_check's columns: the publisher's releases are not one release, so release_id is null. */
    private static Dataset<Row> asQualityRows(Dataset<Row> checks) {
        return checks.select(col("check_id"), col("status"), col("period"), lit(null).cast("string").as("geo_code"),
                lit(null).cast("string").as("geo_version"), lit(null).cast("string").as("industry_code"),
                lit(null).cast("string").as("comparison"), lit(null).cast("string").as("release_id"),
                lit(null).cast("double").as("expected_value"), col("actual_value"), col("difference"),
                col("grace_days").cast("double").as("tolerance"), col("message"));
    }
}
