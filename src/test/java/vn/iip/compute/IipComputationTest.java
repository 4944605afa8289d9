package vn.iip.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.iip.testing.SharedWarehouse;

/**
 * Each step of the method on cases worked out by hand (the comments show the arithmetic), then the whole
 * computation on a tiny survey of two merged provinces.
 */
class IipComputationTest {
    private static final double EXACT = 1e-9;

    private static SparkSession spark() {
        return SharedWarehouse.spark();
    }

    private static Dataset<Row> values(String columns, String... rows) {
        return spark().sql("SELECT * FROM VALUES " + String.join(", ", rows) + " AS t(" + columns + ")");
    }

    private static int month(int year, int month) {
        return Months.index(year, month);
    }

    /** key columns joined by '/' -> the value column, for every row. */
    private static Map<String, Double> byKey(Dataset<Row> rows, String value, String... key) {
        Map<String, Double> result = new TreeMap<>();
        for (Row row : rows.collectAsList()) {
            List<String> parts = new ArrayList<>();
            for (String column : key) {
                parts.add(String.valueOf((Object) row.getAs(column)));
            }
            Object v = row.getAs(value);
            result.put(String.join("/", parts), v == null ? null : ((Number) v).doubleValue());
        }
        return result;
    }

    @Test
    void imputationCarriesTheLastReportedQuantityByTheUnitsLinksThenTheCountrysThenOne() {
        int jan = month(2021, 1);
        String columns = "month_index, enterprise_id, product_code, unit_vn34, response, quantity";
        Dataset<Row> finals = values(columns,
                row(jan, "E1", "P1", "01", "reported", "10"), row(jan + 1, "E1", "P1", "01", "reported", "12"),
                row(jan + 2, "E1", "P1", "01", "no_report", "NULL"), row(jan + 3, "E1", "P1", "01", "no_report", "NULL"),
                row(jan, "E2", "P1", "01", "reported", "20"), row(jan + 1, "E2", "P1", "01", "reported", "22"),
                row(jan + 2, "E2", "P1", "01", "reported", "24"),
                row(jan + 1, "E3", "P1", "24", "reported", "4"), row(jan + 2, "E3", "P1", "24", "reported", "5"),
                row(jan + 3, "E3", "P1", "24", "reported", "6"),
                row(jan, "E1", "P2", "01", "reported", "7"), row(jan + 1, "E1", "P2", "01", "no_report", "NULL"),
                row(jan, "E4", "P1", "01", "no_report", "NULL"));
        Map<String, Double> used = byKey(Imputation.impute(finals), "quantity_used", "enterprise_id", "product_code",
                "month_index");
        // March: unit 01's pair E2 22 -> 24, so 12 × 24/22.
        assertEquals(12 * 24 / 22.0, used.get("E1/P1/" + (jan + 2)), EXACT);
        // April: no pair in unit 01 (E2 did not answer); the country's E3 5 -> 6, so 12 × 24/22 × 1.2.
        assertEquals(12 * 24 / 22.0 * 1.2, used.get("E1/P1/" + (jan + 3)), EXACT);
        // P2 has no pair anywhere: link 1.
        assertEquals(7.0, used.get("E1/P2/" + (jan + 1)), EXACT);
        assertNull(used.get("E4/P1/" + jan), "nothing reported before: unimputable");
        assertEquals(22.0, used.get("E2/P1/" + (jan + 1)), EXACT, "reported values are used as they are");
        Map<String, Double> links = byKey(Imputation.impute(finals), "imputation_link", "enterprise_id",
                "product_code", "month_index");
        assertEquals(24 / 22.0 * 1.2, links.get("E1/P1/" + (jan + 3)), EXACT);
        assertNull(links.get("E2/P1/" + jan));
    }

    private static String row(int month, String enterprise, String product, String unit, String response,
                              String quantity) {
        return "(" + month + ", '" + enterprise + "', '" + product + "', '" + unit + "', '" + response + "', CAST("
                + quantity + " AS DOUBLE))";
    }

    @Test
    void eachBaseIsComputedFromItsYearToTheNextBasesYearAndStandsForTheYearsAfterItsOwn() {
        Dataset<Row> segments = Segments.of(values("weight_base_year", "(2020)", "(2010)", "(2015)", "(2015)"),
                month(2021, 6));
        Map<String, String> ranges = new TreeMap<>();
        for (Row row : segments.collectAsList()) {
            ranges.put(String.valueOf((Object) row.getAs("weight_base_year")), row.getAs("previous_base") + " "
                    + row.getAs("next_base") + " " + row.getAs("compute_from") + ".." + row.getAs("compute_to") + " "
                    + row.getAs("linked_from") + ".." + row.getAs("linked_to"));
        }
        assertEquals(Map.of(
                "2010", "null 2015 " + month(2010, 1) + ".." + month(2015, 12) + " " + month(2010, 1) + ".."
                        + month(2015, 12),
                "2015", "2010 2020 " + month(2015, 1) + ".." + month(2020, 12) + " " + month(2016, 1) + ".."
                        + month(2020, 12),
                "2020", "2015 null " + month(2020, 1) + ".." + month(2021, 6) + " " + month(2021, 1) + ".."
                        + month(2021, 6)), ranges);
    }

    @Test
    void classIndexIsTheWeightedMeanOfQuantityRatiosToTheBaseYearsMonthlyMean() {
        List<String> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            rows.add(q("P1", month(2015, m), 10));
            rows.add(q("P3", month(2015, m), 0));
            if (m <= 6) {
                rows.add(q("P2", month(2015, m), 20)); // absent months count 0: base quantity 120 / 12 = 10
            }
        }
        rows.add(q("P1", month(2016, 3), 12));
        rows.add(q("P2", month(2016, 3), 15));
        rows.add(q("P3", month(2016, 3), 5));
        Dataset<Row> quantities = values("geo_code, geo_kind, product_code, month_index, quantity",
                rows.toArray(String[]::new));
        Dataset<Row> baskets = values("weight_base_year, product_code, vsic4, unit, output_value",
                "(2015, 'P1', '1010', 'tan', 3D)", "(2015, 'P2', '1010', 'tan', 1D)", "(2015, 'P3', '1010', 'tan', 6D)");
        Map<String, Double> index = byKey(BaseIndices.classIndices(quantities, baskets,
                Segments.of(baskets, month(2016, 3))), "index_value", "industry_code", "month_index");
        // P3's base quantity is 0: left out. 2016-03: 100 × (3 × 12/10 + 1 × 15/10) / (3 + 1) = 127.5.
        assertEquals(127.5, index.get("C1010/" + month(2016, 3)), EXACT);
        // 2015-01: 100 × (3 × 1 + 1 × 2) / 4 = 125; 2015-07 (no P2): 100 × 3 × 1 / 3 = 100.
        assertEquals(125.0, index.get("C1010/" + month(2015, 1)), EXACT);
        assertEquals(100.0, index.get("C1010/" + month(2015, 7)), EXACT);
    }

    @Test
    void aProductNewInTheSecondBaseCountsOnlyInThatBasesIndices() {
        List<String> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            rows.add(q("P1", month(2015, m), 10));
            rows.add(q("P1", month(2020, m), 20));
            rows.add(q("P2", month(2020, m), 5));
        }
        rows.add(q("P1", month(2021, 3), 22));
        rows.add(q("P2", month(2021, 3), 6));
        Dataset<Row> quantities = values("geo_code, geo_kind, product_code, month_index, quantity",
                rows.toArray(String[]::new));
        Dataset<Row> baskets = values("weight_base_year, product_code, vsic4, unit, output_value",
                "(2015, 'P1', '1010', 'tan', 3D)", "(2020, 'P1', '1010', 'tan', 3D)", "(2020, 'P2', '1010', 'tan', 1D)");
        Map<String, Double> index = byKey(BaseIndices.classIndices(quantities, baskets,
                Segments.of(baskets, month(2021, 3))), "index_value", "weight_base_year", "month_index");
        // Base 2015 knows only P1: 2020-03 is 100 × 20/10 = 200, P2's quantity notwithstanding.
        assertEquals(200.0, index.get("2015/" + month(2020, 3)), EXACT);
        // Base 2020: 2020-03 is 100 × (3 × 20/20 + 1 × 5/5) / 4 = 100; 2021-03 is 100 × (3 × 22/20 + 1 × 6/5) / 4
        // = 112.5; base 2015 stops at December 2020.
        assertEquals(100.0, index.get("2020/" + month(2020, 3)), EXACT);
        assertEquals(112.5, index.get("2020/" + month(2021, 3)), 1e-12);
        assertNull(index.get("2015/" + month(2021, 3)));
    }

    private static String q(String product, int month, double quantity) {
        return "('VN', 'national', '" + product + "', " + month + ", " + quantity + "D)";
    }

    @Test
    void aggregatesWeighDefinedChildrenByValueAddedAndSkipThoseWithoutValueAdded() {
        int t = month(2016, 3);
        Dataset<Row> classes = values("geo_code, geo_kind, industry_code, weight_base_year, month_index, index_value",
                idx("C1010", 2015, t, 127.5), idx("C1020", 2015, t, 110), idx("C1101", 2015, t, 200),
                idx("D3510", 2015, t, 90));
        Dataset<Row> valueAdded = values("geo_code, geo_kind, weight_base_year, industry_code, parent_code, value_added",
                va("C1010", "C10", 30), va("C1020", "C10", 10), va("C1030", "C10", 5), va("C1101", "C11", 0),
                va("D3510", "D35", 15), va("C10", "C", 45), va("C11", "C", 0), va("D35", "D", 15), va("C", "TOTAL", 45),
                va("D", "TOTAL", 15), "('VN', 'national', 2015, 'TOTAL', CAST(NULL AS STRING), 60D)");
        Map<String, Double> index = byKey(BaseIndices.allLevels(classes, valueAdded), "index_value", "industry_code");
        // C10: (30 × 127.5 + 10 × 110) / 40 = 123.125 (C1030 has value added but no index: left out).
        assertEquals(123.125, index.get("C10"), EXACT);
        assertNull(index.get("C11"), "its only class has no value added");
        assertEquals(123.125, index.get("C"), EXACT);
        assertEquals(90.0, index.get("D"), EXACT);
        // TOTAL: (45 × 123.125 + 15 × 90) / 60 = 114.84375.
        assertEquals(114.84375, index.get("TOTAL"), EXACT);
    }

    private static String idx(String industry, int base, int month, double value) {
        return "('VN', 'national', '" + industry + "', " + base + ", " + month + ", " + value + "D)";
    }

    private static String va(String industry, String parent, double value) {
        return "('VN', 'national', 2015, '" + industry + "', '" + parent + "', " + value + "D)";
    }

    @Test
    void olderBasesAreLinkedByTheOverlapYearsMeans() {
        List<String> rows = new ArrayList<>();
        rows.add(idx("TOTAL", 2015, month(2018, 5), 120));
        for (int m = 1; m <= 12; m++) {
            rows.add(idx("TOTAL", 2015, month(2020, m), 110));
            rows.add(idx("TOTAL", 2020, month(2020, m), 100));
            rows.add(idx("B", 2020, month(2020, m), 100));
            if (m < 12) {
                rows.add(idx("B", 2015, month(2020, m), 100)); // 11 months: no overlap mean
            }
        }
        rows.add(idx("TOTAL", 2020, month(2021, 1), 104));
        rows.add(idx("B", 2020, month(2021, 1), 101));
        rows.add(idx("B", 2015, month(2018, 5), 90));
        Dataset<Row> indices = values("geo_code, geo_kind, industry_code, weight_base_year, month_index, index_value",
                rows.toArray(String[]::new));
        Dataset<Row> segments = Segments.of(values("weight_base_year", "(2015)", "(2020)"), month(2021, 1));
        Dataset<Row> linked = ChainLinking.linked(indices, ChainLinking.factors(indices,
                ChainLinking.annualMeans(indices), segments), segments);
        Map<String, Double> level = byKey(linked, "linked_index", "industry_code", "month_index");
        Map<String, Double> base = byKey(linked, "weight_base_year", "industry_code", "month_index");
        // F(2015) = Ī_2020(2020) / Ī_2015(2020) = 100 / 110.
        assertEquals(120 * 100 / 110.0, level.get("TOTAL/" + month(2018, 5)), EXACT);
        assertEquals(100.0, level.get("TOTAL/" + month(2020, 6)), EXACT);
        assertEquals(2015.0, base.get("TOTAL/" + month(2020, 6)), "the overlap year belongs to the older base");
        assertEquals(104.0, level.get("TOTAL/" + month(2021, 1)), EXACT);
        assertNull(level.get("B/" + month(2018, 5)), "an overlap year of 11 months leaves the older values undefined");
        assertEquals(101.0, level.get("B/" + month(2021, 1)), EXACT);
    }

    @Test
    void growthNeedsEveryInputMonth() {
        List<String> rows = new ArrayList<>();
        double[] previous = {100, 90, 110};
        double[] current = {110, 99, 121};
        for (int m = 1; m <= 3; m++) {
            rows.add(level("TOTAL", month(2020, m), previous[m - 1]));
            rows.add(level("TOTAL", month(2021, m), current[m - 1]));
            if (m != 2) {
                rows.add(level("B", month(2020, m), previous[m - 1]));
            }
            rows.add(level("B", month(2021, m), current[m - 1]));
        }
        Map<String, Double> growth = byKey(Growth.all(values("geo_code, geo_kind, industry_code, month_index,"
                + " weight_base_year, linked_index", rows.toArray(String[]::new))), "ratio", "industry_code",
                "comparison", "period");
        assertEquals(99 / 110.0, growth.get("TOTAL/mom/2021-02"), EXACT);
        assertEquals(1.1, growth.get("TOTAL/yoy/2021-01"), EXACT);
        assertEquals((110 + 99) / (100 + 90.0), growth.get("TOTAL/ytd_yoy/2021-02"), EXACT);
        assertEquals(330 / 300.0, growth.get("TOTAL/ytd_yoy/2021-03"), EXACT);
        assertEquals(330 / 300.0, growth.get("TOTAL/q_yoy/2021-Q1"), EXACT);
        assertNull(growth.get("B/ytd_yoy/2021-02"), "2020-02 missing");
        assertNull(growth.get("B/ytd_yoy/2021-03"));
        assertNull(growth.get("B/yoy/2021-02"));
        assertEquals(121 / 110.0, growth.get("B/yoy/2021-03"), EXACT);
        assertNull(growth.get("TOTAL/q_yoy/2020-Q1"));
    }

    private static String level(String industry, int month, double value) {
        return "('VN', 'national', '" + industry + "', " + month + ", 2015, " + value + "D)";
    }

    @Test
    void contributionsAddUpWithinARangeAndAcrossABaseChange() {
        List<String> rows = new ArrayList<>();
        // One range (base 2020 only in effect for 2021): B 100 -> 110, C 100 -> 96, weights 0.25 / 0.75.
        // Across: old base 2015 (weights B 0.4, C 0.6), new 2020 (B 0.3, C 0.7).
        for (int m = 1; m <= 12; m++) {
            double oldB = m == 1 ? 114 : m == 2 ? 126 : 120; // mean 120
            rows.add(idx("B", 2015, month(2020, m), oldB));
            rows.add(idx("C", 2015, month(2020, m), 130));
            rows.add(idx("TOTAL", 2015, month(2020, m), 0.4 * oldB + 0.6 * 130));
            rows.add(idx("B", 2020, month(2020, m), 100));
            rows.add(idx("C", 2020, month(2020, m), 100));
            rows.add(idx("TOTAL", 2020, month(2020, m), 100));
        }
        rows.add(idx("B", 2020, month(2021, 1), 105));
        rows.add(idx("C", 2020, month(2021, 1), 110));
        rows.add(idx("TOTAL", 2020, month(2021, 1), 0.3 * 105 + 0.7 * 110)); // 108.5
        rows.add(idx("B", 2020, month(2021, 2), 115.5));
        rows.add(idx("C", 2020, month(2021, 2), 105.6));
        rows.add(idx("TOTAL", 2020, month(2021, 2), 0.3 * 115.5 + 0.7 * 105.6));
        Dataset<Row> indices = values("geo_code, geo_kind, industry_code, weight_base_year, month_index, index_value",
                rows.toArray(String[]::new));
        Dataset<Row> valueAdded = values("geo_code, geo_kind, weight_base_year, industry_code, parent_code, value_added",
                "('VN', 'national', 2015, 'B', 'TOTAL', 40D)", "('VN', 'national', 2015, 'C', 'TOTAL', 60D)",
                "('VN', 'national', 2020, 'B', 'TOTAL', 30D)", "('VN', 'national', 2020, 'C', 'TOTAL', 70D)");
        Dataset<Row> segments = Segments.of(values("weight_base_year", "(2015)", "(2020)"), month(2021, 2));
        Dataset<Row> means = ChainLinking.annualMeans(indices);
        Dataset<Row> linked = ChainLinking.linked(indices, ChainLinking.factors(indices, means, segments), segments);
        Map<String, Double> contribution = byKey(Contributions.all(indices, valueAdded, means, linked, segments),
                "contribution_pp", "industry_code", "comparison", "period");
        // Across (yoy 2021-01 over 2020-01), F = 100/126; multiplying through by 126/100:
        // C_B = 100 × (0.3 × 5 × 1.26 + 0.4 × (120 − 114)) / 123.6 = 429 / 123.6; C_C = 100 × 0.7 × 10 × 1.26 / 123.6.
        assertEquals(429 / 123.6, contribution.get("B/yoy/2021-01"), EXACT);
        assertEquals(882 / 123.6, contribution.get("C/yoy/2021-01"), EXACT);
        // Growth: 108.5 / (123.6 × 100/126) − 1.
        Map<String, Double> growth = byKey(Growth.all(linked), "ratio", "industry_code", "comparison", "period");
        double yoy = (growth.get("TOTAL/yoy/2021-01") - 1) * 100;
        assertEquals(108.5 * 1.26 / 123.6 * 100 - 100, yoy, EXACT);
        assertEquals(yoy, contribution.get("B/yoy/2021-01") + contribution.get("C/yoy/2021-01"), EXACT);
        // Within the 2020 range (mom 2021-02): C_B = 100 × 0.3 × (115.5 − 105) / 108.5, C_C = 100 × 0.7 × (105.6 − 110)
        // / 108.5.
        assertEquals(100 * 0.3 * 10.5 / 108.5, contribution.get("B/mom/2021-02"), EXACT);
        assertEquals(100 * 0.7 * -4.4 / 108.5, contribution.get("C/mom/2021-02"), EXACT);
        double mom = (growth.get("TOTAL/mom/2021-02") - 1) * 100;
        assertEquals(mom, contribution.get("B/mom/2021-02") + contribution.get("C/mom/2021-02"), EXACT);
        // Within the 2015 range (mom 2020-02): C_B = 100 × 0.4 × (126 − 114) / 123.6.
        assertEquals(100 * 0.4 * 12 / 123.6, contribution.get("B/mom/2020-02"), EXACT);
        assertEquals(0.0, contribution.get("C/mom/2020-02"), EXACT);
    }

    @Test
    void mergedProvincesAreBackCastAsTheirUnitAndCountInTheirRegions() {
        List<String> rows = new ArrayList<>();
        for (int year = 2015; year <= 2016; year++) {
            for (int m = 1; m <= 12; m++) {
                String period = String.format("'%d-%02d'", year, m);
                // Bắc Ninh (27, Red River Delta) and Bắc Giang (24, Northern Midlands) form vn34 unit 24.
                rows.add("(" + period + ", 'A', '27', 'vn63', '27', '24', 'R1', '1010', 'P1', 'tan', 'reported', "
                        + (year == 2015 ? 10 : 12) + "D, DATE'2017-01-05')");
                rows.add("(" + period + ", 'B', '24', 'vn63', '24', '24', 'R2', '1010', 'P1', 'tan', 'reported', "
                        + (year == 2015 ? 30 : 33) + "D, DATE'2017-01-05')");
            }
        }
        Dataset<Row> responses = values("period, enterprise_id, province_code, code_version, province_vn63,"
                + " unit_vn34, region_code, vsic4, product_code, unit, response, quantity, collected_on",
                rows.toArray(String[]::new));
        Dataset<Row> baskets = values("weight_base_year, product_code, vsic4, unit, output_value",
                "(2015, 'P1', '1010', 'tan', 5D)");
        Dataset<Row> valueAdded = values("weight_base_year, geo_code, vsic4, value_added",
                "(2015, '27', '1010', 40D)", "(2015, '24', '1010', 60D)");
        var inputs = new IipComputation.Inputs(responses, baskets, valueAdded, month(2016, 12));
        Dataset<Row> all = IipComputation.compute(inputs).figures();
        Dataset<Row> figures = all.filter("industry_code = 'TOTAL' AND period = '2016-01' AND comparison = 'yoy'");
        Map<String, Double> yoy = byKey(figures, "value_pct", "geo_code", "geo_version", "backcast");
        assertEquals(20.0, yoy.get("27/vn63/false"), EXACT);
        assertEquals(10.0, yoy.get("24/vn63/false"), EXACT);
        // The unit: (12 + 33) / (10 + 30) = 45 / 40, a back-cast; the country the same; the regions their province.
        assertEquals(12.5, yoy.get("24/vn34/true"), EXACT);
        assertEquals(12.5, yoy.get("VN/vn63/false"), EXACT);
        assertEquals(20.0, yoy.get("R1/region/false"), EXACT);
        assertEquals(10.0, yoy.get("R2/region/false"), EXACT);
        assertEquals(6, yoy.size());

        // Shuffle partitions do not change a figure.
        String before = spark().conf().get("spark.sql.shuffle.partitions");
        List<Row> two = sorted(all);
        spark().conf().set("spark.sql.shuffle.partitions", "7");
        try {
            assertEquals(two, sorted(IipComputation.compute(inputs).figures()));
        } finally {
            spark().conf().set("spark.sql.shuffle.partitions", before);
        }
        assertTrue(two.size() > 100, two.size() + " figures");
    }

    private static List<Row> sorted(Dataset<Row> figures) {
        return figures.orderBy("period", "period_type", "geo_code", "geo_version", "industry_code", "comparison",
                "measure").collectAsList();
    }
}
