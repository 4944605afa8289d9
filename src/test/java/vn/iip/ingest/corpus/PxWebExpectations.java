package vn.iip.ingest.corpus;

import static vn.iip.ingest.corpus.Flip.asOriginal;
import static vn.iip.ingest.corpus.Flip.everyRow;
import static vn.iip.ingest.corpus.Flip.flip;

import java.util.List;
import java.util.Map;
import vn.iip.conform.Rules;

/**
 * PX-Web wide CSV (pxweb/v07-02-iip-by-province.csv: a title, a header of periods, one row per province, then the
 * notes "Nguồn: Tổng cục Thống kê" and "Ngày cập nhật: 30/06/2022", which is the only release date it has).
 * Truncations are derived: cut before the header names a period, there is no table; cut after, the dated note at
 * the end is gone. Flips that leave valid UTF-8 are in a hand-checked table.
 */
final class PxWebExpectations {
    private PxWebExpectations() {}

    private static final String DATE_NOTE = "Ngày cập nhật: 30/06/2022";

    static Expected truncated(byte[] content, Original original) {
        Texts.Decoded decoded = Texts.utf8(content);
        String before = Texts.utf8(original.bytes()).text();
        List<Texts.Record> was = Texts.records(before, ';');
        List<Texts.Record> now = Texts.records(decoded.text(), ';');
        String damage = "cut at byte " + content.length + (decoded.cutCharacter() ? " inside a character" : "")
                + ", in row " + Texts.lineOf(before, decoded.text().length());
        int headerLine = was.stream().filter(r -> periods(r) > 0).findFirst().orElseThrow().line();
        boolean table = now.stream().anyMatch(r -> r.line() == headerLine && periods(r) > 0);
        if (!table) {
            return Expected.rejected(Rules.FILE_HEADER_MISSING_COLUMN, damage + ": no header row naming a period is"
                    + " left, so there is no table, and the first line is no long-format header either");
        }
        if (now.stream().noneMatch(r -> r.fields().contains(DATE_NOTE))) {
            return Expected.rejected(Rules.FILE_RELEASE_DATE_MISSING, damage + ": the closing note '" + DATE_NOTE
                    + "' is cut off, and nothing else in the export dates it");
        }
        throw new IllegalStateException("not derivable: " + damage + " leaves the whole table and its date");
    }

    static Expected flipped(String name, byte[] content, Original original) {
        Texts.Decoded decoded = Texts.utf8(content);
        if (decoded.badByte() >= 0) {
            return Expected.rejected(Rules.FILE_UNDECODABLE, String.format("byte 0x%02X at offset %d is not UTF-8"
                    + " (nor the Vietnamese 8-bit codes: the rest of the file is UTF-8)",
                    content[decoded.badByte()] & 0xFF, decoded.badByte()));
        }
        String before = Texts.utf8(original.bytes()).text();
        List<String> damage = Texts.changes(before, decoded.text(), ";\"\r\n ", i -> "row " + Texts.lineOf(before, i));
        return Flip.check(name, FLIPS, damage, original);
    }

    /** Fields after the first that name a period ("2019", "2021 Sơ bộ"), not counting one the end of file cuts. */
    private static long periods(Texts.Record record) {
        List<String> fields = record.fields();
        int complete = record.openQuote() ? fields.size() - 1 : fields.size();
        return fields.subList(Math.min(1, complete), complete).stream().filter(f -> f.matches("\\d{4}( .*)?"))
                .count();
    }

    private static String cell(int row, String period) {
        return "row " + row + ", column '" + period + "'";
    }

    private static final List<String> PERIODS = List.of("2019", "2020", "2021 Sơ bộ");

    private static final Map<String, Flip> FLIPS = Map.ofEntries(
            flip("v07-02-iip-by-province-flipped-1.csv", List.of("row 1: 'sản' → 'cản'", "row 1: 'nghiệp' → 'fghiệp'"),
                    "two words of the title, which is only the figures' citation; the words that give it meaning"
                    + " ('theo địa phương', 'Năm trước = 100') are intact", asOriginal()),
            flip("v07-02-iip-by-province-flipped-4.csv", List.of("row 9: 'cục' → 'sục'"),
                    "the source note now names 'Tổng sục Thống kê', no office the conformer knows, so that name is"
                    + " kept as the publisher and every figure is filed under it: no rule rejects an unknown"
                    + " publisher (publisher_missing is for an empty one)",
                    o -> Expected.read(o).changeEvery("GSO@", "Tổng sục Thống kê@").build()),
            flip("v07-02-iip-by-province-flipped-5.csv", List.of("row 6: 'Vĩnh' → 'vĩnh'", "row 7: '\\x0D' → '\\x1D'"),
                    "a province name's case; the CR before the LF that ends row 7 became a control character, which"
                    + " trims away like a space: '108,72' is read as before", asOriginal()),
            flip("v07-02-iip-by-province-flipped-7.csv", List.of("row 1: 'địa' → 'đẋa'", "row 4: 'CẢ' → 'CḢ'",
                    "row 9: 'Nguồn:' → 'Nguỗn:'", "row 10: '30/06/2022' → '30/04/2022'"),
                    "'Nguỗn:' is no longer the source label, so the export names no publisher and every cell is"
                    + " publisher_missing, CẢ NƯỚC's too (the publisher is checked before the province); the"
                    + " release date it would get, 30/04/2022, is wrong, but no cell gets that far",
                    everyRow(Rules.PUBLISHER_MISSING)),
            flip("v07-02-iip-by-province-flipped-8.csv", List.of("row 4: '104,7' → '104-7'"),
                    "CẢ NƯỚC's 2021 value is no number", o -> Expected.read(o)
                            .quarantineInstead(cell(4, "2021 Sơ bộ"), Rules.VALUE_INVALID).build()),
            flip("v07-02-iip-by-province-flipped-9.csv", List.of("row 4: 'NƯỚC' → 'NƯớC'", "row 6: 'Vĩnh' → 'Vĩ.h'"),
                    "'CẢ NƯớC' differs in case only; 'Vĩ.h Phúc' is no province, so its three cells are geo_unknown",
                    o -> {
                        Expected.Builder e = Expected.read(o);
                        PERIODS.forEach(p -> e.quarantineInstead(cell(6, p), Rules.GEO_UNKNOWN));
                        return e.build();
                    }),
            flip("v07-02-iip-by-province-flipped-10.csv", List.of("row 1: 'phương' → 'phươ.g'", "row 4: '\"' → '2'",
                    "row 4: '103,3' → '113,3'"),
                    "CẢ NƯỚC's closing quote became '2', so its quoted name runs on to Nghệ An's opening quote: rows"
                    + " 4 and 5 make one record, a 'province' holding CẢ NƯỚC's row and Nghệ An's name, with Nghệ"
                    + " An's three values: geo_unknown. CẢ NƯỚC's own values (one of them damaged) are only in that"
                    + " record's text. The title's damage changes the citation only",
                    o -> {
                        Expected.Builder e = Expected.read(o);
                        PERIODS.forEach(p -> e.quarantine(cell(4, p), Rules.GEO_UNKNOWN).lose(cell(4, p))
                                .lose(cell(5, p)));
                        return e.build();
                    })
    );
}
