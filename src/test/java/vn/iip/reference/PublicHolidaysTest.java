package vn.iip.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicHolidaysTest {
    /** Hùng Kings' day, 10/3 lunar; 2023 had a leap 2nd month, which pushes it to the end of April. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"2020, 2020-04-02", "2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
    void hungKings(int year, LocalDate expected) {
        assertEquals(expected, PublicHolidays.hungKings(LunarCalendar.VIETNAM.newYear(year)));
        assertTrue(PublicHolidays.holidays(year).contains(expected));
    }

    /** Hand-counted: Monday–Friday of the month less holidays and the days made up for those on a weekend. */
    @ParameterizedTest(name = "{0}-{1}: {2}")
    @CsvSource({
            // 1 May 2023 is a Monday; 29 April (Sat) and 30 April (Sun) are made up on 2 and 3 May.
            "2023, 5, 20",
            // 2 September 2023 is a Saturday: 1 September (Fri) adjacent, made up on Monday 4th.
            "2023, 9, 19",
            "2024, 1, 22",
            // Tết 2024-02-10 (Sat): eve 9th (Fri), 10th–13th, the weekend's two days made up on 14th and 15th.
            "2024, 2, 16",
            // No holiday in June; 2026-06 has 22 weekdays.
            "2026, 6, 22",
            // Before 2014 Tết had four days: 2013-02-10 (Sun), eve 9th (Sat) to 12th; made up 13th and 14th.
            "2013, 2, 16"})
    void workingDays(int year, int month, int expected) {
        assertEquals(expected, PublicHolidays.workingDays(year, month));
    }

    @Test
    void nationalDayHasAnAdjacentDayFrom2021() {
        assertEquals(List.of(LocalDate.of(2020, 9, 2)), PublicHolidays.holidays(2020).stream()
                .filter(d -> d.getMonthValue() == 9).toList());
        // The days chosen in 2021–2025: 2–3, 1–2, 1–2, 2–3, 1–2 September.
        int[] adjacent = {3, 1, 1, 3, 1};
        for (int year = 2021; year <= 2025; year++) {
            assertEquals(List.of(LocalDate.of(year, 9, Math.min(2, adjacent[year - 2021])),
                    LocalDate.of(year, 9, Math.max(2, adjacent[year - 2021]))), PublicHolidays.holidays(year).stream()
                    .filter(d -> d.getMonthValue() == 9).toList(), "year " + year);
        }
    }

    @Test
    void hungKingsOnlyFrom2007() {
        assertFalse(PublicHolidays.holidays(2006).stream().anyMatch(d -> d.getMonthValue() == 4 && d.getDayOfMonth() < 30));
        assertEquals(11, PublicHolidays.holidays(2024).size());
        assertEquals(8, PublicHolidays.holidays(2006).size());
    }
}
