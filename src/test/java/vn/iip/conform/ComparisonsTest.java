package vn.iip.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonsTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}, inferred {3}")
    @CsvSource(delimiter = '|', value = {
            "mom | month | mom | false", "MoM | month | mom | false", "yoy | month | yoy | false",
            "ytd_yoy | month | ytd_yoy | false", "q_yoy | quarter | q_yoy | false",
            "annual_yoy | year | annual_yoy | false", "month-on-month | month | mom | false",
            "unspecified_mom_implied | month | mom | true", "mom_inferred | month | mom | true",
            "Tháng 11 năm 2021 so với tháng trước | month | mom | false",
            "so với tháng trước | month | mom | false",
            "Tháng 11 năm 2021 so với cùng kỳ năm trước | month | yoy | false",
            "11 tháng năm 2021 so với cùng kỳ năm trước | month | ytd_yoy | false",
            "Cộng dồn 6 tháng năm 2015 so với cùng kỳ năm 2014 | month | ytd_yoy | false",
            "Tính chung 11 tháng | month | ytd_yoy | false",
            "Ước tính tháng 6 năm 2015 so với tháng trước | month | mom | false",
            "Quý IV năm 2021 so với cùng kỳ năm trước | quarter | q_yoy | false",
            "so với cùng kỳ năm trước | quarter | q_yoy | false",
            "Năm 2021 so với năm trước | year | annual_yoy | false",
            "so với cùng kỳ năm trước | year | annual_yoy | false",
            "Tháng 11/2021 so với tháng 11/2020 | month | yoy | false",
            "Chỉ số sản xuất công nghiệp (Năm trước = 100) | year | annual_yoy | false",
            "Chỉ số (Tháng trước = 100) | month | mom | false",
            "Chỉ số (Cùng kỳ năm trước = 100) | month | yoy | false",
            "Tháng 02/2009 so với tháng 01/2009 (%) | month | mom | false",
            "Tháng 01/2021 so với tháng 12/2020 | month | mom | false",
            "so với cùng tháng năm trước | month | yoy | false",
            "Năm 2021 so với năm 2020 | year | annual_yoy | false",
            "yoy | quarter | q_yoy | false", "yoy | year | annual_yoy | false", "ytd_yoy | year | annual_yoy | false",
    })
    void readsCodesAndGsoWording(String raw, String periodType, String code, boolean inferred) {
        Outcome<Comparison> outcome = Comparisons.resolve(raw, periodType);
        assertTrue(outcome.isOk(), outcome::message);
        assertEquals(code, outcome.value().code());
        assertEquals(inferred, outcome.value().inferred());
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "annual_yoy | month | comparison_period_mismatch", "mom | year | comparison_period_mismatch",
            "q_yoy | month | comparison_period_mismatch", "so sánh lạ | month | comparison_unknown",
            "'' | month | comparison_unknown",
    })
    void rejectsUnknownOrMismatchedComparisons(String raw, String periodType, String rule) {
        assertEquals(rule, Comparisons.resolve(raw, periodType).ruleId());
    }
}
