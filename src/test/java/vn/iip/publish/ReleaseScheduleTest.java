package vn.iip.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.iip.IipException;
import vn.iip.conform.Period;

class ReleaseScheduleTest {
    private static final ReleaseSchedule BUNDLED = ReleaseSchedule.bundled();

    /** IIP-DOMAIN §1.8's dates: the 29th of the reference month until 2024-10, the 6th of the next month after. */
    @ParameterizedTest(name = "{0} {1} due {2}")
    @CsvSource({
            "month,   2021-11, 2021-11-29",
            "month,   2024-07, 2024-07-29",
            "month,   2024-10, 2024-10-29",
            "month,   2024-11, 2024-12-06",
            "month,   2025-01, 2025-02-06",
            "month,   2021-02, 2021-02-28",
            "month,   2024-02, 2024-02-29",
            "month,   2025-12, 2026-01-06",
            "quarter, 2021-Q1, 2021-03-29",
            "quarter, 2024-Q3, 2024-09-29",
            "quarter, 2024-Q4, 2025-01-06",
            "year,    2021,    2021-12-29",
            "year,    2023,    2023-12-29",
            "year,    2024,    2025-01-06"})
    void bundledGsoSchedule(String type, String label, String due) {
        Period period = switch (type) {
            case "month" -> Period.ofMonth(Integer.parseInt(label.substring(0, 4)), Integer.parseInt(label.substring(5)));
            case "quarter" -> Period.ofQuarter(Integer.parseInt(label.substring(0, 4)),
                    Integer.parseInt(label.substring(6)));
            default -> Period.ofYear(Integer.parseInt(label));
        };
        ReleaseSchedule.Rule rule = BUNDLED.rules().stream().filter(r -> r.publisher().equals("GSO") && r.covers(period))
                .reduce((a, b) -> {
                    throw new AssertionError("two rules cover " + label);
                }).orElseThrow();
        assertEquals(LocalDate.parse(due), rule.expected(period));
        assertEquals(3, rule.graceDays());
    }

    @org.junit.jupiter.api.Test
    void expectationsHaveOneRowPerPublisherAndPeriod() {
        // 1900-2100: 201 years x (12 months + 4 quarters + 1 year) for the one scheduled publisher.
        assertEquals(201 * 17, BUNDLED.expectations().size());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "publisher,period_type,first,last,day,months_after,grace_days"
                    + "| Release schedule ops.csv line 1: the header is 'publisher,period_type,first,last,day,"
                    + "months_after,grace_days', not 'publisher,period_type,first_period,last_period,day,months_after,"
                    + "grace_days'; write that header",
            "GSO,week,,,29,0,3| Release schedule ops.csv line 2: period_type 'week' is not month, quarter or year;"
                    + " write one of those",
            "GSO,month,,,32,0,3| Release schedule ops.csv line 2: day '32' is not a whole number from 1 to 31;"
                    + " write e.g. 1",
            "GSO,month,,,6,1| Release schedule ops.csv line 2: 6 field(s), not 7 (publisher,period_type,"
                    + "first_period,last_period,day,months_after,grace_days); write one rule per line",
            "GSO,month,,2024-10,29,0,3\\nGSO,month,2024-10,,6,1,3| Release schedule ops.csv: two rules for GSO's month"
                    + " releases cover the same periods (…2024-10 and 2024-10…); end one before the other starts"})
    void badSchedulesAreRefusedWithTheirPlace(String body, String message) {
        String text = body.startsWith("publisher") ? body : ReleaseSchedule.HEADER + "\n" + body.replace("\\n", "\n");
        IipException e = assertThrows(IipException.class, () -> ReleaseSchedule.parse(text, "ops.csv"));
        assertEquals(message, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anOperatorsScheduleMovesTheSwitch() {
        ReleaseSchedule own = ReleaseSchedule.parse(ReleaseSchedule.HEADER + "\n# switched in August\n"
                + "GSO,month,,2024-07,29,0,2\nGSO,month,2024-08,,6,1,5\n", "own.csv");
        Period august = Period.ofMonth(2024, 8);
        ReleaseSchedule.Rule rule = own.rules().stream().filter(r -> r.covers(august)).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2024, 9, 6), rule.expected(august));
        assertEquals(5, rule.graceDays());
    }
}
