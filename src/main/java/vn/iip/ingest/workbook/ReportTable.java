package vn.iip.ingest.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.iip.conform.VietnameseText;

/**
 * One report table found in a sheet by its content: the header block (one row, or two with merged cells), the label
 * columns on the left, the value columns whose headers name a period, and the data rows below. Found by looking
 * for headers that compare ("so với …") or, in product tables, name periods next to a unit column.
 */
public record ReportTable(int headerFirstRow, int headerLastRow, int firstValueColumn, int unitColumn,
                          Map<Integer, String> headers, Map<Integer, HeaderText> valueColumns,
                          List<Integer> dataRows, List<String> ignoredColumns) {

    /** Tables of the sheet, top to bottom; empty when nothing in the sheet looks like a report table. */
    public static List<ReportTable> find(SheetGrid grid) {
        List<ReportTable> tables = new ArrayList<>();
        int r = 0;
        while (r < grid.rowCount()) {
            if (!isHeaderRow(grid, r)) {
                r++;
                continue;
            }
            int first = r > 0 && isHeaderAbove(grid, r - 1) ? r - 1 : r;
            int last = r;
            while (last + 1 < grid.rowCount() && isHeaderContinuation(grid, last + 1)) {
                last++;
            }
            int end = last + 1;
            while (end < grid.rowCount() && !isHeaderRow(grid, end)) {
                end++;
            }
            tables.add(build(grid, first, last, end));
            r = end;
        }
        return tables;
    }

    private static ReportTable build(SheetGrid grid, int first, int last, int end) {
        int width = 0;
        for (int r = first; r < end; r++) {
            width = Math.max(width, grid.width(r));
        }
        Map<Integer, String> headers = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            StringBuilder text = new StringBuilder();
            String previous = null;
            for (int r = first; r <= last; r++) {
                String cell = grid.text(r, c);
                if (!cell.isBlank() && !cell.equals(previous)) {
                    text.append(text.length() == 0 ? "" : " ").append(cell);
                }
                previous = cell;
            }
            headers.put(c, text.toString());
        }
        Map<Integer, HeaderText> valueColumns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        int unitColumn = -1;
        int firstValue = -1;
        for (Map.Entry<Integer, String> header : headers.entrySet()) {
            String words = VietnameseText.words(header.getValue());
            if (words.startsWith("don vi tinh") || words.equals("dvt") || words.equals("don vi")) {
                unitColumn = header.getKey();
                continue;
            }
            HeaderText meaning = header.getKey() == 0 ? null : HeaderText.parse(header.getValue());
            if (meaning != null) {
                valueColumns.put(header.getKey(), meaning);
                firstValue = firstValue < 0 ? header.getKey() : firstValue;
            } else if (firstValue >= 0 && !header.getValue().isBlank()) {
                ignored.add(grid.address(first, header.getKey()).replaceAll("\\d+$", "") + " '" + header.getValue()
                        + "'");
            }
        }
        List<Integer> dataRows = new ArrayList<>();
        for (int r = last + 1; r < end; r++) {
            if (!grid.blank(r) && !(r == last + 1 && isColumnNumbering(grid, r))) {
                dataRows.add(r);
            }
        }
        return new ReportTable(first, last, firstValue, unitColumn, headers, valueColumns, dataRows, ignored);
    }

    /** List bullets and numbering in front of a label ("- ", "1. ", "II. ", "a) "), footnote marks after it. */
    private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile(
            "^(?:[-+•*–—]+|\\d{1,2}[.)]|[IVX]{1,4}[.)]|[a-z][.)])\\s+");
    private static final java.util.regex.Pattern FOOTNOTE = java.util.regex.Pattern.compile(
            "\\s*(?:\\(\\*+\\)|\\*+|\\(\\d\\))$");

    /**
     * The row label: every text left of the value columns (a code column and a name column join: "B Khai khoáng"),
     * without list bullets, numbering or footnote marks.
     */
    public String label(SheetGrid grid, int row) {
        StringBuilder label = new StringBuilder();
        int stop = firstValueColumn < 0 ? grid.width(row) : firstValueColumn;
        for (int c = 0; c < stop; c++) {
            if (isRowNumbering(grid, c)) {
                continue;
            }
            String text = FOOTNOTE.matcher(BULLET.matcher(grid.text(row, c).trim()).replaceFirst("")).replaceFirst("");
            if (c != unitColumn && !text.isBlank()) {
                label.append(label.length() == 0 ? "" : " ").append(text);
            }
        }
        return label.toString();
    }

    public boolean hasValues(SheetGrid grid, int row) {
        return valueColumns.keySet().stream().anyMatch(c -> !grid.text(row, c).isBlank());
    }

    /**
     * A "STT" (số thứ tự) column: headed so, or counting 1, 2, 3… down the data rows. Its numbers are not codes, and
     * joined to a name they would hide it ("1 Tỉnh Bến Tre").
     */
    private boolean isRowNumbering(SheetGrid grid, int column) {
        String header = VietnameseText.words(headers.getOrDefault(column, ""));
        if (java.util.List.of("stt", "tt", "so tt", "so thu tu", "no", "thu tu").contains(header)) {
            return true;
        }
        int expected = 1;
        for (int row : dataRows) {
            String text = grid.text(row, column).trim().replaceAll("\\.$", "");
            if (text.isEmpty()) {
                continue;
            }
            if (!text.equals(String.valueOf(expected))) {
                return false;
            }
            expected++;
        }
        return expected > 3;
    }

    static boolean isHeaderRow(SheetGrid grid, int r) {
        int periods = 0;
        boolean compares = false;
        boolean unit = false;
        int otherNumbers = 0;
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int c = 0; c < grid.width(r); c++) {
            if (!grid.text(r, c).isBlank()) {
                distinct.add(grid.text(r, c));
            }
        }
        for (int c = 1; c < grid.width(r); c++) {
            if (grid.spanned(r, c) && grid.text(r, c).equals(grid.text(r, 0))) {
                continue; // a title merged across the table, not a header
            }
            String words = VietnameseText.words(grid.text(r, c));
            unit |= words.startsWith("don vi tinh") || words.equals("dvt");
            if (words.contains("so voi") || words.contains("cung ky") || words.contains("thang truoc")) {
                compares = true;
            }
            String text = grid.text(r, c).trim();
            HeaderText header = HeaderText.parse(text);
            if (header != null && header.period() != null && (!looksNumeric(text) || isYear(text))) {
                periods++;
            } else if (looksNumeric(text)) {
                otherNumbers++;
            }
        }
        if (distinct.size() == 1 && !compares) {
            return false; // one text, merged or not: a title ("CHỈ SỐ … THÁNG 11 VÀ 11 THÁNG NĂM 2021")
        }
        return compares || (unit && periods >= 1) || periods >= 2 && otherNumbers == 0;
    }

    /** A year written as a number ("2019" in a yearbook's header row), not a figure. */
    static boolean isYear(String text) {
        return text.matches("(19|20)\\d{2}");
    }

    /** A row above the header that holds header text over the value columns (a merged "Tháng 11 năm 2021"). */
    private static boolean isHeaderAbove(SheetGrid grid, int r) {
        for (int c = 1; c < grid.width(r); c++) {
            String text = grid.text(r, c);
            if (!text.isBlank() && !(grid.spanned(r, c) && grid.text(r, 0).equals(text))
                    && !VietnameseText.words(text).startsWith("don vi tinh") && !looksNumeric(text)) {
                return true;
            }
        }
        return false;
    }

    /** A second header row: no row label, only words or years (no figures) under the header. */
    private static boolean isHeaderContinuation(SheetGrid grid, int r) {
        if (grid.blank(r) || !grid.text(r, 0).isBlank() && !grid.spanned(r, 0)) {
            return false;
        }
        for (int c = 1; c < grid.width(r); c++) {
            if (looksNumeric(grid.text(r, c)) && !isYear(grid.text(r, c).trim())) {
                return false;
            }
        }
        return true;
    }

    /** The "A | 1 | 2 | 3" row many offices print under the header. */
    private static boolean isColumnNumbering(SheetGrid grid, int r) {
        int cells = 0;
        for (int c = 0; c < grid.width(r); c++) {
            String text = grid.text(r, c).trim();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.matches("\\(?([A-Za-z]|\\d{1,2})\\)?")) {
                return false;
            }
            cells++;
        }
        return cells >= 2;
    }

    static boolean looksNumeric(String text) {
        return text.trim().matches("[-+]?[\\d.,]+%?");
    }
}
