package vn.iip.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes report workbooks the way statistics offices lay them out, for golden files and the robustness corpus.
 * A cell spec is text; "=…" is a formula, "#105.5" an Excel number (shown with the decimals written), "@2021-11-30"
 * an Excel date, "%1.055" a number shown as a percentage (105.5%).
 */
public final class WorkbookWriter implements AutoCloseable {
    private final org.apache.poi.ss.usermodel.Workbook workbook;
    private Sheet sheet;

    /** An .xlsx workbook. */
    public WorkbookWriter() {
        this(false);
    }

    /** @param legacy true for the binary .xls format of Excel 97–2003, still found in older office folders */
    public WorkbookWriter(boolean legacy) {
        workbook = legacy ? new org.apache.poi.hssf.usermodel.HSSFWorkbook() : new XSSFWorkbook();
    }

    public WorkbookWriter sheet(String name) {
        sheet = workbook.createSheet(name);
        return this;
    }

    /** Writes one row at the next free index (0-based), left to right from column A. */
    public WorkbookWriter row(String... cells) {
        int index = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
        return rowAt(index, cells);
    }

    public WorkbookWriter blank() {
        int index = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
        sheet.createRow(index);
        return this;
    }

    public WorkbookWriter rowAt(int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            String spec = cells[c];
            if (spec == null || spec.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (spec.startsWith("=")) {
                cell.setCellFormula(spec.substring(1));
            } else if (spec.startsWith("#")) {
                String number = spec.substring(1);
                cell.setCellValue(Double.parseDouble(number));
                int decimals = number.contains(".") ? number.length() - number.indexOf('.') - 1 : 0;
                cell.setCellStyle(numberStyle(decimals));
            } else if (spec.startsWith("%")) {
                cell.setCellValue(Double.parseDouble(spec.substring(1)));
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
                cell.setCellStyle(style);
            } else if (spec.startsWith("@")) {
                cell.setCellValue(LocalDate.parse(spec.substring(1)));
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
                cell.setCellStyle(style);
            } else {
                cell.setCellValue(spec);
            }
        }
        return this;
    }

    public WorkbookWriter merge(String range) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(range));
        return this;
    }

    /** Computes cached results so readers see formula values, as a workbook saved by Excel has them. */
    public WorkbookWriter evaluateFormulas() {
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return this;
    }

    private CellStyle numberStyle(int decimals) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals)));
        return style;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
