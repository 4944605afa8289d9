package vn.iip.ingest.workbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.conform.VietnameseText;

/**
 * What a column header of a GSO/NSO report table says: the period, whether it is a year-to-date window, the status
 * word in front ("Ước tính tháng 6…", "Sơ bộ 2024") and, when it compares ("… so với cùng kỳ năm trước"), the
 * comparison phrase, left for conform to read. Pure; tolerant of the wording variants offices use.
 */
public record HeaderText(String period, boolean yearToDate, String status, String comparison) {

    private static final Pattern YEAR_TO_DATE = Pattern.compile(
            "(?:^|\\b)(?:cong don |tinh chung |luy ke )?(\\d{1,2}) thang (?:dau )?(?:nam )?(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("thang (\\d{1,2}) (?:nam )?(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("quy (iv|iii|ii|i|[1-4]) (?:nam )?(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:^|\\bnam )(\\d{4})\\b");
    private static final Pattern BARE_YEAR = Pattern.compile("(?:^|\\s)(\\d{4})(?:\\s|$)");

    /**
     * Null when the text neither names a period nor compares (a label column, "Đơn vị tính", "Quyền số"). A header
     * that only compares ("So với tháng trước") has a null period: the table's title names it.
     */
    public static HeaderText parse(String header) {
        String words = VietnameseText.words(header);
        String status = null;
        if (words.startsWith("uoc tinh") || words.startsWith("uoc ") || words.contains(" uoc tinh")) {
            status = "ước tính";
        } else if (words.startsWith("so bo") || words.endsWith(" so bo")) {
            status = "sơ bộ";
        } else if (words.startsWith("chinh thuc")) {
            status = "chính thức";
        } else if (words.startsWith("thuc hien")) {
            status = ""; // an actual, not an estimate: the report's "ước tính" note does not apply
        }
        String comparison = words.contains("so voi") || words.contains("cung ky") ? VietnameseText.display(header)
                : null;
        String period = null;
        boolean yearToDate = false;
        Matcher m = YEAR_TO_DATE.matcher(words);
        if (m.find() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 12
                && !words.substring(0, m.start(1)).endsWith("thang ")) {
            period = m.group(2) + "-" + twoDigits(m.group(1));
            yearToDate = true;
        } else if ((m = MONTH.matcher(words)).find()) {
            period = m.group(2) + "-" + twoDigits(m.group(1));
        } else if ((m = QUARTER.matcher(words)).find()) {
            period = m.group(2) + "-Q" + quarter(m.group(1));
        } else if ((m = YEAR.matcher(words)).find() || (m = BARE_YEAR.matcher(words)).find()) {
            period = m.group(1);
        }
        if (period == null && comparison == null) {
            return null;
        }
        return new HeaderText(period, yearToDate, status, comparison);
    }

    /** The first period named in the lines (a table title: "CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 11 NĂM 2021"). */
    public static String periodIn(java.util.List<String> lines) {
        for (String line : lines) {
            // "Hà Nội, ngày 06 tháng 9 năm 2021" dates the release, it does not name the table's period.
            String undated = line.replaceAll("(?iu)ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}", "")
                    .replaceAll("\\d{1,2}/\\d{1,2}/\\d{4}", "");
            HeaderText text = parse(undated);
            if (text != null && text.period() != null) {
                return text.period();
            }
        }
        return null;
    }

    private static String twoDigits(String month) {
        return month.length() == 1 ? "0" + month : month;
    }

    private static int quarter(String roman) {
        return switch (roman) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            default -> 4;
        };
    }
}
