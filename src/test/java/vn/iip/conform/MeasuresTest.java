package vn.iip.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasuresTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "iip | iip | ", "IIP | iip | ", "contribution_pp | contribution_pp | ", "điểm phần trăm | contribution_pp | ",
            "industry_va | | measure_value_added", "value added | | measure_value_added",
            "Giá trị tăng thêm | | measure_value_added", "gdp | | measure_unknown",
    })
    void readsMeasures(String raw, String measure, String rule) {
        Outcome<String> outcome = Measures.measure(raw);
        assertEquals(measure, outcome.value());
        assertEquals(rule, outcome.ruleId());
    }

    @ParameterizedTest(name = "{0} for {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "index | iip | index | ", "Chỉ số | iip | index | ", "pct | iip | pct | ", "pp | contribution_pp | pp | ",
            "pct | contribution_pp | | unit_measure_mismatch", "pp | iip | | unit_measure_mismatch",
            "% | iip | | unit_unknown", "kg | iip | | unit_unknown", "'' | contribution_pp | pp | ",
            "'' | iip | | unit_unknown",
    })
    void readsUnits(String raw, String measure, String unit, String rule) {
        Outcome<String> outcome = Measures.unit(raw, measure);
        assertEquals(unit, outcome.value());
        assertEquals(rule, outcome.ruleId());
    }

    @Test
    void explainsWhyPercentIsAmbiguous() {
        assertTrue(Measures.unit("%", "iip").message().contains("'Đơn vị tính: %' print indices"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"ước tính | estimate", "Ước tính | estimate", "estimate | estimate",
            "sơ bộ | preliminary", "preliminary | preliminary", "chính thức | final", "final | final"})
    void readsStatuses(String raw, String status) {
        assertEquals(status, Measures.status(raw).value());
    }

    @Test
    void emptyStatusIsNullAndUnknownIsRejected() {
        assertTrue(Measures.status("").isOk());
        assertNull(Measures.status("").value());
        assertEquals(Rules.STATUS_UNKNOWN, Measures.status("maybe").ruleId());
    }
}
