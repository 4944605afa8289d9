package vn.iip.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Iterator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * An Excel workbook written as the rows stream in (POI's SXSSF keeps a window of rows in memory, the rest on disk):
 * one sheet, a bold header row frozen at the top, numbers, booleans, dates and UTC times as typed cells.
 */
final class XlsxOutput {
    private XlsxOutput() {}

    /** Excel's rows per sheet, the header included. */
    static final int MAX_ROWS = 1_048_576;

    static long write(OutputStream out, StructType schema, Iterator<Row> rows, String sheetName) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            var header = sheet.createRow(0);
            for (int i = 0; i < schema.fields().length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(schema.fields()[i].name());
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            long count = 0;
            while (rows.hasNext()) {
                if (count + 1 >= MAX_ROWS) {
                    throw new vn.iip.IipException("The export has more than " + (MAX_ROWS - 1) + " rows, Excel's"
                            + " limit for a sheet; narrow it with --sql (a period, a geography) or use --format csv");
                }
                Row row = rows.next();
                var line = sheet.createRow((int) ++count);
                for (int i = 0; i < row.size(); i++) {
                    if (!row.isNullAt(i)) {
                        cell(line.createCell(i), row.get(i), date, time);
                    }
                }
            }
            workbook.write(out);
            return count;
        }
    }

    private static void cell(Cell cell, Object value, CellStyle date, CellStyle time) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
        } else if (value instanceof Date day) {
            cell.setCellValue(day.toLocalDate());
            cell.setCellStyle(date);
        } else if (value instanceof Timestamp instant) {
            cell.setCellValue(instant.toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime());
            cell.setCellStyle(time);
        } else {
            cell.setCellValue(CsvOutput.text(value));
        }
    }
}
