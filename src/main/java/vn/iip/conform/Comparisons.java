package vn.iip.conform;

import java.util.Map;

/**
 * Reads the comparison column: codes (mom, yoy, ytd_yoy, q_yoy, annual_yoy), English forms, and the Vietnamese
 * phrases of GSO tables ("so với tháng trước", "so với cùng kỳ năm trước", "cộng dồn", "tính chung N tháng"...).
 * A phrase that only says "so với cùng kỳ" takes its meaning from the period type.
 */
public final class Comparisons {
    private Comparisons() {}

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("mom", Comparison.MOM), Map.entry("m m", Comparison.MOM), Map.entry("month on month", Comparison.MOM),
            Map.entry("yoy", Comparison.YOY), Map.entry("y y", Comparison.YOY), Map.entry("year on year", Comparison.YOY),
            Map.entry("ytd yoy", Comparison.YTD_YOY), Map.entry("ytd", Comparison.YTD_YOY),
            Map.entry("year to date", Comparison.YTD_YOY), Map.entry("cumulative", Comparison.YTD_YOY),
            Map.entry("q yoy", Comparison.Q_YOY), Map.entry("quarter yoy", Comparison.Q_YOY),
            Map.entry("annual yoy", Comparison.ANNUAL_YOY), Map.entry("annual", Comparison.ANNUAL_YOY));

    private static final java.util.regex.Pattern MONTH_VS_MONTH = java.util.regex.Pattern.compile(
            "thang (\\d{1,2}) (?:nam )?(\\d{4}) so voi thang (\\d{1,2}) (?:nam )?(\\d{4})");

    public static Outcome<Comparison> resolve(String raw, String periodType) {
        String words = VietnameseText.words(raw);
        boolean contribution = false;
        if (words.endsWith(" contrib pp")) {
            words = words.substring(0, words.length() - " contrib pp".length());
            contribution = true;
        }
        boolean inferred = false;
        for (String marker : new String[] {"unspecified ", " implied", " inferred"}) {
            if (words.contains(marker.trim()) && (words.startsWith(marker) || words.endsWith(marker))) {
                words = words.replace(marker.trim(), "").trim();
                inferred = true;
            }
        }
        String code = CODES.get(words);
        if (code == null) {
            code = fromVietnamese(words, periodType);
            String stray = code == null ? null : strayWord(words);
            if (stray != null) {
                // A damaged or foreign word can hide the words that decide ("11 thánw năm 2021 so với cùng kỳ" is
                // an 11-month figure whose "tháng" is gone): the phrase is not read rather than misread.
                return Outcome.rejected(Rules.COMPARISON_UNKNOWN, "comparison '" + raw + "' has the word '"
                        + asWritten(raw, stray)
                        + "', which is not part of any comparison wording, so what it compares cannot be told safely;"
                        + " correct the wording (e.g. 'so với cùng kỳ năm trước') or use mom, yoy, ytd_yoy, q_yoy or"
                        + " annual_yoy");
            }
        }
        if (code == null) {
            return Outcome.rejected(Rules.COMPARISON_UNKNOWN, "comparison '" + raw + "' is not known; use mom, yoy,"
                    + " ytd_yoy, q_yoy or annual_yoy (or GSO's wording, e.g. 'so với cùng kỳ năm trước')");
        }
        code = forPeriodType(code, periodType);
        String expected = Comparison.periodTypeOf(code);
        if (!expected.equals(periodType)) {
            return Outcome.rejected(Rules.COMPARISON_PERIOD_MISMATCH, "comparison '" + raw + "' (" + code + ") needs a "
                    + expected + " period but the period is a " + periodType
                    + "; ytd_yoy takes the last month of the window (2021-11 = Jan–Nov 2021)");
        }
        return Outcome.ok(new Comparison(code, inferred, contribution));
    }

    /** "yoy" of a quarter is the same quarter a year earlier; of a year (like a 12-month ytd) the previous year. */
    private static String forPeriodType(String code, String periodType) {
        if (Comparison.YOY.equals(code) && Period.QUARTER.equals(periodType)) {
            return Comparison.Q_YOY;
        }
        if ((Comparison.YOY.equals(code) || Comparison.YTD_YOY.equals(code)) && Period.YEAR.equals(periodType)) {
            return Comparison.ANNUAL_YOY;
        }
        return code;
    }

    private static String asWritten(String raw, String folded) {
        for (String token : raw.split("[\\s,;:()]+")) {
            if (VietnameseText.words(token).equals(folded)) {
                return token;
            }
        }
        return folded;
    }

    /** "11 tháng …" counts months (a cumulative figure); a count followed by another word counts nothing known. */
    private static final java.util.regex.Pattern LEADING_COUNT = java.util.regex.Pattern.compile("^\\d{1,2} (\\S+) .*");

    /**
     * The word after a leading count when it is not "tháng": "11 thánw năm 2021 so với cùng kỳ" is an 11-month
     * figure whose "tháng" was damaged, and reading the rest ("so với cùng kỳ") would make it a single month.
     */
    static String strayWord(String words) {
        java.util.regex.Matcher count = LEADING_COUNT.matcher(words);
        return count.matches() && !count.group(1).equals("thang") ? count.group(1) : null;
    }

    private static String fromVietnamese(String words, String periodType) {
        java.util.regex.Matcher months = MONTH_VS_MONTH.matcher(words);
        if (months.find()) {
            // "Tháng 02/2009 so với tháng 01/2009": the two months say which comparison it is.
            int month = Integer.parseInt(months.group(1));
            int year = Integer.parseInt(months.group(2));
            int baseMonth = Integer.parseInt(months.group(3));
            int baseYear = Integer.parseInt(months.group(4));
            if (month == baseMonth && year == baseYear + 1) {
                return Comparison.YOY;
            }
            boolean previous = year * 12 + month - 1 == baseYear * 12 + baseMonth;
            return previous ? Comparison.MOM : null;
        }
        if (words.contains("so voi thang truoc") || words.contains("thang truoc 100")) {
            return Comparison.MOM;
        }
        if (words.contains("cung thang nam truoc")) {
            return Comparison.YOY;
        }
        if (words.contains("cong don") || words.contains("tinh chung") || words.matches("(.* )?\\d{1,2} thang( dau)? (nam )?\\d{4}.*")
                || words.matches("^\\d+ thang.*")
                || words.contains("luy ke")) {
            return Comparison.YTD_YOY;
        }
        if (words.contains("quy") && words.contains("cung ky")) {
            return Comparison.Q_YOY;
        }
        if (words.contains("so voi nam truoc") || words.matches(".*\\bnam \\d{4} so voi nam \\d{4}.*")) {
            return Comparison.ANNUAL_YOY;
        }
        if (words.contains("cung ky")) {
            return switch (periodType) {
                case Period.QUARTER -> Comparison.Q_YOY;
                case Period.YEAR -> Comparison.ANNUAL_YOY;
                default -> Comparison.YOY;
            };
        }
        if (words.contains("nam truoc 100")) {
            return Comparison.ANNUAL_YOY; // "Năm trước = 100": PX-Web's annual tables
        }
        return null;
    }
}
