package vn.iip.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.TreeSet;

/**
 * Vietnam's public holidays with full pay, by the Labour Code in force each year, and the working days they leave.
 * <ul>
 *   <li>New Year's Day, 1 January.</li>
 *   <li>Tết: 4 days (the lunar New Year's Eve and the first three days) until 2013; 5 days from 2014 under the
 *       Labour Code of 2012 (in force 2013-05-01): here the eve and the first four days. Each year the Prime
 *       Minister fixes which five days and may swap working days around them; those decisions are not modelled.</li>
 *   <li>Hùng Kings' Commemoration, 10th day of the 3rd lunar month, from 2007 (amended Labour Code of 2007).</li>
 *   <li>Reunification Day 30 April and International Labour Day 1 May.</li>
 *   <li>National Day 2 September; from 2021 (Labour Code of 2019) with one adjacent day: the weekday next to a
 *       weekend (1 September when the 2nd is a Tuesday, Friday or Saturday; the 3rd otherwise), which is the day
 *       chosen in 2021–2025.</li>
 *   <li>A holiday on a Saturday or Sunday is made up on the next working day (art. 112(3) of the 2019 code).</li>
 * </ul>
 * A working day is Monday to Friday (the public administration's week since 1999; many factories also work on
 * Saturday, which the seasonal models' own trading-day regressors account for) that is neither a holiday nor a
 * compensatory day off. Pure functions of the year: no table, no clock.
 */
public final class PublicHolidays {
    private PublicHolidays() {}

    /** The holidays and compensatory days off of one Gregorian year. */
    public static TreeSet<LocalDate> daysOff(int year) {
        TreeSet<LocalDate> holidays = new TreeSet<>(holidays(year));
        TreeSet<LocalDate> off = new TreeSet<>(holidays);
        for (LocalDate day : holidays) {
            if (weekend(day)) {
                LocalDate next = day.plusDays(1);
                while (weekend(next) || off.contains(next)) {
                    next = next.plusDays(1);
                }
                off.add(next);
            }
        }
        // Days made up in January for the previous year's last holidays never occur: 31 December is no holiday.
        off.removeIf(day -> day.getYear() != year);
        return off;
    }

    /** The holidays themselves (without compensatory days) falling in the year. */
    public static TreeSet<LocalDate> holidays(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        LocalDate tet = LunarCalendar.VIETNAM.newYear(year);
        int tetDays = year >= 2014 ? 5 : 4;
        for (int i = -1; i < tetDays - 1; i++) {
            days.add(tet.plusDays(i));
        }
        if (year >= 2007) {
            days.add(hungKings(tet));
        }
        days.add(LocalDate.of(year, Month.APRIL, 30));
        days.add(LocalDate.of(year, Month.MAY, 1));
        LocalDate national = LocalDate.of(year, Month.SEPTEMBER, 2);
        days.add(national);
        if (year >= 2021) {
            DayOfWeek weekday = national.getDayOfWeek();
            boolean before = weekday == DayOfWeek.TUESDAY || weekday == DayOfWeek.FRIDAY
                    || weekday == DayOfWeek.SATURDAY;
            days.add(before ? national.minusDays(1) : national.plusDays(1));
        }
        return days;
    }

    /** The 10th day of the 3rd lunar month after the given Tết (a leap 2nd or 3rd month is stepped over). */
    static LocalDate hungKings(LocalDate tet) {
        LocalDate day = tet.plusDays(60);
        // Two lunar months after Tết lie 59 days on: search the month for the 10th day of month 3, not leap.
        for (int i = 0; i < 120; i++, day = day.plusDays(1)) {
            LunarCalendar.LunarDate lunar = LunarCalendar.VIETNAM.lunarDate(day);
            if (lunar.month() == 3 && !lunar.leapMonth() && lunar.day() == 10) {
                return day;
            }
        }
        throw new IllegalStateException("no 10th day of the 3rd lunar month after Tết " + tet);
    }

    public static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Working days of a month: Monday to Friday, less holidays and compensatory days off. */
    public static int workingDays(int year, int month) {
        TreeSet<LocalDate> off = daysOff(year);
        LocalDate first = LocalDate.of(year, month, 1);
        int days = 0;
        for (LocalDate day = first; day.getMonthValue() == month; day = day.plusDays(1)) {
            days += weekend(day) || off.contains(day) ? 0 : 1;
        }
        return days;
    }
}
