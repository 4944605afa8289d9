package vn.iip.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.conform.VietnameseText;

/**
 * What an office file says about its own release — the day it was published, who published it, the status — found
 * in its title and note lines ("Ngày công bố: 29/11/2021", "Nguồn: Tổng cục Thống kê", "Số liệu ước tính"), or given
 * by a sidecar {@code FILE.release.properties} next to it. The sidecar wins. File modification times are never used:
 * copying a file changes them.
 */
public final class ReleaseMetadata {
    private ReleaseMetadata() {}

    /** Sidecar name suffix: {@code nov-2021.xlsx} is described by {@code nov-2021.xlsx.release.properties}. */
    public static final String SIDECAR_SUFFIX = ".release.properties";
    /** Keys a sidecar may set (README, Input). Anything else is a typo the user must hear about. */
    public static final Set<String> SIDECAR_KEYS = Set.of("release_date", "publisher", "status", "source", "geo",
            "industry", "comparison", "unit", "measure");

    private static final Pattern DAY_MONTH_YEAR_WORDS = Pattern.compile(
            "ngay (\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<![\\d/])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?![\\d/])");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern SOURCE_LINE = Pattern.compile("^\\s*(?:nguồn|nguon|source|đơn vị công bố|cơ quan công bố)"
            + "\\s*(?:số liệu)?\\s*[:：]\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> OFFICE_NAMES = List.of("tong cuc thong ke", "cuc thong ke", "bo cong thuong",
            "general statistics office", "national statistics office");

    /** Parses a sidecar; an unknown key or an unreadable file is an error the caller reports on the data file. */
    public static Map<String, String> parseSidecar(byte[] bytes) throws IllegalArgumentException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "")));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the sidecar cannot be read as key=value lines: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String normalised = key.trim().toLowerCase(java.util.Locale.ROOT);
            if (!SIDECAR_KEYS.contains(normalised)) {
                throw new IllegalArgumentException("the sidecar sets unknown key '" + key + "'; known keys are "
                        + String.join(", ", new java.util.TreeSet<>(SIDECAR_KEYS)));
            }
            values.put(normalised, properties.getProperty(key).trim());
        }
        return values;
    }

    /** The first publication date written in the lines, as YYYY-MM-DD, or null. Labelled dates come first. */
    public static String releaseDate(List<String> lines) {
        for (boolean labelledOnly : new boolean[] {true, false}) {
            for (String line : lines) {
                String words = VietnameseText.words(line);
                boolean labelled = words.contains("cong bo") || words.contains("phat hanh") || words.contains("release")
                        || words.contains("cap nhat") || words.contains("updated")
                        || words.contains("published");
                if (labelledOnly && !labelled) {
                    continue;
                }
                String date = date(line);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    static String date(String line) {
        Matcher m = DAY_MONTH_YEAR_WORDS.matcher(VietnameseText.words(line));
        if (m.find()) {
            return iso(m.group(3), m.group(2), m.group(1));
        }
        m = ISO_DATE.matcher(line);
        if (m.find()) {
            return iso(m.group(1), m.group(2), m.group(3));
        }
        m = DAY_MONTH_YEAR.matcher(line);
        if (m.find()) {
            return iso(m.group(3), m.group(2), m.group(1));
        }
        return null;
    }

    private static String iso(String year, String month, String day) {
        try {
            return java.time.LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                    .toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** "Nguồn: Tổng cục Thống kê" → "Tổng cục Thống kê"; else an office named in a line on its own; else null. */
    public static String publisher(List<String> lines) {
        for (String line : lines) {
            Matcher m = SOURCE_LINE.matcher(VietnameseText.display(line));
            if (m.matches()) {
                return m.group(1).replaceAll("[.;]+$", "").trim();
            }
        }
        for (String line : lines) {
            String words = VietnameseText.words(line);
            if (OFFICE_NAMES.stream().anyMatch(words::startsWith) && words.split(" ").length <= 8) {
                return VietnameseText.display(line);
            }
        }
        return null;
    }

    /**
     * The comparison a table's title states for all its columns ("(Năm trước = 100)", "so với cùng kỳ", "same period
     * previous year = 100", "previous month"), as a phrase conform reads; when it states none, a year is taken as
     * compared with the previous year and marked inferred, and anything else is left for conform to reject.
     */
    public static String comparisonInTitle(String title) {
        String words = VietnameseText.words(title);
        if (words.contains("thang truoc") || words.contains("previous month")) {
            return "mom";
        }
        if (words.contains("cung ky") || words.contains("same period") || words.contains("same month")) {
            return "so với cùng kỳ";
        }
        if (words.contains("nam truoc 100") || words.contains("so voi nam truoc") || words.contains("previous year")) {
            return "annual_yoy";
        }
        return "unspecified_annual_yoy_implied";
    }

    /** estimate / preliminary when the lines say "ước tính" / "sơ bộ"; null when they say nothing. */
    public static String status(List<String> lines) {
        for (String line : lines) {
            String words = VietnameseText.words(line);
            if (words.contains("uoc tinh")) {
                return "ước tính";
            }
            if (words.contains("so bo")) {
                return "sơ bộ";
            }
        }
        return null;
    }
}
