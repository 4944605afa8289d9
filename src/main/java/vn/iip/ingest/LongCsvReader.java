package vn.iip.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.iip.conform.Rules;

/**
 * Reads the long extract format (one published figure per row; README "Input"): detects encoding and delimiter,
 * checks the header, and returns every non-blank data row with its line number. Knows nothing of provinces or
 * industries: that is conform's job.
 */
public final class LongCsvReader {
    private LongCsvReader() {}

    public static final String FORMAT = "long_csv";
    public static final List<String> REQUIRED_COLUMNS = List.of("release_date", "publisher", "period", "geo",
            "industry", "comparison", "measure", "value", "unit");
    public static final List<String> OPTIONAL_COLUMNS = List.of("status", "source");
    private static final java.util.Set<String> KNOWN_COLUMNS = java.util.Set.copyOf(
            java.util.stream.Stream.concat(REQUIRED_COLUMNS.stream(), OPTIONAL_COLUMNS.stream()).toList());

    /** True when a line among the first few names at least two long-format columns (a broken long file still is one). */
    static boolean hasLongHeader(byte[] content) {
        String text = TextDecoding.decode(content).text();
        List<CsvRecords.Record> records = CsvRecords.split(text.length() > 4096 ? text.substring(0, 4096) : text,
                CsvRecords.detectDelimiter(text));
        for (CsvRecords.Record record : records.subList(0, Math.min(records.size(), 3))) {
            long known = record.fields().stream()
                    .map(f -> f.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).filter(KNOWN_COLUMNS::contains)
                    .count();
            if (known >= 2) {
                return true;
            }
        }
        return false;
    }

    public static ParsedExtract read(String path, byte[] content) {
        String sha256 = Sha256.hex(content);
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        String text = decoded.text();
        char delimiter = CsvRecords.detectDelimiter(text);
        List<CsvRecords.Record> records = CsvRecords.split(text, delimiter);
        String fileRule = decoded.problem() == null ? null : Rules.FILE_UNDECODABLE;
        String fileMessage = decoded.problem();
        List<RawRecord> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return new ParsedExtract(path, content.length, sha256, FORMAT, decoded.encoding(), String.valueOf(delimiter),
                    fileRule == null ? Rules.FILE_EMPTY : fileRule,
                    fileMessage == null ? "the file is empty: no header, no rows; remove it or export it again" : fileMessage,
                    rows);
        }
        List<String> header = new ArrayList<>();
        for (String name : records.get(0).fields()) {
            header.add(name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
        }
        if (fileRule == null) {
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                fileRule = Rules.FILE_HEADER_MISSING_COLUMN;
                fileMessage = "the header line lacks required column(s) " + String.join(", ", missing)
                        + " (found: " + String.join(", ", header) + "); the header must name " + String.join(", ",
                        REQUIRED_COLUMNS) + " in any order";
            }
        }
        boolean firstLineIsData = fileRule != null && header.stream().noneMatch(KNOWN_COLUMNS::contains);
        if (firstLineIsData) {
            // No header at all: the first line is a data row and must not be lost.
            fileMessage = "the file has no header line (its first line holds no known column name); add the header "
                    + String.join(",", REQUIRED_COLUMNS) + " as the first line";
            CsvRecords.Record first = records.get(0);
            rows.add(RawRecord.line(first.lineNumber(), first.text(), Map.of(), fileRule, fileMessage));
        }
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            if (record.fields().stream().allMatch(String::isBlank) && !record.unterminatedQuote()) {
                continue;
            }
            rows.add(toRow(record, header, fileRule, fileMessage));
        }
        return new ParsedExtract(path, content.length, sha256, FORMAT, decoded.encoding(), String.valueOf(delimiter),
                fileRule, fileMessage, rows);
    }

    private static RawRecord toRow(CsvRecords.Record record, List<String> header, String fileRule, String fileMessage) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> values = record.fields();
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            fields.putIfAbsent(header.get(i), values.get(i));
        }
        if (fileRule != null) {
            return RawRecord.line(record.lineNumber(), record.text(), fields, fileRule, fileMessage);
        }
        if (record.unterminatedQuote()) {
            return RawRecord.line(record.lineNumber(), record.text(), fields, Rules.ROW_UNTERMINATED_QUOTE,
                    "a quoted field opened in this row is never closed: the file is probably truncated; re-export it");
        }
        boolean extraAreEmpty = values.size() > header.size()
                && values.subList(header.size(), values.size()).stream().allMatch(String::isBlank);
        if (values.size() != header.size() && !extraAreEmpty) {
            return RawRecord.line(record.lineNumber(), record.text(), fields, Rules.ROW_FIELD_COUNT, "the row has "
                    + values.size() + " field(s) but the header has " + header.size()
                    + (values.size() < header.size() ? " (truncated row?)" : " (unquoted delimiter in a value?)")
                    + "; quote values that contain the delimiter and check the row is complete");
        }
        return RawRecord.line(record.lineNumber(), record.text(), fields, null, null);
    }
}
