package vn.iip.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

    /** The hand-written table the computation replaces: every year of it agrees. */
    @Test
    void everyTetOfTheHandWrittenTableIsTheComputedOne() {
        List<Map<String, String>> rows = CsvResource.read("/reference/tet_dates_by_hand.csv");
        assertEquals(26, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals(LocalDate.parse(row.get("tet_date")),
                    LunarCalendar.VIETNAM.newYear(Integer.parseInt(row.get("year"))), "Tết " + row.get("year"));
        }
    }

    /**
     * Vietnam reckons at UTC+7, China at UTC+8: a new moon between 16:00 and 17:00 UTC falls on different days. The
     * known cases: Tết Mậu Thân 1968 (North Vietnam had moved to UTC+7 in 1967), 1985 (a month apart: the winter
     * solstice fell in different months), 2007 and 2030.
     */
    @ParameterizedTest
    @CsvSource({"1968, 1968-01-29, 1968-01-30", "1985, 1985-01-21, 1985-02-20", "2007, 2007-02-17, 2007-02-18",
            "2030, 2030-02-02, 2030-02-03"})
    void vietnamAndChinaDifferWhereTheNewMoonFallsBetweenTheirMidnights(int year, LocalDate vietnam, LocalDate china) {
        assertEquals(vietnam, LunarCalendar.VIETNAM.newYear(year));
        assertEquals(china, LunarCalendar.CHINA.newYear(year));
    }

    /** Every year of 1900–2100 in which the two New Years differ (golden: the computation's own list, checked above). */
    @Test
    void theYearsOf1900To2100WithTwoDifferentNewYears() {
        List<Integer> differ = new ArrayList<>();
        for (int year = 1900; year <= 2100; year++) {
            if (!LunarCalendar.VIETNAM.newYear(year).equals(LunarCalendar.CHINA.newYear(year))) {
                differ.add(year);
            }
        }
        assertEquals(List.of(1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053), differ);
    }

    @ParameterizedTest
    @CsvSource({
            // date, lunar year, month, day, leap month
            "2025-01-29, 2025, 1, 1, false", // Tết Ất Tỵ
            "2025-01-28, 2024, 12, 29, false", // its eve: month 12 of 2024 had 29 days
            "2023-03-22, 2023, 2, 1, true", // leap month 2 of 2023
            "2023-04-20, 2023, 3, 1, false",
            "2020-05-23, 2020, 4, 1, true", // leap month 4 of 2020
            "2025-07-25, 2025, 6, 1, true", // leap month 6 of 2025
            "2025-07-24, 2025, 6, 30, false",
            "2024-09-17, 2024, 8, 15, false", // Mid-Autumn 2024
            "2033-12-22, 2033, 11, 1, true", // 2033: leap month 11
            "2026-04-26, 2026, 3, 10, false"}) // Hùng Kings' Commemoration 2026 (10/3)
    void lunarDatesOfKnownDays(LocalDate date, int year, int month, int day, boolean leap) {
        assertEquals(new LunarCalendar.LunarDate(year, month, day, leap), LunarCalendar.VIETNAM.lunarDate(date));
    }

    /** What holds for every year: Tết between 21 January and 20 February, day 1 of month 1, after month 12. */
    @Test
    void everyYearOf1900To2100HasATetAfterATwelfthMonth() {
        for (int year = 1900; year <= 2100; year++) {
            LocalDate tet = LunarCalendar.VIETNAM.newYear(year);
            assertFalse(tet.isBefore(LocalDate.of(year, 1, 21)) || tet.isAfter(LocalDate.of(year, 2, 20)), "Tết " + tet);
            assertEquals(new LunarCalendar.LunarDate(year, 1, 1, false), LunarCalendar.VIETNAM.lunarDate(tet));
            LunarCalendar.LunarDate eve = LunarCalendar.VIETNAM.lunarDate(tet.minusDays(1));
            assertEquals(year - 1, eve.year());
            assertEquals(12, eve.month());
            assertTrue(eve.day() == 29 || eve.day() == 30, "eve of " + tet + ": " + eve);
            long length = ChronoUnit.DAYS.between(tet, LunarCalendar.VIETNAM.newYear(year + 1));
            assertTrue(length == 353 || length == 354 || length == 355 || length == 383 || length == 384
                    || length == 385, "lunar year " + year + " has " + length + " days");
        }
    }
}
