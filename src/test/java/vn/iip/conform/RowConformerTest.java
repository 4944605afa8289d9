package vn.iip.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iip.reference.ReferenceData;

class RowConformerTest {
    private final RowConformer conformer = new RowConformer(ReferenceData.get());

    private static Map<String, String> row(String geo, String comparison, String value, String unit) {
        Map<String, String> fields = new HashMap<>();
        fields.put("release_date", "2021-11-29");
        fields.put("publisher", "gso");
        fields.put("period", "2021-11");
        fields.put("geo", geo);
        fields.put("industry", "Công nghiệp chế biến, chế tạo");
        fields.put("comparison", comparison);
        fields.put("measure", "iip");
        fields.put("value", value);
        fields.put("unit", unit);
        fields.put("status", "ước tính");
        fields.put("source", " https://example.org/nov-2021 ");
        return fields;
    }

    @Test
    void convertsAnIndexExactly() {
        ConformedRow result = conformer.conform(row("Quảng Ninh", "Tháng 11 năm 2021 so với tháng trước", "119,17",
                "index"), "nov-2021.csv", 7);
        Observation o = result.observation();
        assertEquals(19.17, o.valuePct());
        assertEquals(119.17, o.indexValue());
        assertEquals("22", o.geoCode());
        assertEquals("vn63", o.geoVersion());
        assertEquals("C", o.industryCode());
        assertEquals("mom", o.comparison());
        assertEquals("GSO", o.publisher());
        assertEquals("GSO@2021-11-29", o.releaseId());
        assertEquals(LocalDate.of(2021, 11, 29), o.releaseDate());
        assertEquals("estimate", o.status());
        assertEquals(2, o.decimalsPublished());
        assertEquals("https://example.org/nov-2021", o.source());
    }

    @Test
    void convertsGrowthAndKeepsNotAvailable() {
        Observation growth = conformer.conform(row("VN", "yoy", "-2,8", "pct"), "f.csv", 2).observation();
        assertEquals(-2.8, growth.valuePct());
        assertEquals(97.2, growth.indexValue());
        Observation missing = conformer.conform(row("VN", "yoy", "..", "pct"), "f.csv", 3).observation();
        assertNull(missing.valuePct());
        assertNull(missing.indexValue());
    }

    @Test
    void marksAnInferredComparison() {
        Observation o = conformer.conform(row("Thừa Thiên Huế", "unspecified_mom_implied", "9,12", "pct"), "f.csv", 2)
                .observation();
        assertEquals("mom", o.comparison());
        assertTrue(o.comparisonInferred());
        assertEquals("46", o.geoCode());
    }

    @Test
    void namesFileRowColumnAndValueInEveryRejection() {
        ConformedRow result = conformer.conform(row("Quang Nihn", "mom", "19,17", "pct"), "nov-2021.csv", 17);
        assertEquals("geo_unknown", result.ruleId());
        assertEquals("geo", result.column());
        assertEquals("Quang Nihn", result.rawValue());
        assertEquals("nov-2021.csv row 17, column geo: Cannot resolve province 'Quang Nihn': no match among the 63"
                + " units of vn63; did you mean 'Quảng Ninh' (22)?; fix the spelling or use the 2-digit code",
                result.reason());
    }

    @Test
    void rejectsImpossibleValues() {
        assertEquals("value_out_of_domain", conformer.conform(row("VN", "yoy", "5,5", "index"), "f.csv", 2).ruleId());
        assertEquals("value_out_of_domain", conformer.conform(row("VN", "yoy", "-100", "pct"), "f.csv", 2).ruleId());
        assertEquals("value_out_of_domain", conformer.conform(row("VN", "yoy", "1.112,8", "index"), "f.csv", 2).ruleId());
        assertEquals("value_ambiguous", conformer.conform(row("VN", "yoy", "1.234", "pct"), "f.csv", 2).ruleId());
    }

    @Test
    void rejectsAReleaseDateInTheFuture() {
        Map<String, String> fields = row("VN", "yoy", "5,6", "pct");
        fields.put("release_date", "2201-11-29");
        assertEquals("f.csv row 4, column release_date: release_date 2201-11-29 is in the future; a figure is stored"
                + " with the day it was published: check the year", conformer.conform(fields, "f.csv", 4).reason());
    }

    @Test
    void aContributionComparisonNeedsTheContributionMeasure() {
        Map<String, String> fields = row("VN", "ytd_yoy_contrib_pp", "4,2", "pct");
        assertEquals("unit_measure_mismatch", conformer.conform(fields, "f.csv", 2).ruleId());
        fields.put("measure", "contribution_pp");
        fields.put("unit", "pp");
        assertEquals(4.2, conformer.conform(fields, "f.csv", 2).observation().valuePct());
    }

    @Test
    void rejectsValueAddedByName() {
        Map<String, String> fields = row("VN", "yoy", "4,82", "pct");
        fields.put("measure", "industry_va");
        ConformedRow result = conformer.conform(fields, "f.csv", 5);
        assertEquals("measure_value_added", result.ruleId());
        assertTrue(result.reason().startsWith("f.csv row 5, column measure: measure 'industry_va' is industry value"
                + " added, a GDP component, not the IIP"), result.reason());
    }
}
