package vn.iip.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iip.testing.SharedWarehouse;

/** The checks on small hand-made fact tables, with the numbers they must report. */
class QualityChecksTest {
    private static Dataset<Row> facts;

    @BeforeAll
    static void facts() {
        facts = SharedWarehouse.spark().sql("SELECT * FROM VALUES"
                + " ('R1', '2021-10', 'VN', 'vn63', 'ytd_yoy', 'TOTAL', 'iip', 3.4D, 103.4D, true),"
                + " ('R1', '2021-10', 'VN', 'vn63', 'ytd_yoy', 'B', 'contribution_pp', -1.1D, CAST(NULL AS DOUBLE), true),"
                + " ('R1', '2021-10', 'VN', 'vn63', 'ytd_yoy', 'C', 'contribution_pp', 3.99D, NULL, true),"
                + " ('R1', '2021-10', 'VN', 'vn63', 'ytd_yoy', 'D', 'contribution_pp', 0.36D, NULL, true),"
                + " ('R1', '2021-10', 'VN', 'vn63', 'ytd_yoy', 'E', 'contribution_pp', 0.05D, NULL, true),"
                + " ('R2', '2021-11', 'VN', 'vn63', 'ytd_yoy', 'TOTAL', 'iip', 3.6D, 103.6D, true),"
                + " ('R2', '2021-11', 'VN', 'vn63', 'ytd_yoy', 'B', 'contribution_pp', -1.0D, NULL, true),"
                + " ('R2', '2021-11', 'VN', 'vn63', 'ytd_yoy', 'C', 'contribution_pp', 4.0D, NULL, true),"
                + " ('R2', '2021-11', 'VN', 'vn63', 'ytd_yoy', 'D', 'contribution_pp', 0.3D, NULL, true),"
                + " ('R3', '2021-12', 'VN', 'vn63', 'ytd_yoy', 'TOTAL', 'iip', 4.8D, 104.8D, true),"
                + " ('R3', '2021', 'VN', 'vn63', 'annual_yoy', 'TOTAL', 'iip', 4.7D, 104.7D, true),"
                + " ('R3', '2021-12', 'VN', 'vn63', 'ytd_yoy', 'C', 'iip', 6.3D, 106.3D, true),"
                + " ('R3', '2021', 'VN', 'vn63', 'annual_yoy', 'C', 'iip', 5.9D, 105.9D, true),"
                + " ('R3', '2021-08', '83', 'vn63', 'yoy', 'TOTAL', 'iip', -60.1D, 39.9D, true),"
                + " ('R0', '2021-08', '83', 'vn63', 'yoy', 'TOTAL', 'iip', -61.0D, 39.0D, false)"
                + " AS t(release_id, period, geo_code, geo_version, comparison, industry_code, measure, value_pct,"
                + " index_value, is_latest_release)");
    }

    private static List<String> summarise(Dataset<Row> checks) {
        return checks.orderBy("period", "industry_code").collectAsList().stream()
                .map(r -> r.getAs("period") + " " + r.getAs("industry_code") + " " + r.getAs("status") + " "
                        + r.getAs("difference"))
                .collect(Collectors.toList());
    }

    @Test
    void contributionsMustAddUpToTheTotalWithinATenthOfAPoint() {
        // 2021-10: -1.1 + 3.99 + 0.36 + 0.05 = 3.30 vs 3.4 -> -0.1, inside the tolerance.
        // 2021-11 has only three sections: not checked.
        assertEquals(List.of("2021-10 TOTAL pass -0.1"), summarise(QualityChecks.contributionsVsTotal(facts)));
    }

    @Test
    void decemberYearToDateMustMatchTheAnnualFigure() {
        assertEquals(List.of("2021-12 C warn 0.4", "2021-12 TOTAL pass 0.1"),
                summarise(QualityChecks.ytdDecemberVsAnnual(facts)));
    }

    @Test
    void indicesOutsideFiftyToTwoHundredAreFlaggedOnTheLatestValueOnly() {
        List<Row> flagged = QualityChecks.valueRange(facts).collectAsList();
        assertEquals(1, flagged.size());
        assertEquals(39.9, flagged.get(0).<Double>getAs("actual_value"));
        assertEquals("warn", flagged.get(0).getAs("status"));
    }
}
