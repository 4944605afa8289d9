package vn.iip.ingest.workbook;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.iip.conform.Rules;
import vn.iip.conform.VietnameseText;
import vn.iip.ingest.ExtractReaders;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.ingest.ReleaseMetadata;
import vn.iip.ingest.Sha256;

/**
 * Reads GSO/NSO and provincial report workbooks (.xlsx, also legacy .xls): every sheet is searched for report tables
 * by content (WorkbookTables says which kind), and every published value cell becomes one row of the long format,
 * placed by its Excel address ('Biểu 1'!D7). Sheets without a table are named in the file's reader notes. Release
 * date, publisher and status come from the sidecar, else from the workbook's title and note lines.
 */
public final class WorkbookReader {
    private WorkbookReader() {}

    public static final String FORMAT = "workbook";

    public static ParsedExtract read(String path, byte[] content, Map<String, String> sidecar) {
        String sha256 = Sha256.hex(content);
        ZipIntegrity.Damage damage = ZipIntegrity.check(content);
        if (damage != null) {
            return new ParsedExtract(path, content.length, sha256, FORMAT, null, null, damage.rule(), damage.reason(),
                    List.of(), null);
        }
        List<SheetGrid> grids = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                try {
                    grids.add(SheetGrid.of(sheet));
                } catch (RuntimeException e) {
                    notes.add("sheet '" + sheet.getSheetName() + "' skipped: it cannot be read (" + e + ")");
                }
            }
        } catch (org.apache.poi.EncryptedDocumentException e) {
            return rejected(path, content, sha256, "the workbook is password-protected; save an unprotected copy");
        } catch (Exception | LinkageError e) {
            String zipBomb = ZipBomb.describe(e);
            if (zipBomb != null) {
                return new ParsedExtract(path, content.length, sha256, FORMAT, null, null, Rules.FILE_ZIP_BOMB,
                        zipBomb, List.of(), null);
            }
            return rejected(path, content, sha256, "the workbook cannot be opened (" + e.getClass().getSimpleName()
                    + ": " + firstLine(e.getMessage()) + "); it is damaged or not an Excel file: re-save it as .xlsx");
        }
        String encoding = LegacyFontText.recodeIfTcvn3(grids);
        List<SheetTables> found = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (SheetGrid grid : grids) {
            SheetTables tables = SheetTables.of(grid);
            lines.addAll(tables.lines());
            if (tables.tables().isEmpty()) {
                notes.add("sheet '" + grid.sheetName() + "' skipped: " + (tables.lines().isEmpty() ? "it is empty"
                        : "no IIP, provincial or product table (no column header names a period or says 'so với …')"));
            } else {
                found.add(tables);
            }
        }
        if (found.isEmpty()) {
            return new ParsedExtract(path, content.length, sha256, FORMAT, encoding, null, Rules.FILE_UNSUPPORTED,
                    "the workbook holds no IIP, provincial or product table: " + String.join("; ", notes), List.of(),
                    String.join("; ", notes));
        }
        Release release = Release.of(sidecar, lines, ExtractReaders.fileName(path));
        List<RawRecord> rows = new ArrayList<>();
        for (SheetTables sheet : found) {
            for (int t = 0; t < sheet.tables().size(); t++) {
                TableCells.emit(sheet, t, release, rows, notes);
            }
        }
        String fileRule = release.date() == null ? Rules.FILE_RELEASE_DATE_MISSING : null;
        String fileMessage = release.date() == null ? "no release date: the workbook's titles and notes give none"
                + " (e.g. 'Ngày công bố: 29/11/2021') and there is no sidecar; add " + ExtractReaders.fileName(path)
                + ReleaseMetadata.SIDECAR_SUFFIX + " with release_date=YYYY-MM-DD next to it" : null;
        if (fileRule != null) {
            rows.replaceAll(r -> new RawRecord(r.rowNumber(), r.place(), r.rawText(), r.fields(), fileRule,
                    fileMessage));
        }
        return new ParsedExtract(path, content.length, sha256, FORMAT, encoding, null, fileRule, fileMessage, rows,
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** For {@code iip inspect}: each sheet's tables, their kind, header rows and value columns with their periods. */
    public static List<String> describe(byte[] content) {
        List<String> lines = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<SheetGrid> grids = new ArrayList<>();
            workbook.forEach(sheet -> grids.add(SheetGrid.of(sheet)));
            LegacyFontText.recodeIfTcvn3(grids); // as read() does, so a .Vn-font workbook is described as it is read
            for (SheetGrid sheetGrid : grids) {
                SheetTables tables = SheetTables.of(sheetGrid);
                for (int t = 0; t < tables.tables().size(); t++) {
                    ReportTable table = tables.tables().get(t);
                    SheetGrid grid = tables.grid();
                    List<String> title = tables.titles().get(t);
                    String period = period(table, title);
                    lines.add(String.format("sheet '%s', header row(s) %d–%d, %d data row(s): %s", sheetGrid.sheetName(),
                            table.headerFirstRow() + 1, table.headerLastRow() + 1, table.dataRows().size(),
                            table.valueColumns().isEmpty() || period == null ? "no value columns, or no period"
                                    : TableCells.kind(grid, table, title, period).description()));
                    table.valueColumns().forEach((column, header) -> lines.add(String.format(
                            "  column %s '%s' -> period %s%s%s", grid.address(table.headerFirstRow(), column)
                                    .replaceAll("\\d+$", ""), table.headers().get(column), header.period() != null
                                    ? header.period() : period + " (from the title)",
                            header.yearToDate() ? " (year to date)" : "", header.status() == null
                                    || header.status().isEmpty() ? "" : ", status " + header.status())));
                }
            }
        } catch (Exception e) {
            String zipBomb = ZipBomb.describe(e);
            lines.add("cannot be opened: " + (zipBomb != null ? Rules.FILE_ZIP_BOMB + ": " + zipBomb
                    : firstLine(e.getMessage())));
        }
        return lines;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static ParsedExtract rejected(String path, byte[] content, String sha256, String why) {
        return new ParsedExtract(path, content.length, sha256, FORMAT, null, null, Rules.FILE_UNSUPPORTED, why,
                List.of(), null);
    }

    private static String period(ReportTable table, List<String> title) {
        return table.valueColumns().values().stream().map(HeaderText::period).filter(java.util.Objects::nonNull)
                .findFirst().orElse(HeaderText.periodIn(title));
    }


    /** What every figure of the workbook shares; the sidecar overrides what the text says. */
    record Release(String date, String publisher, String status, String source, Map<String, String> sidecar) {
        static Release of(Map<String, String> sidecar, List<String> lines, String fileName) {
            String date = sidecar.getOrDefault("release_date", ReleaseMetadata.releaseDate(lines));
            String publisher = sidecar.getOrDefault("publisher", ReleaseMetadata.publisher(lines));
            String status = sidecar.getOrDefault("status", ReleaseMetadata.status(lines));
            String source = sidecar.getOrDefault("source", fileName);
            return new Release(date, publisher == null ? "" : publisher, status, source, sidecar);
        }

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("release_date", date == null ? "" : date);
            fields.put("publisher", publisher);
            fields.put("source", source);
            return fields;
        }
    }

    /** A sheet's tables with their title lines, and every line of the sheet that is not a table cell. */
    record SheetTables(SheetGrid grid, List<ReportTable> tables, List<List<String>> titles, List<String> lines) {
        static SheetTables of(SheetGrid grid) {
            List<ReportTable> tables = ReportTable.find(grid);
            List<List<String>> titles = new ArrayList<>();
            java.util.Set<Integer> tableRows = new java.util.HashSet<>();
            int previousEnd = 0;
            for (ReportTable table : tables) {
                List<String> title = new ArrayList<>();
                for (int r = previousEnd; r < table.headerFirstRow(); r++) {
                    if (!grid.blank(r)) {
                        title.add(grid.line(r));
                    }
                }
                titles.add(title);
                for (int r = table.headerFirstRow(); r <= table.headerLastRow(); r++) {
                    tableRows.add(r);
                }
                for (int r : table.dataRows()) {
                    if (table.hasValues(grid, r)) {
                        tableRows.add(r);
                    }
                }
                previousEnd = table.dataRows().isEmpty() ? table.headerLastRow() + 1
                        : table.dataRows().get(table.dataRows().size() - 1) + 1;
            }
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < grid.rowCount(); r++) {
                if (!tableRows.contains(r) && !grid.blank(r)) {
                    lines.add(grid.line(r));
                    // Each cell too: "TỔNG CỤC THỐNG KÊ" and "Hà Nội, ngày 29 tháng 3 năm 2021" often share a row.
                    for (int c = 0; c < grid.width(r); c++) {
                        if (!grid.text(r, c).isBlank() && !grid.spanned(r, c) && !grid.text(r, c).equals(grid.line(r))) {
                            lines.add(grid.text(r, c));
                        }
                    }
                }
            }
            return new SheetTables(grid, tables, titles, lines);
        }
    }

    /** The first date of a period label, to read geography in the version of its time. */
    static LocalDate periodStart(String period) {
        if (period.matches("\\d{4}-\\d{2}")) {
            return LocalDate.parse(period + "-01");
        }
        if (period.matches("\\d{4}-Q[1-4]")) {
            return LocalDate.of(Integer.parseInt(period.substring(0, 4)), (period.charAt(6) - '1') * 3 + 1, 1);
        }
        return LocalDate.of(Integer.parseInt(period.substring(0, 4)), 1, 1);
    }

    static String words(List<String> lines) {
        return VietnameseText.words(String.join(" ", lines));
    }
}
