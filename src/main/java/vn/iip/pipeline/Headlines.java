package vn.iip.pipeline;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;

/** The closing summary: the newest month's national headline figures, latest vintage. */
final class Headlines {
    private Headlines() {}

    static void print(SparkSession spark, Progress progress) {
        String facts = GoldTables.FACT_IIP_RELEASE.qualifiedName();
        List<Row> rows = spark.sql("SELECT period, industry_code, comparison, value_pct, release_date, releases_count"
                + " FROM " + facts + " WHERE is_latest_release AND geo_code = 'VN' AND measure = 'iip'"
                + " AND period_type = 'month' AND period = (SELECT max(period) FROM " + facts
                + " WHERE geo_code = 'VN' AND measure = 'iip' AND period_type = 'month' AND industry_code = 'TOTAL')"
                + " ORDER BY CASE industry_code WHEN 'TOTAL' THEN '0' ELSE industry_code END,"
                + " CASE comparison WHEN 'mom' THEN 1 WHEN 'yoy' THEN 2 ELSE 3 END").collectAsList();
        if (rows.isEmpty()) {
            progress.line("summary: no national monthly IIP figures published yet");
            return;
        }
        progress.line("summary: newest month " + rows.get(0).getString(0) + ", Viet Nam, latest release (growth in %):");
        for (Row row : rows) {
            progress.line(String.format(Locale.ROOT, "  %-6s %-8s %+6.1f   released %s%s", row.getString(1),
                    row.getString(2), row.getDouble(3), row.get(4),
                    row.getInt(5) > 1 ? " (revised; " + row.getInt(5) + " releases)" : ""));
        }
    }
}
