package vn.iip.publish;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.iip.adjust.TetRegressor;
import vn.iip.catalog.GoldTables;
import vn.iip.reference.LunarCalendar;
import vn.iip.reference.PublicHolidays;
import vn.iip.reference.ReferenceData;

/**
 * dim_calendar (a row per day) and dim_calendar_month (the regressors per month) for 1900–2100, computed on the
 * executors from a range of day and month numbers: pure functions of the date ({@link LunarCalendar},
 * {@link PublicHolidays}, {@link TetRegressor}), so nothing is listed on the driver.
 */
final class Calendar {
    private Calendar() {}

    static final LocalDate FIRST_DAY = LocalDate.of(ReferenceData.FIRST_CALENDAR_YEAR, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(ReferenceData.LAST_CALENDAR_YEAR, 12, 31);

    /** What the content depends on: a change of window or of these rules writes the tables again. */
    static String contentLabel(TetRegressor window) {
        return "calendar 2026-12-06 " + FIRST_DAY + ".." + LAST_DAY + " window " + window.daysBefore() + "/"
                + window.daysAfter();
    }

    static Dataset<Row> days(SparkSession spark, int daysBefore, int daysAfter) {
        return spark.range(FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay() + 1, 1, 2).as(Encoders.LONG())
                .mapPartitions((MapPartitionsFunction<Long, Row>) epochDays -> {
                    TetRegressor window = new TetRegressor(ReferenceData.get().tetDates(), daysBefore, daysAfter);
                    Map<Integer, TreeSet<LocalDate>> holidays = new HashMap<>();
                    Map<Integer, TreeSet<LocalDate>> daysOff = new HashMap<>();
                    return map(epochDays, epochDay -> day(LocalDate.ofEpochDay(epochDay), window,
                            holidays.computeIfAbsent(LocalDate.ofEpochDay(epochDay).getYear(), PublicHolidays::holidays),
                            daysOff.computeIfAbsent(LocalDate.ofEpochDay(epochDay).getYear(), PublicHolidays::daysOff)));
                }, Encoders.row(GoldTables.DIM_CALENDAR.structType()));
    }

    static Row day(LocalDate date, TetRegressor window, TreeSet<LocalDate> holidays, TreeSet<LocalDate> daysOff) {
        LunarCalendar.LunarDate lunar = LunarCalendar.VIETNAM.lunarDate(date);
        boolean off = daysOff.contains(date);
        return RowFactory.create(Date.valueOf(date), date.getYear(), date.getMonthValue(),
                date.getDayOfWeek().getValue(), lunar.year(), lunar.month(), lunar.day(), lunar.leapMonth(),
                lunar.month() == 1 && lunar.day() == 1 && !lunar.leapMonth(), window.inWindow(date),
                holidays.contains(date), off, !off && !PublicHolidays.weekend(date));
    }

    static Dataset<Row> months(SparkSession spark, int daysBefore, int daysAfter) {
        long first = YearMonth.from(FIRST_DAY).getYear() * 12L;
        long last = YearMonth.from(LAST_DAY).getYear() * 12L + 11;
        return spark.range(first, last + 1, 1, 2).as(Encoders.LONG())
                .mapPartitions((MapPartitionsFunction<Long, Row>) monthNumbers -> {
                    TetRegressor window = new TetRegressor(ReferenceData.get().tetDates(), daysBefore, daysAfter);
                    return map(monthNumbers, number -> month(YearMonth.of((int) (number / 12), (int) (number % 12) + 1),
                            window));
                }, Encoders.row(GoldTables.DIM_CALENDAR_MONTH.structType()));
    }

    static Row month(YearMonth month, TetRegressor window) {
        LocalDate tet = ReferenceData.get().tetDates().get(month.getYear());
        double share = window.share(month);
        return RowFactory.create(month.toString(), month.getYear(), month.getMonthValue(), month.lengthOfMonth(),
                PublicHolidays.workingDays(month.getYear(), month.getMonthValue()),
                tet == null ? null : Date.valueOf(tet), window.daysBefore(), window.daysAfter(),
                (int) Math.round(share * window.windowDays()), share, window.value(month));
    }

    private static <T> Iterator<Row> map(Iterator<T> input, java.util.function.Function<T, Row> function) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                return function.apply(input.next());
            }
        };
    }
}
