package vn.iip.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Checks on the published facts (IIP-DOMAIN §6.8). They report into quality_check and never drop data: GSO's figures
 * are what GSO published, even when they do not add up.
 */
public final class QualityChecks {
    private QualityChecks() {}

    public static final double CONTRIBUTION_TOLERANCE_PP = 0.1;
    public static final double YTD_ANNUAL_TOLERANCE_PP = 0.1;
    public static final double LOWEST_INDEX = 50;
    public static final double HIGHEST_INDEX = 200;

    /** All checks over the facts and revisions, in quality_check columns (without run_id and checked_at). */
    public static Dataset<Row> run(Dataset<Row> facts, Dataset<Row> revisions) {
        return contributionsVsTotal(facts)
                .unionByName(ytdDecemberVsAnnual(facts))
                .unionByName(valueRange(facts))
                .unionByName(largeRevisions(revisions));
    }

    /** Σ of the four section contributions (pp) vs the total's growth, within one release. */
    public static Dataset<Row> contributionsVsTotal(Dataset<Row> facts) {
        Dataset<Row> sections = facts
                .filter(col("measure").equalTo("contribution_pp").and(col("industry_code").isin("B", "C", "D", "E")))
                .groupBy("release_id", "period", "geo_code", "geo_version", "comparison")
                .agg(sum("value_pct").as("actual"), count(lit(1)).as("sections"))
                .filter(col("sections").equalTo(4));
        Dataset<Row> totals = facts.filter(col("measure").equalTo("iip").and(col("industry_code").equalTo("TOTAL")))
                .select(col("release_id").as("t_release"), col("period").as("t_period"), col("geo_code").as("t_geo"),
                        col("geo_version").as("t_version"), col("comparison").as("t_comparison"),
                        col("value_pct").as("expected"));
        Dataset<Row> joined = sections.join(totals, sections.col("release_id").equalTo(totals.col("t_release"))
                .and(sections.col("period").equalTo(totals.col("t_period")))
                .and(sections.col("geo_code").equalTo(totals.col("t_geo")))
                .and(sections.col("geo_version").equalTo(totals.col("t_version")))
                .and(sections.col("comparison").equalTo(totals.col("t_comparison"))));
        return compare(joined, "contributions_vs_total", CONTRIBUTION_TOLERANCE_PP, lit("TOTAL"),
                concat(lit("sum of B-E contributions "), format_number(col("actual"), 2), lit(" pp vs total growth "),
                        format_number(col("expected"), 2), lit("%")));
    }

    /** The December year-to-date growth is the annual growth; latest values of both should agree. */
    public static Dataset<Row> ytdDecemberVsAnnual(Dataset<Row> facts) {
        Dataset<Row> latest = facts.filter(col("is_latest_release").and(col("measure").equalTo("iip")));
        Dataset<Row> december = latest.filter(col("comparison").equalTo("ytd_yoy")
                        .and(substring(col("period"), 6, 2).equalTo("12")))
                .select(col("period"), substring(col("period"), 1, 4).as("year"), col("geo_code"), col("geo_version"),
                        col("industry_code"), col("comparison"), col("release_id"), col("value_pct").as("actual"));
        Dataset<Row> annual = latest.filter(col("comparison").equalTo("annual_yoy"))
                .select(col("period").as("a_year"), col("geo_code").as("a_geo"), col("geo_version").as("a_version"),
                        col("industry_code").as("a_industry"), col("value_pct").as("expected"));
        Dataset<Row> joined = december.join(annual, december.col("year").equalTo(annual.col("a_year"))
                .and(december.col("geo_code").equalTo(annual.col("a_geo")))
                .and(december.col("geo_version").equalTo(annual.col("a_version")))
                .and(december.col("industry_code").equalTo(annual.col("a_industry"))));
        return compare(joined, "ytd_december_vs_annual", YTD_ANNUAL_TOLERANCE_PP, col("industry_code"),
                concat(lit("December ytd_yoy "), format_number(col("actual"), 2), lit("% vs annual_yoy "),
                        format_number(col("expected"), 2), lit("%")));
    }

    /** Latest IIP indices outside 50–200: possible (COVID lockdowns, Tết), but worth a look. */
    public static Dataset<Row> valueRange(Dataset<Row> facts) {
        return facts.filter(col("is_latest_release").and(col("measure").equalTo("iip"))
                        .and(col("index_value").lt(LOWEST_INDEX).or(col("index_value").gt(HIGHEST_INDEX))))
                .select(lit("value_range").as("check_id"), lit("warn").as("status"), col("period"), col("geo_code"),
                        col("geo_version"), col("industry_code"), col("comparison"), col("release_id"),
                        lit(null).cast("double").as("expected_value"), col("index_value").as("actual_value"),
                        lit(null).cast("double").as("difference"), lit(null).cast("double").as("tolerance"),
                        concat(lit("index "), col("index_value"), lit(" is outside " + (int) LOWEST_INDEX + "–"
                                + (int) HIGHEST_INDEX + "; check it against the source")).as("message"));
    }

    /** Revisions of more than 1 pp between first and latest print (e.g. Nov-2021 manufacturing YoY 6.4 → 8.6). */
    public static Dataset<Row> largeRevisions(Dataset<Row> revisions) {
        return revisions.filter(col("revision_above_1pp"))
                .select(lit("revision_above_1pp").as("check_id"), lit("warn").as("status"), col("period"),
                        col("geo_code"), col("geo_version"), col("industry_code"), col("comparison"),
                        col("latest_release_id").as("release_id"), col("first_value_pct").as("expected_value"),
                        col("latest_value_pct").as("actual_value"), col("revision_pp").as("difference"),
                        lit(1.0).as("tolerance"),
                        concat(lit("revised from "), col("first_value_pct"), lit(" ("), col("first_release_id"),
                                lit(") to "), col("latest_value_pct"), lit(" ("), col("latest_release_id"),
                                lit("): "), col("revision_pp"), lit(" pp")).as("message"));
    }

    private static Dataset<Row> compare(Dataset<Row> joined, String checkId, double tolerance, Column industry,
                                        Column message) {
        Column difference = round(col("actual").minus(col("expected")), 6);
        return joined.select(lit(checkId).as("check_id"),
                when(abs(difference).leq(tolerance + 1e-9), lit("pass")).otherwise(lit("warn")).as("status"),
                col("period"), col("geo_code"), col("geo_version"), industry.as("industry_code"), col("comparison"),
                col("release_id"),
                col("expected").as("expected_value"), col("actual").as("actual_value"), difference.as("difference"),
                lit(tolerance).as("tolerance"), message.as("message"));
    }
}
