package vn.iip.ingest.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.iip.conform.Comparisons;

class HeaderTextTest {

    /** header | period | year to date | status | comparison code conform makes of it (empty: no comparison). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Tháng 11 năm 2021 so với tháng trước | 2021-11 | false | null | mom",
        "Tháng 11 năm 2021 so với cùng kỳ năm trước | 2021-11 | false | null | yoy",
        "11 tháng năm 2021 so với cùng kỳ năm trước | 2021-11 | true | null | ytd_yoy",
        "Ước tính tháng 6 năm 2015 so với tháng trước | 2015-06 | false | ước tính | mom",
        "Cộng dồn 6 tháng năm 2015 so với cùng kỳ năm 2014 | 2015-06 | true | null | ytd_yoy",
        "Ước tính 6 tháng năm 2015 so với cùng kỳ | 2015-06 | true | ước tính | ytd_yoy",
        "Tháng 02/2009 so với tháng 01/2009 (%) | 2009-02 | false | null | mom",
        "Tháng 11/2021 so với tháng 11/2020 | 2021-11 | false | null | yoy",
        "Tính chung 11 tháng đầu năm 2021 so với cùng kỳ | 2021-11 | true | null | ytd_yoy",
        "Quý IV năm 2021 so với cùng kỳ năm trước | 2021-Q4 | false | null | q_yoy",
        "Năm 2021 so với năm 2020 | 2021 | false | null | annual_yoy",
        "Sơ bộ 2024 | 2024 | false | sơ bộ | ''",
        "Thực hiện tháng 10 năm 2021 | 2021-10 | false | '' | ''",
        "Ước tính tháng 11 năm 2021 | 2021-11 | false | ước tính | ''",
        "Cộng dồn 11 tháng năm 2021 | 2021-11 | true | null | ''",
        "So với tháng trước | null | false | null | ''",
    })
    void readsPeriodStatusAndComparison(String header, String period, boolean yearToDate, String status,
                                        String comparison) {
        HeaderText text = HeaderText.parse(header);
        assertEquals(period, text.period());
        assertEquals(yearToDate, text.yearToDate());
        assertEquals(status, text.status());
        if (comparison.isEmpty() || text.period() == null) {
            return;
        }
        String periodType = period.contains("Q") ? "quarter" : period.length() == 4 ? "year" : "month";
        assertEquals(comparison, Comparisons.resolve(text.comparison(), periodType).value().code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Ngành công nghiệp", "Đơn vị tính", "Quyền số", "Tỉnh, thành phố", "''"})
    void labelAndUnitHeadersNameNoPeriod(String header) {
        assertNull(HeaderText.parse(header));
    }
}
