package vn.iip.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.iip.reference.ReferenceData;

class TetRegressorTest {
    private static final TetRegressor STANDARD = TetRegressor.standard();

    /** Hand-computed shares of the default window (7 days before Tết to 14 after: 22 days). */
    @ParameterizedTest(name = "{0}: {1}/22")
    @CsvSource({
            // Tết 2020-01-25: window 01-18 … 02-08, 14 days in January, 8 in February.
            "2020-01, 14", "2020-02, 8", "2020-03, 0", "2019-12, 0",
            // Tết 2021-02-12: window 02-05 … 02-26, all in February.
            "2021-01, 0", "2021-02, 22",
            // Tết 2023-01-22: window 01-15 … 02-05.
            "2023-01, 17", "2023-02, 5",
            // Tết 2024-02-10: window 02-03 … 02-24.
            "2024-02, 22"})
    void shareOfTheWindowInTheMonth(String month, int days) {
        assertEquals(days / 22.0, STANDARD.share(YearMonth.parse(month)), 1e-12);
    }

    @Test
    void centredOnTheLongRunMeanOfEachCalendarMonth() {
        // Every window lies within January–March, so a year's centred values add up to zero.
        for (int year = 1950; year <= 2050; year += 7) {
            double sum = 0;
            for (double value : STANDARD.values(YearMonth.of(year, 1), 12)) {
                sum += value;
            }
            assertEquals(0, sum, 1e-12, "year " + year);
        }
        // Months Tết never reaches have zero shares, so zero regressors.
        assertEquals(0, STANDARD.value(YearMonth.of(2020, 7)), 0);
        // Over 1901–2099 the centred January values average zero.
        double january = 0;
        for (int year = 1901; year <= 2099; year++) {
            january += STANDARD.value(YearMonth.of(year, 1));
        }
        assertEquals(0, january / 199, 1e-12);
        // 2020: an early Tết pushes January above its mean; 2021's late one below.
        assertTrue(STANDARD.value(YearMonth.of(2020, 1)) > 0.2);
        assertTrue(STANDARD.value(YearMonth.of(2021, 1)) < -0.2);
    }

    @Test
    void windowDays() {
        assertTrue(STANDARD.inWindow(LocalDate.of(2020, 1, 18)));
        assertFalse(STANDARD.inWindow(LocalDate.of(2020, 1, 17)));
        assertTrue(STANDARD.inWindow(LocalDate.of(2020, 2, 8)));
        assertFalse(STANDARD.inWindow(LocalDate.of(2020, 2, 9)));
        assertEquals(22, STANDARD.windowDays());
    }

    @Test
    void refusesAWindowThatIsNotOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TetRegressor(ReferenceData.get().tetDates(), -1, 14));
        assertEquals("Tết window of -1 day(s) before and 14 after: each must be 0 or more and the window at most 61"
                + " days", error.getMessage());
    }
}
