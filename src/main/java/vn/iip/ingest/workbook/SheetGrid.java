package vn.iip.ingest.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import vn.iip.conform.VietnameseText;

/**
 * A sheet as a grid of texts, the way a person reads it: numbers in Vietnamese notation (decimal comma, at least the
 * decimals the cell format shows), formulas as their cached result, dates as ISO dates, and a merged header cell
 * repeated over every column it spans. Cells keep their Excel address for lineage.
 */
public final class SheetGrid {
    /** Beyond this, a sheet is not a statistical report table but a data dump; read only this many rows. */
    static final int MAX_ROWS = 20_000;
    static final int MAX_COLUMNS = 200;

    private final String sheetName;
    private final List<String[]> rows;
    private final List<boolean[]> spanned;

    private SheetGrid(String sheetName, List<String[]> rows, List<boolean[]> spanned) {
        this.sheetName = sheetName;
        this.rows = rows;
        this.spanned = spanned;
    }

    public static SheetGrid of(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        int last = Math.min(sheet.getLastRowNum(), MAX_ROWS - 1);
        List<String[]> rows = new ArrayList<>();
        List<boolean[]> spanned = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            Row row = sheet.getRow(r);
            int width = row == null ? 0 : Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
            String[] texts = new String[width];
            for (int c = 0; c < width; c++) {
                Cell cell = row.getCell(c);
                texts[c] = cell == null ? "" : text(cell, formatter);
            }
            rows.add(texts);
            spanned.add(new boolean[width]);
        }
        SheetGrid grid = new SheetGrid(sheet.getSheetName(), rows, spanned);
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            grid.spread(merged);
        }
        return grid;
    }

    /** A grid from plain texts (tests, and CSV-shaped tables). */
    public static SheetGrid of(String sheetName, List<String[]> rows) {
        List<boolean[]> spanned = rows.stream().map(r -> new boolean[r.length]).toList();
        return new SheetGrid(sheetName, new ArrayList<>(rows), new ArrayList<>(spanned));
    }

    private void spread(CellRangeAddress merged) {
        if (merged.getFirstRow() >= rows.size()) {
            return;
        }
        String value = text(merged.getFirstRow(), merged.getFirstColumn());
        for (int r = merged.getFirstRow(); r <= Math.min(merged.getLastRow(), rows.size() - 1); r++) {
            for (int c = merged.getFirstColumn(); c <= Math.min(merged.getLastColumn(), MAX_COLUMNS - 1); c++) {
                if (r == merged.getFirstRow() && c == merged.getFirstColumn()) {
                    continue;
                }
                set(r, c, value, true);
            }
        }
    }

    private void set(int r, int c, String value, boolean fromMerge) {
        String[] row = rows.get(r);
        if (c >= row.length) {
            String[] wider = java.util.Arrays.copyOf(row, c + 1);
            java.util.Arrays.fill(wider, row.length, c + 1, "");
            rows.set(r, wider);
            spanned.set(r, java.util.Arrays.copyOf(spanned.get(r), c + 1));
        }
        rows.get(r)[c] = value;
        spanned.get(r)[c] = fromMerge;
    }

    static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> VietnameseText.display(cell.getRichStringCellValue().getString());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? "date " + cell.getLocalDateTimeCellValue().toLocalDate()
                    : number(cell.getNumericCellValue(), formatter.formatRawCellContents(cell.getNumericCellValue(),
                    cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString()));
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> "error " + org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    /**
     * The stored double in Vietnamese notation, padded to the decimals the format displays (108.6 shown as
     * "108.60" was published with 2 decimals). Never grouped, so it cannot be read as a thousands separator.
     */
    static String number(double value, String displayed) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (displayed.endsWith("%")) {
            exact = exact.movePointRight(2); // 1,055 shown as "105.5%" was published as 105,5
        }
        if (exact.scale() < 0) {
            exact = exact.setScale(0);
        }
        int shown = displayed.indexOf('.') < 0 ? 0 : displayed.length() - displayed.indexOf('.') - 1
                - (displayed.endsWith("%") ? 1 : 0);
        if (shown > exact.scale() && shown <= 6) {
            exact = exact.setScale(shown);
        }
        return exact.toPlainString().replace('.', ',');
    }

    /** Every text cell rewritten (numbers, dates and errors are left alone: they hold no letters). */
    void recode(java.util.function.UnaryOperator<String> recoding) {
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (row[c] != null && row[c].chars().anyMatch(ch -> ch >= 0x80)) {
                    row[c] = VietnameseText.display(recoding.apply(row[c]));
                }
            }
        }
    }

    /** All texts of the sheet, for deciding how they were typed. */
    String allText() {
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (String cell : row) {
                text.append(cell == null ? "" : cell).append(' ');
            }
        }
        return text.toString();
    }

    public String sheetName() {
        return sheetName;
    }

    public int rowCount() {
        return rows.size();
    }

    public int width(int r) {
        return rows.get(r).length;
    }

    public String text(int r, int c) {
        String[] row = rows.get(r);
        return c < row.length && row[c] != null ? row[c] : "";
    }

    /** True when the cell only repeats a merged region's value. */
    public boolean spanned(int r, int c) {
        boolean[] row = spanned.get(r);
        return c < row.length && row[c];
    }

    public boolean blank(int r) {
        for (String text : rows.get(r)) {
            if (text != null && !text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The row's distinct texts, left to right (merged repeats dropped): a title or note line. */
    public String line(int r) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width(r); c++) {
            if (!text(r, c).isBlank() && !spanned(r, c)) {
                line.append(line.length() == 0 ? "" : " ").append(text(r, c));
            }
        }
        return line.toString();
    }

    /** Excel address, quoted as Excel does when the sheet name needs it: 'Biểu 1'!D7. */
    public String address(int r, int c) {
        return new CellReference(sheetName, r, c, false, false).formatAsString();
    }
}
