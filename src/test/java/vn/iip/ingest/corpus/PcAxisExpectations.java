package vn.iip.ingest.corpus;

import static vn.iip.ingest.corpus.Flip.asOriginal;
import static vn.iip.ingest.corpus.Flip.everyRow;
import static vn.iip.ingest.corpus.Flip.flip;
import static vn.iip.ingest.corpus.Flip.rejectedAs;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.conform.Rules;

/**
 * PC-Axis cubes (same-release/gso-2021-11.px in UTF-8, pcaxis/v07-01-iip-by-industry-cp1258.px in Windows-1258).
 * DATA is the last keyword, so a truncated cube has lost its cells: unless the cut falls after the ';' that closes
 * DATA, the cube is rejected. A flip that leaves bytes the declared CODEPAGE cannot decode makes the file
 * undecodable; any other flip hits one keyword or cell and is in a hand-checked table.
 */
final class PcAxisExpectations {
    private PcAxisExpectations() {}

    private static final Pattern CODEPAGE = Pattern.compile("CODEPAGE=\"([^\"]+)\"");

    static Expected truncated(byte[] content, Original original) {
        Charset charset = codepage(original);
        String before = Texts.strict(original.bytes(), charset).text();
        Texts.Decoded decoded = Texts.strict(content, charset);
        int cut = decoded.text().length();
        if (cut > before.lastIndexOf(';')) {
            return Expected.read(original).because("cut at byte " + content.length + ", after DATA is closed");
        }
        return Expected.rejected(Rules.FILE_UNSUPPORTED, "cut at byte " + content.length
                + (decoded.cutCharacter() ? " inside a character" : "") + ", in " + keywordAt(before, cut)
                + ": the cube ends before DATA is closed by ';', so its cells are missing");
    }

    static Expected flipped(String name, byte[] content, Original original) {
        Charset charset = codepage(original);
        Texts.Decoded decoded = Texts.strict(content, charset);
        if (decoded.badByte() >= 0) {
            return Expected.rejected(Rules.FILE_UNDECODABLE, String.format("byte 0x%02X at offset %d is not %s,"
                    + " the CODEPAGE the cube declares",
                    content[decoded.badByte()] & 0xFF, decoded.badByte(), charset.name()));
        }
        String before = Texts.strict(original.bytes(), charset).text();
        List<String> damage = Texts.changes(before, decoded.text(), "\",;=()\r\n ", i -> keywordAt(before, i));
        return Flip.check(name, FLIPS, damage, original);
    }

    private static Charset codepage(Original original) {
        Matcher m = CODEPAGE.matcher(new String(original.bytes(), StandardCharsets.ISO_8859_1));
        return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.ISO_8859_1;
    }

    /** The keyword whose record holds character {@code at} ("VALUES("So sánh")"), or "DATA cell N". */
    static String keywordAt(String text, int at) {
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            quoted = c == '"' != quoted;
            if (c == ';' && !quoted) {
                start = i + 1;
            }
        }
        String record = text.substring(start).trim();
        int equals = record.indexOf('=');
        String keyword = Texts.visible(equals < 0 ? record : record.substring(0, equals).trim());
        if (!keyword.equals("DATA")) {
            return keyword;
        }
        String cells = text.substring(text.indexOf("DATA=", start) + 5, Math.max(at, text.indexOf("DATA=", start) + 5));
        return "DATA cell " + (cells.trim().isEmpty() ? 1 : cells.trim().split("\\s+").length
                + (Character.isWhitespace(text.charAt(at - 1)) ? 1 : 0));
    }

    /** A cell's place: its variable values, as PcAxisReader names it. */
    private static String gso(String industry, String comparison) {
        return "Ngành công nghiệp=" + industry + "; Tháng=Ước tính tháng 11/2021; So sánh=" + comparison;
    }

    private static String cp1258(String industry) {
        return "Ngành công nghiệp=" + industry + "; Năm=Sơ bộ 2021";
    }

    private static final String MOM = "So với tháng trước";
    private static final String YTD = "11 tháng so với cùng kỳ năm trước";
    private static final String TOTAL = "Toàn ngành công nghiệp";
    private static final String B = "Khai khoáng";
    private static final String C = "Công nghiệp chế biến, chế tạo";
    private static final String D = "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí";
    private static final String E = "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải";
    /** The keywords most flips hit, as {@link Texts#changes} names them. */
    private static final String INDUSTRIES = "VALUES(\"Ngành công nghiệp\")";
    private static final String COMPARISONS = "VALUES(\"So sánh\")";

    private static final Map<String, Flip> FLIPS = Map.ofEntries(
            flip("gso-2021-11-flipped-1.px",
                    List.of(INDUSTRIES + ": 'công' → 'cônf'", COMPARISONS + ": 'VALUES' → 'VALUEW'"),
                    "VALUES(\"So sánh\") became an unknown keyword VALUEW: the variable 'So sánh' has no values, so"
                    + " DATA cannot be laid out",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("gso-2021-11-flipped-2.px",
                    List.of("CHARSET: 'CHARSET' → '\\x03HARSET'", "CODEPAGE: '\"' → ' '",
                            "CODES(\"Tháng\"): 'CODES' → 'CODE['"),
                    "a control character opens the first keyword and CODEPAGE lost a quote: the records can no"
                    + " longer be told apart",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("gso-2021-11-flipped-4.px",
                    List.of("DECIMALS: ';' → '?'"),
                    "DECIMALS lost its ';' and runs on into SOURCE, which is swallowed: the cube names no publisher,"
                    + " so every cell is publisher_missing (a stricter reader might reject the malformed DECIMALS"
                    + " instead; either way no cell is accepted)",
                    everyRow(Rules.PUBLISHER_MISSING)),
            flip("gso-2021-11-flipped-5.px",
                    List.of("DATA cell 4: '108.0' → '008.0'", "DATA cell 12: '103.8' → '107.8'"),
                    "B's mom index 108.0 became 8.0, out of an index's domain; D's ytd 103.8 became 107.8, a valid"
                    + " number no reader can tell from the published one",
                    o -> Expected.read(o).quarantineInstead(gso(B, MOM), Rules.VALUE_OUT_OF_DOMAIN)
                            .changeValue(gso(D, YTD), "103,8", "107,8").build()),
            flip("gso-2021-11-flipped-6.px",
                    List.of("CHARSET: 'CHARSET' → 'CHAR\\x13ET'", "TITLE: '2021' → '2\\x1021'",
                            INDUSTRIES + ": '\"' → '2'"),
                    "a control character inside the first keyword's name makes it no keyword, and the industry list"
                    + " lost its opening quote",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("gso-2021-11-flipped-7.px",
                    List.of("CODES(\"Tháng\"): '\"' → '#'", COMPARISONS + ": 'trước' → 'trưởc'",
                            "DATA cell 9: '\\x0A' → '*'", "DATA cell 14: '101.2' → '301.2'"),
                    "CODES(\"Tháng\") lost a quote, so every later record is misread",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("gso-2021-11-flipped-8.px",
                    List.of("AXIS-VERSION: '2013' → '201\\x13'"),
                    "AXIS-VERSION is not read, and its value is still one quoted string",
                    asOriginal()),
            flip("gso-2021-11-flipped-9.px",
                    List.of(COMPARISONS + ": 'trước' → 'trướb'", "DATA cell 3: '103.6' → '183.6'"),
                    "'11 tháng so với cùng kỳ năm trướb' still says 11 months against the same period (ytd_yoy);"
                    + " TOTAL's ytd 103.6 became 183.6, within an index's domain: no reader can tell",
                    o -> Expected.read(o).changeValue(gso(TOTAL, YTD), "103,6", "183,6").build()),
            flip("v07-01-iip-by-industry-cp1258-flipped-1.px",
                    List.of(INDUSTRIES + ": 'Tổng' → 'Tổno'", INDUSTRIES + ": 'điện' → 'điệl'"),
                    "two industry labels name no industry any more; the other three are intact",
                    o -> Expected.read(o)
                            .quarantine(cp1258("Tổno số"), Rules.INDUSTRY_UNKNOWN).lose(cp1258("Tổng số"))
                            .quarantine(cp1258(D.replace("điện", "điệl")), Rules.INDUSTRY_UNKNOWN).lose(cp1258(D))
                            .build()),
            flip("v07-01-iip-by-industry-cp1258-flipped-2.px",
                    List.of("CREATION-DATE: 'CREATION-DATE' → 'CRAATION-DATE'", INDUSTRIES + ": 'biến' → 'byến'",
                            INDUSTRIES + ": 'lý' → 'lyl'"),
                    "the only dated keyword is misspelt: nothing gives the release date",
                    rejectedAs(Rules.FILE_RELEASE_DATE_MISSING)),
            flip("v07-01-iip-by-industry-cp1258-flipped-3.px",
                    List.of("SUBJECT-AREA: 'SUBJECT-AREA' → 'SUBJECT-AR\\x05A'",
                            "SUBJECT-CODE: 'SUBJECT-CODE' → '\\x13UBJECT-CODE'", "TITLE: 'Chỉ' → 'Clỉ'",
                            INDUSTRIES + ": 'khí' → 'chí'"),
                    "control characters inside keyword names: they are no keywords",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("v07-01-iip-by-industry-cp1258-flipped-4.px",
                    List.of("TITLE: ' ' → '$'"),
                    "a space of the title: its words, 'Năm trước = 100', still say annual_yoy and index",
                    asOriginal()),
            flip("v07-01-iip-by-industry-cp1258-flipped-5.px",
                    List.of(INDUSTRIES + ": '\"' → '&'", "DATA cell 4: '104.5' → '104n5'"),
                    "a quote of the industry list is gone: every later record is misread",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("v07-01-iip-by-industry-cp1258-flipped-6.px",
                    List.of("LANGUAGE: '\"' → '\\x02'", "MATRIX: 'V07.01' → '^07.01'", INDUSTRIES + ": 'lý' → 'lyè'"),
                    "LANGUAGE lost its closing quote: every later record is misread",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("v07-01-iip-by-industry-cp1258-flipped-7.px",
                    List.of(INDUSTRIES + ": 'Công' → 'Aông'", INDUSTRIES + ": 'không' → 'khôjg'",
                            INDUSTRIES + ": 'khí' → 'k`í'", "SOURCE: 'kê' → 'kÊ'"),
                    "C's and D's labels name no industry any more; 'Tổng cục Thống kÊ' differs only in case and is"
                    + " still GSO",
                    o -> Expected.read(o)
                            .quarantine(cp1258(C.replace("Công", "Aông")), Rules.INDUSTRY_UNKNOWN).lose(cp1258(C))
                            .quarantine(cp1258(D.replace("không khí", "khôjg k`í")), Rules.INDUSTRY_UNKNOWN)
                            .lose(cp1258(D)).build()),
            flip("v07-01-iip-by-industry-cp1258-flipped-8.px",
                    List.of(INDUSTRIES + ": 'nóng' → 'nónG'"),
                    "a letter's case: labels are compared without case",
                    asOriginal()),
            flip("v07-01-iip-by-industry-cp1258-flipped-9.px",
                    List.of("VALUES(\"Năm\"): '\"' → ' '", "DATA cell 1: '\\x0A' → '\\x08'"),
                    "the period's VALUES lost a quote: every later record is misread",
                    rejectedAs(Rules.FILE_UNSUPPORTED)),
            flip("v07-01-iip-by-industry-cp1258-flipped-10.px",
                    List.of("TITLE: 'Năm' → 'Nám'", INDUSTRIES + ": 'phối' → '0hối'", "VALUES(\"Năm\"): ' ' → '!'"),
                    "the one period 'Sơ bộ 2021' became 'Sơ!bộ 2021', which is no period: every cell is"
                    + " period_invalid (the period is checked before the industry, so D's damaged label is not what"
                    + " quarantines it); the title's 'Nám trước = 100' still reads as before",
                    o -> {
                        Expected.Builder e = Expected.read(o);
                        for (String industry : List.of("Tổng số", B, C, D, E)) {
                            e.quarantine("Ngành công nghiệp=" + industry.replace("phối", "0hối") + "; Năm=Sơ!bộ 2021",
                                    Rules.PERIOD_INVALID).lose(cp1258(industry));
                        }
                        return e.build();
                    }),
            flip("v07-01-iip-by-industry-cp1258-flipped-11.px",
                    List.of("TITLE: 'trước' → 'trướk'", "HEADING: 'HEADING' → 'HEAÄING'",
                            INDUSTRIES + ": 'điện' → 'điỆn'", INDUSTRIES + ": 'thải' → 'tha’i'"),
                    "HEADING's name holds a non-ASCII letter: it is no keyword, and without HEADING the cube has no"
                    + " period axis",
                    rejectedAs(Rules.FILE_UNSUPPORTED))
    );
}
