package vn.iip.conform;

import java.time.LocalDate;
import java.time.YearMonth;

/** A reference period: a month, a quarter or a year, with its canonical label ("2021-11", "2021-Q4", "2021"). */
public record Period(String label, String type, int year, Integer quarter, Integer month, LocalDate start, LocalDate end) {
    public static final String MONTH = "month";
    public static final String QUARTER = "quarter";
    public static final String YEAR = "year";

    public static Period ofMonth(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new Period(String.format("%04d-%02d", year, month), MONTH, year, (month - 1) / 3 + 1, month,
                ym.atDay(1), ym.atEndOfMonth());
    }

    public static Period ofQuarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, quarter * 3 - 2, 1);
        return new Period(year + "-Q" + quarter, QUARTER, year, quarter, null, start,
                YearMonth.of(year, quarter * 3).atEndOfMonth());
    }

    public static Period ofYear(int year) {
        return new Period(Integer.toString(year), YEAR, year, null, null, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }
}
