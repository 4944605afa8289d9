package vn.iip.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2021-11,  2021-11, month,   2021-11-01, 2021-11-30",
            "2021-2,   2021-02, month,   2021-02-01, 2021-02-28",
            "2024-02,  2024-02, month,   2024-02-01, 2024-02-29",
            "2021M11,  2021-11, month,   2021-11-01, 2021-11-30",
            "11/2021,  2021-11, month,   2021-11-01, 2021-11-30",
            "2021-Q4,  2021-Q4, quarter, 2021-10-01, 2021-12-31",
            "2025q2,   2025-Q2, quarter, 2025-04-01, 2025-06-30",
            "Q3/2025,  2025-Q3, quarter, 2025-07-01, 2025-09-30",
            "2021,     2021,    year,    2021-01-01, 2021-12-31",
    })
    void parsesPeriods(String raw, String label, String type, String start, String end) {
        Outcome<Period> outcome = Periods.parse(raw);
        assertTrue(outcome.isOk(), outcome::message);
        assertEquals(label, outcome.value().label());
        assertEquals(type, outcome.value().type());
        assertEquals(LocalDate.parse(start), outcome.value().start());
        assertEquals(LocalDate.parse(end), outcome.value().end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-13", "2021-00", "21-11", "2021-Q5", "1850", "Nov 2021", ""})
    void rejectsOtherForms(String raw) {
        Outcome<Period> outcome = Periods.parse(raw);
        assertEquals(Rules.PERIOD_INVALID, outcome.ruleId());
        assertTrue(outcome.message().startsWith("period '" + raw + "' cannot be read"), outcome.message());
    }
}
