package vn.iip.docs;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;

/** The newest national figures and the release calendar's freshness, as small tables. */
final class Figures {
    private Figures() {}

    /** Months of the national total shown on the front page. */
    static final int NEWEST_MONTHS = 6;

    static String newest(SparkSession spark) {
        List<Row> rows = spark.sql("SELECT period, comparison, value_pct, release_id FROM " + GoldTables.SCHEMA
                + ".v_iip_latest WHERE geo_code = 'VN' AND industry_code = 'TOTAL' AND measure = 'iip'"
                + " AND period_type = 'month' AND period IN (SELECT DISTINCT period FROM " + GoldTables.SCHEMA
                + ".v_iip_latest WHERE geo_code = 'VN' AND industry_code = 'TOTAL' AND measure = 'iip' AND"
                + " period_type = 'month' ORDER BY period DESC LIMIT " + NEWEST_MONTHS + ") ORDER BY period DESC,"
                + " comparison").collectAsList();
        if (rows.isEmpty()) {
            return "<p>No national figure loaded yet.</p>";
        }
        List<List<Object>> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(List.of(row.getString(0), row.getString(1), row.isNullAt(2) ? "" : row.getDouble(2),
                    row.getString(3)));
        }
        return "<p>National IIP, total industry, latest print (growth in %), newest " + NEWEST_MONTHS
                + " months:</p>\n" + Html.table(List.of("period", "comparison", "value_pct", "release"), cells);
    }

    static String freshness(SparkSession spark, LocalDate today) {
        List<Row> rows = spark.table(GoldTables.SCHEMA + "." + GoldTables.RELEASE_CALENDAR.name())
                .filter(col("status").isin("awaited", "missing", "late"))
                .orderBy(col("publisher"), col("period_type"), col("period").desc()).collectAsList();
        List<List<Object>> cells = new ArrayList<>();
        for (Row row : rows) {
            String status = row.getAs("status");
            long overdue = java.time.temporal.ChronoUnit.DAYS.between(row.<java.sql.Date>getAs("expected_date")
                    .toLocalDate(), today);
            String state = "awaited".equals(status) ? (overdue > row.<Integer>getAs("grace_days")
                    ? "OVERDUE by " + overdue + " day(s)" : "due, not overdue") : status;
            cells.add(List.of(row.getAs("publisher"), row.getAs("period_type"), row.getAs("period"),
                    String.valueOf(row.<java.sql.Date>getAs("expected_date")),
                    row.isNullAt(row.fieldIndex("first_release_date")) ? "" : String.valueOf(
                            row.<java.sql.Date>getAs("first_release_date")), state));
        }
        return "<p>Releases of the scheduled publishers that are due, missing between two printed periods, or"
                + " came late (iip_gold.release_calendar; the schedule is reference/release_schedule.csv or the"
                + " setting iip.release-schedule). Periods on time are not listed.</p>\n"
                + Html.table(List.of("publisher", "period type", "period", "expected", "first print", "state"),
                        cells);
    }
}
