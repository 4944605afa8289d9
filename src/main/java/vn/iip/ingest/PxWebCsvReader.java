package vn.iip.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.conform.Rules;
import vn.iip.conform.VietnameseText;

/**
 * Reads the wide CSV tables PX-Web exports (e.g. NSO V07.02, IIP by province, previous year = 100): optional title
 * lines, a header whose first column(s) name the stub variable ("Địa phương", "Ngành công nghiệp") and whose other
 * columns are periods ("2019", "2021 Sơ bộ", "Sơ bộ 2024", "2021M11"), then one row per stub value. Each cell becomes
 * one long-format row placed as {@code row 5, column '2021 Sơ bộ'}. The release date comes from the sidecar or a
 * dated title/note line; the comparison from the title ("Năm trước = 100"), the sidecar, or, for a year, is inferred.
 */
public final class PxWebCsvReader {
    private PxWebCsvReader() {}

    public static final String FORMAT = "pxweb_csv";
    /** Built once per JVM, on first use (it indexes the reference lists). */
    private static final class Industries {
        static final vn.iip.conform.IndustryResolver RESOLVER =
                new vn.iip.conform.IndustryResolver(vn.iip.reference.ReferenceData.get());
    }
    private static final Pattern PERIOD = Pattern.compile(
            "^(?:(sơ bộ|ước tính|chính thức|so bo|uoc tinh)\\s+)?(\\d{4}(?:M\\d{1,2}|Q[1-4]|-\\d{1,2})?)"
                    + "(?:\\s+(sơ bộ|ước tính|chính thức|so bo|uoc tinh|\\*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** One value cell of the wide table: its row labels, its period header, the text, and where it is. */
    private record WideCell(List<String> stubs, String periodHeader, String value, String place, String truncation) {}

    /** The table's cells and stub-column headers, in whichever orientation the export has. */
    private record WideTable(int headerIndex, List<String> stubHeaders, List<WideCell> cells) {}

    /** Null when the text holds no table with a period axis: then it is not a PX-Web table. */
    public static ParsedExtract read(String path, byte[] content, Map<String, String> sidecar) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        char delimiter = CsvRecords.detectDelimiter(decoded.text());
        List<CsvRecords.Record> records = CsvRecords.split(decoded.text(), delimiter);
        WideTable table = periodsAcross(records);
        if (table == null) {
            table = periodsDown(records);
        }
        if (table == null) {
            return null;
        }
        java.util.Set<Integer> tableLines = new java.util.HashSet<>();
        table.cells().forEach(c -> tableLines.add(lineOf(c.place())));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (i != table.headerIndex() && !tableLines.contains(records.get(i).lineNumber())) {
                lines.add(String.join(" ", records.get(i).fields()));
            }
        }
        String title = String.join(" ", lines.subList(0, Math.min(lines.size(), table.headerIndex())));
        Map<String, String> shared = shared(sidecar, lines, title, path);
        String fileRule = decoded.problem() != null ? Rules.FILE_UNDECODABLE
                : shared.get("release_date").isEmpty() ? Rules.FILE_RELEASE_DATE_MISSING : null;
        String fileMessage = decoded.problem() != null ? decoded.problem() : fileRule == null ? null
                : "no release date: the export's title and notes give none; add " + ExtractReaders.fileName(path)
                + ReleaseMetadata.SIDECAR_SUFFIX + " with release_date=YYYY-MM-DD next to it";
        List<String> roles = new ArrayList<>();
        for (int c = 0; c < table.stubHeaders().size(); c++) {
            int column = c;
            roles.add(stubRole(table.stubHeaders().get(c), title,
                    table.cells().stream().map(cell -> cell.stubs().get(column)).distinct().toList()));
        }
        List<RawRecord> rows = new ArrayList<>();
        for (WideCell cell : table.cells()) {
            Matcher period = period(cell.periodHeader());
            Map<String, String> fields = new LinkedHashMap<>(shared);
            java.util.Set<String> placed = new java.util.HashSet<>();
            for (int s = 0; s < roles.size(); s++) {
                // Two stub columns of one role (a code and a name) are joined, as a report's label columns are.
                String role = roles.get(s);
                String stubValue = cell.stubs().get(s).trim();
                fields.put(role, placed.add(role) ? stubValue : fields.get(role) + " " + stubValue);
            }
            fields.put("period", period == null ? cell.periodHeader() : period.group(2));
            String status = period == null ? null : period.group(1) != null ? period.group(1) : period.group(3);
            if (status != null && !status.equals("*")) {
                fields.put("status", status);
            }
            String value = cell.value();
            fields.put("value", value.matches("\\.{1,6}") ? ".." : value.equals("-") ? "0" : value);
            String ruleId = fileRule != null ? fileRule : cell.truncation() != null ? Rules.ROW_FIELD_COUNT : null;
            String reason = fileRule != null ? fileMessage : cell.truncation();
            rows.add(new RawRecord(rows.size() + 1, cell.place(), String.join(" ", cell.stubs()) + " | "
                    + cell.periodHeader() + " = " + value, fields, ruleId, reason));
        }
        return new ParsedExtract(path, content.length, Sha256.hex(content), FORMAT, decoded.encoding(),
                String.valueOf(delimiter), fileRule, fileMessage, rows, null);
    }

    /** PX-Web's default: stub column(s), then one column per period ("2019", "2021 Sơ bộ", "2021M11"). */
    private static WideTable periodsAcross(List<CsvRecords.Record> records) {
        int headerIndex = -1;
        for (int i = 0; i < records.size() && i < 20 && headerIndex < 0; i++) {
            if (periodColumns(records.get(i).fields()) >= 1 && records.get(i).fields().size() >= 2) {
                headerIndex = i;
            }
        }
        if (headerIndex < 0) {
            return null;
        }
        List<String> header = records.get(headerIndex).fields().stream().map(VietnameseText::display).toList();
        int stubColumns = 0;
        while (stubColumns < header.size() && period(header.get(stubColumns)) == null) {
            stubColumns++;
        }
        List<WideCell> cells = new ArrayList<>();
        for (CsvRecords.Record record : records.subList(headerIndex + 1, records.size())) {
            List<String> values = record.fields();
            if (values.size() <= stubColumns || values.get(0).isBlank()) {
                continue; // notes below the table are read as lines
            }
            for (int c = stubColumns; c < header.size(); c++) {
                String truncation = c < values.size() ? null : "the row has " + values.size() + " field(s) but the"
                        + " header has " + header.size() + " (truncated row?); re-export the table";
                cells.add(new WideCell(values.subList(0, stubColumns), header.get(c),
                        c < values.size() ? values.get(c).trim() : "", "row " + record.lineNumber() + ", column '"
                        + header.get(c) + "'", truncation));
            }
        }
        return new WideTable(headerIndex, header.subList(0, stubColumns), cells);
    }

    /** A pivoted export: periods down the first column ("2019", "2020"…), provinces or industries across. */
    private static WideTable periodsDown(List<CsvRecords.Record> records) {
        for (int h = 0; h < records.size() - 1 && h < 20; h++) {
            List<String> header = records.get(h).fields().stream().map(VietnameseText::display).toList();
            if (header.size() < 2 || period(header.get(0)) != null
                    || period(records.get(h + 1).fields().get(0)) == null) {
                continue;
            }
            List<WideCell> cells = new ArrayList<>();
            for (CsvRecords.Record record : records.subList(h + 1, records.size())) {
                List<String> values = record.fields();
                if (period(values.get(0)) == null) {
                    continue;
                }
                for (int c = 1; c < header.size(); c++) {
                    String truncation = c < values.size() ? null : "the row has " + values.size() + " field(s) but"
                            + " the header has " + header.size() + " (truncated row?); re-export the table";
                    cells.add(new WideCell(List.of(header.get(c)), values.get(0).trim(),
                            c < values.size() ? values.get(c).trim() : "", "row " + record.lineNumber()
                            + ", column '" + header.get(c) + "'", truncation));
                }
            }
            return new WideTable(h, List.of(""), cells);
        }
        return null;
    }

    private static int lineOf(String place) {
        return Integer.parseInt(place.substring(4, place.indexOf(',')));
    }

    private static Map<String, String> shared(Map<String, String> sidecar, List<String> lines, String title,
                                              String path) {
        String words = VietnameseText.words(title);
        Map<String, String> shared = new LinkedHashMap<>();
        String date = sidecar.getOrDefault("release_date", ReleaseMetadata.releaseDate(lines));
        String publisher = sidecar.getOrDefault("publisher", ReleaseMetadata.publisher(lines));
        shared.put("release_date", date == null ? "" : date);
        shared.put("publisher", publisher == null ? "" : publisher);
        shared.put("source", sidecar.getOrDefault("source", title.isBlank() ? ExtractReaders.fileName(path)
                : VietnameseText.display(title)));
        shared.put("measure", sidecar.getOrDefault("measure", "iip"));
        shared.put("unit", sidecar.getOrDefault("unit", words.contains("toc do tang") ? "pct" : "index"));
        shared.put("comparison", sidecar.getOrDefault("comparison", ReleaseMetadata.comparisonInTitle(title)));
        shared.put("geo", sidecar.getOrDefault("geo", "VN"));
        shared.put("industry", sidecar.getOrDefault("industry", "TOTAL"));
        return shared;
    }

    /**
     * What a stub column holds: from its header ("Địa phương", "Ngành công nghiệp"), else from the title, else from
     * its values (more industries than provinces among them makes it an industry column).
     */
    private static String stubRole(String header, String title, List<String> values) {
        for (String words : List.of(VietnameseText.words(header), VietnameseText.words(title))) {
            if (words.matches(".*\\b(dia phuong|tinh|province|region|dia ban)\\b.*")) {
                return "geo";
            }
            if (words.contains("nganh") || words.contains("industry")) {
                return "industry";
            }
        }
        vn.iip.conform.IndustryResolver industries = Industries.RESOLVER;
        long industryValues = values.stream().filter(v -> industries.resolve(v).isOk()).count();
        return industryValues * 2 > values.size() ? "industry" : "geo";
    }

    private static int periodColumns(List<String> fields) {
        int count = 0;
        for (int i = 1; i < fields.size(); i++) {
            if (period(fields.get(i)) != null) {
                count++;
            }
        }
        return count;
    }

    static Matcher period(String header) {
        Matcher m = PERIOD.matcher(VietnameseText.display(header).trim());
        return m.matches() ? m : null;
    }
}
