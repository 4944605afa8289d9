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
    private static final Pattern PERIOD = Pattern.compile(
            "^(?:(sơ bộ|ước tính|chính thức|so bo|uoc tinh)\\s+)?(\\d{4}(?:M\\d{1,2}|Q[1-4]|-\\d{1,2})?)"
                    + "(?:\\s+(sơ bộ|ước tính|chính thức|so bo|uoc tinh|\\*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Null when the text holds no header with period columns: then it is not a PX-Web table. */
    public static ParsedExtract read(String path, byte[] content, Map<String, String> sidecar) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        char delimiter = CsvRecords.detectDelimiter(decoded.text());
        List<CsvRecords.Record> records = CsvRecords.split(decoded.text(), delimiter);
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
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            boolean dataRow = i > headerIndex && records.get(i).fields().size() > stubColumns
                    && !records.get(i).fields().get(0).isBlank();
            if (i != headerIndex && !dataRow) {
                lines.add(String.join(" ", records.get(i).fields()));
            }
        }
        String sha256 = Sha256.hex(content);
        String title = String.join(" ", lines.subList(0, Math.min(lines.size(), headerIndex)));
        Map<String, String> shared = shared(sidecar, lines, title, path);
        String fileRule = decoded.problem() != null ? Rules.FILE_UNDECODABLE
                : shared.get("release_date").isEmpty() ? Rules.FILE_RELEASE_DATE_MISSING : null;
        String fileMessage = decoded.problem() != null ? decoded.problem() : fileRule == null ? null
                : "no release date: the export's title and notes give none; add " + path.substring(
                path.lastIndexOf('/') + 1) + ReleaseMetadata.SIDECAR_SUFFIX + " with release_date=YYYY-MM-DD next to it";
        List<String> roles = new ArrayList<>();
        for (int c = 0; c < stubColumns; c++) {
            roles.add(stubRole(header.get(c), title));
        }
        List<RawRecord> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i < records.size(); i++) {
            CsvRecords.Record record = records.get(i);
            List<String> values = record.fields();
            if (values.size() <= stubColumns || values.get(0).isBlank()) {
                continue; // notes below the table were read as lines
            }
            String stub = String.join(" ", values.subList(0, stubColumns)).trim();
            for (int c = stubColumns; c < header.size(); c++) {
                String value = c < values.size() ? values.get(c).trim() : "";
                Matcher period = period(header.get(c));
                Map<String, String> fields = new LinkedHashMap<>(shared);
                java.util.Set<String> placed = new java.util.HashSet<>();
                for (int s = 0; s < stubColumns; s++) {
                    // Two stub columns of one role (a code and a name) are joined, as a report's label columns are.
                    String role = roles.get(s);
                    String stubValue = values.get(s).trim();
                    fields.put(role, placed.add(role) ? stubValue : fields.get(role) + " " + stubValue);
                }
                fields.put("period", period == null ? header.get(c) : period.group(2));
                String status = period == null ? null : period.group(1) != null ? period.group(1) : period.group(3);
                if (status != null && !status.equals("*")) {
                    fields.put("status", status);
                }
                fields.put("value", value.matches("\\.{1,6}") ? ".." : value.equals("-") ? "0" : value);
                String place = "row " + record.lineNumber() + ", column '" + header.get(c) + "'";
                String ruleId = fileRule;
                String reason = fileMessage;
                if (ruleId == null && c >= values.size()) {
                    ruleId = Rules.ROW_FIELD_COUNT;
                    reason = "the row has " + values.size() + " field(s) but the header has " + header.size()
                            + " (truncated row?); re-export the table";
                }
                rows.add(new RawRecord(rows.size() + 1, place, stub + " | " + header.get(c) + " = " + value, fields,
                        ruleId, reason));
            }
        }
        return new ParsedExtract(path, content.length, sha256, FORMAT, decoded.encoding(), String.valueOf(delimiter),
                fileRule, fileMessage, rows, null);
    }

    private static Map<String, String> shared(Map<String, String> sidecar, List<String> lines, String title,
                                              String path) {
        String words = VietnameseText.words(title);
        Map<String, String> shared = new LinkedHashMap<>();
        String date = sidecar.getOrDefault("release_date", ReleaseMetadata.releaseDate(lines));
        String publisher = sidecar.getOrDefault("publisher", ReleaseMetadata.publisher(lines));
        shared.put("release_date", date == null ? "" : date);
        shared.put("publisher", publisher == null ? "" : publisher);
        shared.put("source", sidecar.getOrDefault("source", title.isBlank() ? path.substring(path.lastIndexOf('/') + 1)
                : VietnameseText.display(title)));
        shared.put("measure", sidecar.getOrDefault("measure", "iip"));
        shared.put("unit", sidecar.getOrDefault("unit", words.contains("toc do tang") ? "pct" : "index"));
        shared.put("comparison", sidecar.getOrDefault("comparison", ReleaseMetadata.comparisonInTitle(title)));
        shared.put("geo", sidecar.getOrDefault("geo", "VN"));
        shared.put("industry", sidecar.getOrDefault("industry", "TOTAL"));
        return shared;
    }

    /** What a stub column holds, from its header ("Địa phương", "Ngành công nghiệp"), else from the title. */
    private static String stubRole(String header, String title) {
        for (String words : List.of(VietnameseText.words(header), VietnameseText.words(title))) {
            if (words.matches(".*\\b(dia phuong|tinh|province|region|dia ban)\\b.*")) {
                return "geo";
            }
            if (words.contains("nganh") || words.contains("industry")) {
                return "industry";
            }
        }
        return "geo";
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
