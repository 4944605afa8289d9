package vn.iip.conform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses reference periods: {@code YYYY}, {@code YYYY-MM} (also {@code YYYY-M}, {@code YYYYMmm}, {@code MM/YYYY}), {@code YYYY-Qn}. */
public final class Periods {
    private Periods() {}

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-M/.](\\d{1,2})");
    private static final Pattern MONTH_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[- ]?Q([1-4])");
    private static final Pattern QUARTER_FIRST = Pattern.compile("Q([1-4])[-/ ](\\d{4})");
    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2100;

    public static Outcome<Period> parse(String raw) {
        String text = raw == null ? "" : raw.trim().toUpperCase(java.util.Locale.ROOT);
        Matcher m;
        if ((m = YEAR.matcher(text)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return year(year, raw, () -> Period.ofYear(year));
        }
        if ((m = MONTH.matcher(text)).matches() || (m = MONTH_FIRST.matcher(text)).matches()) {
            boolean yearFirst = m.pattern() == MONTH;
            int year = Integer.parseInt(m.group(yearFirst ? 1 : 2));
            int month = Integer.parseInt(m.group(yearFirst ? 2 : 1));
            if (month < 1 || month > 12) {
                return invalid(raw, "month " + month + " does not exist");
            }
            return year(year, raw, () -> Period.ofMonth(year, month));
        }
        if ((m = QUARTER.matcher(text)).matches() || (m = QUARTER_FIRST.matcher(text)).matches()) {
            boolean yearFirst = m.pattern() == QUARTER;
            int year = Integer.parseInt(m.group(yearFirst ? 1 : 2));
            int quarter = Integer.parseInt(m.group(yearFirst ? 2 : 1));
            return year(year, raw, () -> Period.ofQuarter(year, quarter));
        }
        return invalid(raw, "it is not a year, month or quarter");
    }

    private static Outcome<Period> year(int year, String raw, java.util.function.Supplier<Period> period) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return invalid(raw, "year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        return Outcome.ok(period.get());
    }

    private static Outcome<Period> invalid(String raw, String cause) {
        return Outcome.rejected(Rules.PERIOD_INVALID, "period '" + raw + "' cannot be read: " + cause
                + "; write YYYY, YYYY-MM or YYYY-Qn (e.g. 2021, 2021-11, 2021-Q4)");
    }
}
