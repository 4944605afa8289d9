package vn.iip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Broken office files made from valid ones, deterministically (fixed seeds): truncations, byte flips, wrong declared
 * code pages, shuffled and missing columns, extra and empty sheets, formulas, dates and huge numbers where numbers
 * belong, files that are not what their extension says. Each case says what a careful reader must do with it.
 */
public final class RobustnessCorpus {
    private RobustnessCorpus() {}

    /**
     * What the reader must make of a case. {@code DAMAGED} marks the truncations and byte flips: what they must give
     * follows from where the damage falls, and RobustnessCorpusTest derives it (vn.iip.ingest.corpus).
     */
    public enum Expect { DAMAGED, SAME_AS_ORIGINAL, FILE_REJECTED, SOME_CELLS_QUARANTINED }

    /** One broken file; {@code rule} is the rule id expected (file- or cell-level), null for DAMAGED. */
    public record Case(String fileName, byte[] content, Expect expect, String rule, String original) {}

    static final Path EXTRACTS = Path.of("src/test/resources/extracts");
    private static final List<String> SOURCES = List.of("same-release/gso-2021-11.csv", "same-release/gso-2021-11.xlsx",
            "same-release/gso-2021-11.px", "pxweb/v07-02-iip-by-province.csv", "workbook/gso-2021-11-iip.xlsx",
            "workbook/moit-2021-08-provinces.xlsx", "pcaxis/v07-01-iip-by-industry-cp1258.px");

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String source : SOURCES) {
            byte[] original = read(source);
            String base = source.substring(source.indexOf('/') + 1, source.lastIndexOf('.'));
            String extension = source.substring(source.lastIndexOf('.'));
            for (int cut = 1; cut <= 11; cut++) {
                byte[] truncated = Arrays.copyOf(original, original.length * cut / 12);
                cases.add(new Case(base + "-truncated-" + cut + extension, truncated, Expect.DAMAGED, null, source));
            }
            Random random = new Random(source.hashCode());
            for (int flip = 1; flip <= 11; flip++) {
                byte[] flipped = original.clone();
                for (int n = 0; n < flip % 4 + 1; n++) {
                    int at = random.nextInt(flipped.length);
                    flipped[at] = (byte) (flipped[at] ^ (1 << random.nextInt(8)));
                }
                cases.add(new Case(base + "-flipped-" + flip + extension, flipped, Expect.DAMAGED, null, source));
            }
            // Nothing, or random bytes: an empty text file has no header; random bytes are not UTF-8 (nor any
            // Vietnamese code); a cube or a workbook of either is not one.
            boolean text = extension.equals(".csv");
            cases.add(new Case(base + "-empty" + extension, new byte[0], Expect.FILE_REJECTED,
                    text ? "file_empty" : "file_unsupported_format", source));
            byte[] garbage = new byte[2048];
            random.nextBytes(garbage);
            cases.add(new Case(base + "-garbage" + extension, garbage, Expect.FILE_REJECTED,
                    text ? "file_undecodable" : "file_unsupported_format", source));
        }
        cases.addAll(pcAxisCases());
        cases.addAll(longCsvCases());
        cases.addAll(pxWebCases());
        cases.addAll(WorkbookCases.all());
        return cases;
    }

    private static List<Case> pcAxisCases() {
        String px = new String(read("same-release/gso-2021-11.px"), StandardCharsets.UTF_8);
        String source = "same-release/gso-2021-11.px";
        List<Case> cases = new ArrayList<>();
        // A wrong declaration over UTF-8 bytes: the bytes win, the figures are the same.
        for (String declared : List.of("iso-8859-1", "windows-1258", "windows-1252")) {
            cases.add(new Case("codepage-" + declared + ".px", px.replace("CODEPAGE=\"utf-8\"", "CODEPAGE=\"" + declared
                    + "\"").getBytes(StandardCharsets.UTF_8), Expect.SAME_AS_ORIGINAL, null, source));
        }
        cases.add(new Case("codepage-unknown.px", px.replace("CODEPAGE=\"utf-8\"", "CODEPAGE=\"klingon-8\"")
                .getBytes(StandardCharsets.UTF_8), Expect.SAME_AS_ORIGINAL, null, source));
        byte[] latin1 = px.replace("CODEPAGE=\"utf-8\"", "CODEPAGE=\"iso-8859-1\"")
                .replace("Toàn ngành", "Société générale à Genève").getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("codepage-mixed.px", latin1, Expect.SOME_CELLS_QUARANTINED, "industry_unknown", source));
        cases.add(new Case("no-release-date.px", px.replace("LAST-UPDATED=\"20211129 09:00\";\n", "")
                .getBytes(StandardCharsets.UTF_8), Expect.FILE_REJECTED, "file_release_date_missing", source));
        cases.add(new Case("short-data.px", px.replace("\".\" 101.2 103.0;", "\"..\" 101.2;")
                .replace("\"..\" 101.2 103.0;", "\"..\" 101.2;").getBytes(StandardCharsets.UTF_8),
                Expect.FILE_REJECTED, "file_unsupported_format", source));
        cases.add(new Case("huge-number.px", px.replace("105.6", "99999999999").getBytes(StandardCharsets.UTF_8),
                Expect.SOME_CELLS_QUARANTINED, "value_out_of_domain", source));
        cases.add(new Case("unknown-variable.px", px.replace("\"So sánh\"", "\"Màu sắc\"").replace("\"So với tháng trước\",\"So với cùng kỳ năm trước\","
                + "\"11 tháng so với cùng kỳ năm trước\"", "\"Đỏ\",\"Xanh\",\"Vàng\"")
                .getBytes(StandardCharsets.UTF_8), Expect.FILE_REJECTED, "file_unsupported_format", source));
        return cases;
    }

    private static List<Case> longCsvCases() {
        String source = "same-release/gso-2021-11.csv";
        List<String> lines = Arrays.asList(new String(read(source), StandardCharsets.UTF_8).split("\n"));
        List<List<String>> table = lines.stream().map(RobustnessCorpus::splitCsv).toList();
        List<Case> cases = new ArrayList<>();
        Random random = new Random(7);
        for (int shuffle = 1; shuffle <= 5; shuffle++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < table.get(0).size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, random);
            cases.add(new Case("columns-shuffled-" + shuffle + ".csv", csv(table, order, -1), Expect.SAME_AS_ORIGINAL,
                    null, source));
        }
        for (int drop = 0; drop < 9; drop++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < table.get(0).size(); i++) {
                order.add(i);
            }
            order.remove(Integer.valueOf(drop));
            cases.add(new Case("column-missing-" + table.get(0).get(drop) + ".csv", csv(table, order, -1),
                    Expect.FILE_REJECTED, "file_header_missing_column", source));
        }
        String text = String.join("\n", lines) + "\n";
        cases.add(new Case("date-as-value.csv", text.replaceFirst("\"105,6\"", "2021-11-30").getBytes(StandardCharsets.UTF_8),
                Expect.SOME_CELLS_QUARANTINED, "value_invalid", source));
        cases.add(new Case("huge-value.csv", text.replaceFirst("\"105,6\"", "\"99999999999999999999999,5\"")
                .getBytes(StandardCharsets.UTF_8), Expect.SOME_CELLS_QUARANTINED, "value_out_of_domain", source));
        cases.add(new Case("row-cut-short.csv", text.replaceFirst(",ước tính,https[^\n]*\n", "\n")
                .getBytes(StandardCharsets.UTF_8), Expect.SOME_CELLS_QUARANTINED, "row_field_count", source));
        return cases;
    }

    private static List<Case> pxWebCases() {
        String source = "pxweb/v07-02-iip-by-province.csv";
        String text = new String(read(source), StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("pxweb-no-date.csv", text.replace("\"Ngày cập nhật: 30/06/2022\"", "")
                .getBytes(StandardCharsets.UTF_8), Expect.FILE_REJECTED, "file_release_date_missing", source));
        cases.add(new Case("pxweb-short-row.csv", text.replace("\"Quảng Trị\";\"..\";104,71;108,72",
                "\"Quảng Trị\";\"..\"").getBytes(StandardCharsets.UTF_8), Expect.SOME_CELLS_QUARANTINED,
                "row_field_count", source));
        cases.add(new Case("pxweb-unknown-province.csv", text.replace("Nghệ An", "Nghe Anh")
                .getBytes(StandardCharsets.UTF_8), Expect.SOME_CELLS_QUARANTINED, "geo_unknown", source));
        cases.add(new Case("pxweb-date-as-value.csv", text.replace("113,21", "30/06/2019")
                .getBytes(StandardCharsets.UTF_8), Expect.SOME_CELLS_QUARANTINED, "value_invalid", source));
        cases.add(new Case("pxweb-utf16.csv", utf16(text), Expect.SAME_AS_ORIGINAL, null, source));
        return cases;
    }

    static byte[] utf16(String text) {
        byte[] body = text.replace("\uFEFF", "").getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static byte[] csv(List<List<String>> table, List<Integer> order, int skip) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : table) {
            List<String> cells = new ArrayList<>();
            for (int i : order) {
                String cell = i < row.size() ? row.get(i) : "";
                cells.add(cell.contains(",") ? '"' + cell + '"' : cell);
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Enough CSV for the golden long file: quotes only around values with commas. */
    private static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static byte[] read(String source) {
        try {
            return Files.readAllBytes(EXTRACTS.resolve(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every case into the folder (names are unique) and returns how many. */
    public static int write(Path folder) throws IOException {
        List<Case> cases = cases();
        for (Case c : cases) {
            Files.write(folder.resolve(c.fileName()), c.content());
        }
        return cases.size();
    }
}
