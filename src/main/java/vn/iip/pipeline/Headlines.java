package vn.iip.pipeline;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.GoldViews;

/**
 * The closing summary: the newest month's national headline figures, latest vintage; then the newest computed
 * month's national figures beside the published ones for the same key.
 */
final class Headlines {
    private Headlines() {}

    /**
     * @param computed whether the published gold holds computed figures: without them the join to the computed
     *                 view, the costliest part of the summary, is left out
     */
    static void print(SparkSession spark, Progress progress, boolean computed) {
        String facts = GoldTables.FACT_IIP_RELEASE.qualifiedName();
        String national = " geo_code = 'VN' AND measure = 'iip' AND period_type = 'month'";
        // The newest month first, then its figures by that literal: a partition of the facts, not all of them.
        String newest = spark.sql("SELECT max(period) FROM " + facts + " WHERE" + national
                + " AND industry_code = 'TOTAL'").first().getString(0);
        String quoted = newest == null ? null : vn.iip.catalog.Sql.quote(newest);
        List<Row> rows = newest == null ? List.of() : spark.sql("SELECT p.period, p.industry_code, p.comparison,"
                + " p.value_pct, p.release_date, p.releases_count, " + (computed ? "c.value_pct" : "CAST(NULL AS DOUBLE)")
                + " FROM " + facts + " p" + (computed ? " LEFT JOIN " + GoldViews.COMPUTED_LATEST.qualifiedName()
                + " c ON c.period = p.period AND c.period_type = p.period_type AND c.geo_code = p.geo_code"
                + " AND c.geo_version = p.geo_version AND c.industry_code = p.industry_code"
                + " AND c.comparison = p.comparison AND c.measure = p.measure AND c.period = '" + quoted + "'" : "")
                + " WHERE p.is_latest_release AND p.geo_code = 'VN' AND p.measure = 'iip'"
                + " AND p.period_type = 'month' AND p.period = '" + quoted + "'"
                + " ORDER BY CASE p.industry_code WHEN 'TOTAL' THEN '0' ELSE p.industry_code END,"
                + " CASE p.comparison WHEN 'mom' THEN 1 WHEN 'yoy' THEN 2 ELSE 3 END").collectAsList();
        if (rows.isEmpty()) {
            progress.line("summary: no national monthly IIP figures published yet");
            return;
        }
        progress.line("summary: newest month " + rows.get(0).getString(0) + ", Viet Nam, latest release (growth in %):");
        for (Row row : rows) {
            progress.line(String.format(Locale.ROOT, "  %-6s %-8s %+6.1f   released %s%s%s", row.getString(1),
                    row.getString(2), row.getDouble(3), row.get(4),
                    row.getInt(5) > 1 ? " (revised; " + row.getInt(5) + " releases)" : "",
                    row.isNullAt(6) ? "" : String.format(Locale.ROOT, "   computed %+.1f", row.getDouble(6))));
        }
    }

    static void printComputed(SparkSession spark, Progress progress) {
        String computed = GoldViews.COMPUTED_LATEST.qualifiedName();
        String national = " c.geo_code = 'VN' AND c.measure = 'iip' AND c.period_type = 'month'";
        List<Row> rows = spark.sql("SELECT c.period, c.industry_code, c.comparison, c.value_pct, p.value_pct,"
                + " p.release_date FROM " + computed + " c LEFT JOIN " + GoldTables.FACT_IIP_RELEASE.qualifiedName()
                + " p ON p.is_latest_release AND p.period = c.period AND p.period_type = c.period_type"
                + " AND p.geo_code = c.geo_code AND p.geo_version = c.geo_version AND p.industry_code = c.industry_code"
                + " AND p.comparison = c.comparison AND p.measure = c.measure"
                + " WHERE" + national + " AND c.comparison IN ('mom', 'yoy', 'ytd_yoy')"
                + " AND (c.industry_code = 'TOTAL' OR length(c.industry_code) = 1)"
                + " AND c.period = (SELECT max(c.period) FROM " + computed + " c WHERE" + national + ")"
                + " ORDER BY CASE c.industry_code WHEN 'TOTAL' THEN '0' ELSE c.industry_code END,"
                + " CASE c.comparison WHEN 'mom' THEN 1 WHEN 'yoy' THEN 2 ELSE 3 END").collectAsList();
        if (rows.isEmpty()) {
            return;
        }
        progress.line("computed: newest survey month " + rows.get(0).getString(0) + ", Viet Nam, from the survey"
                + " (growth in %; published beside where released):");
        for (Row row : rows) {
            progress.line(String.format(Locale.ROOT, "  %-6s %-8s %+6.1f   %s", row.getString(1), row.getString(2),
                    row.getDouble(3), row.isNullAt(4) ? "not published" : String.format(Locale.ROOT,
                            "published %+.1f on %s", row.getDouble(4), row.get(5))));
        }
    }

    /** The national total's newest seasonally adjusted months, beside the raw month-on-month rates. */
    static void printAdjusted(SparkSession spark, Progress progress) {
        // Six rows at most: the newest months of one series.
        List<Row> rows = spark.sql("SELECT period, method, sa_index, trend_index, mom_sa_pct, index_value, lag_value"
                + " FROM (SELECT s.*, lag(index_value) OVER (PARTITION BY method ORDER BY period) AS lag_value,"
                + " row_number() OVER (PARTITION BY method ORDER BY period DESC) AS newest FROM "
                + GoldViews.SA_LATEST.qualifiedName() + " s WHERE geo_code = 'VN' AND industry_code = 'TOTAL')"
                + " WHERE newest <= 3 ORDER BY method DESC, period").collectAsList();
        if (rows.isEmpty()) {
            return;
        }
        progress.line("seasonally adjusted: Viet Nam TOTAL, newest months (Tết and seasons taken out; "
                + GoldViews.SA_LATEST.qualifiedName() + ", sa_diagnostics):");
        for (Row row : rows) {
            progress.line(String.format(Locale.ROOT, "  %s %-11s SA %7.2f  trend %7.2f  SA mom %+5.1f %%  raw mom %+5.1f %%",
                    row.getString(0), row.getString(1), row.getDouble(2), row.getDouble(3), row.getDouble(4),
                    (row.getDouble(5) / row.getDouble(6) - 1) * 100));
        }
    }
}
