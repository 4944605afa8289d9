package vn.iip.adjust;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import vn.iip.reference.ReferenceData;

/**
 * The Tết regressor, genhol-style: for each month the share of a window around Tết (the given days before and after
 * the first day, that day included) that falls in it, minus the long-run mean share of that calendar month over
 * 1900–2100. Centring keeps the regressor from taking over the ordinary January/February seasonality: only the
 * year-to-year movement of Tết between January and February is left for it to explain.
 */
public final class TetRegressor {
    private final Map<Integer, LocalDate> tetDates;
    private final int daysBefore;
    private final int daysAfter;
    private final double[] monthlyMean = new double[12];

    public TetRegressor(Map<Integer, LocalDate> tetDates, int daysBefore, int daysAfter) {
        if (daysBefore < 0 || daysAfter < 0 || daysBefore + daysAfter > 60) {
            throw new IllegalArgumentException("Tết window of " + daysBefore + " day(s) before and " + daysAfter
                    + " after: each must be 0 or more and the window at most 61 days");
        }
        this.tetDates = tetDates;
        this.daysBefore = daysBefore;
        this.daysAfter = daysAfter;
        int years = 0;
        for (int year = ReferenceData.FIRST_CALENDAR_YEAR + 1; year < ReferenceData.LAST_CALENDAR_YEAR; year++) {
            years++;
            for (int month = 1; month <= 12; month++) {
                monthlyMean[month - 1] += share(YearMonth.of(year, month));
            }
        }
        for (int month = 0; month < 12; month++) {
            monthlyMean[month] /= years;
        }
    }

    /** The default window: a week before Tết (the rush home) to two weeks after (the slow restart). */
    public static TetRegressor standard() {
        return new TetRegressor(ReferenceData.get().tetDates(), 7, 14);
    }

    public int daysBefore() {
        return daysBefore;
    }

    public int daysAfter() {
        return daysAfter;
    }

    /** Days of the window, Tết's first day included. */
    public int windowDays() {
        return daysBefore + daysAfter + 1;
    }

    /** Whether the day lies in the window of its own or the next year's Tết. */
    public boolean inWindow(LocalDate day) {
        for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
            LocalDate tet = tetDates.get(year);
            if (tet != null && !day.isBefore(tet.minusDays(daysBefore)) && !day.isAfter(tet.plusDays(daysAfter))) {
                return true;
            }
        }
        return false;
    }

    /** The share of the window in the month, before centring (0 when its year's Tết is unknown). */
    public double share(YearMonth month) {
        LocalDate tet = tetDates.get(month.getYear());
        if (tet == null) {
            return 0;
        }
        LocalDate from = tet.minusDays(daysBefore);
        LocalDate to = tet.plusDays(daysAfter);
        LocalDate first = month.atDay(1).isAfter(from) ? month.atDay(1) : from;
        LocalDate last = month.atEndOfMonth().isBefore(to) ? month.atEndOfMonth() : to;
        long days = last.isBefore(first) ? 0 : last.toEpochDay() - first.toEpochDay() + 1;
        return (double) days / windowDays();
    }

    /** The centred regressor of one month. */
    public double value(YearMonth month) {
        return share(month) - monthlyMean[month.getMonthValue() - 1];
    }

    /** The centred regressor for {@code months} months from {@code start}. */
    public double[] values(YearMonth start, int months) {
        double[] values = new double[months];
        for (int i = 0; i < months; i++) {
            values[i] = value(start.plusMonths(i));
        }
        return values;
    }
}
