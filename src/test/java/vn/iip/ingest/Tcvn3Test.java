package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Tcvn3Test {
    private static final String TONES = "\u0300\u0309\u0303\u0301\u0323";
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String UNTONED = "ĂÂÊÔƠƯĐăâêôơưđ";

    /** ASCII text with {XX} for one hex byte, so the expected TCVN3 bytes read next to the text they spell. */
    private static byte[] bytes(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = Pattern.compile("\\{([0-9A-F]{2})\\}|(.)", Pattern.DOTALL).matcher(spec);
        while (m.find()) {
            out.write(m.group(1) != null ? Integer.parseInt(m.group(1), 16) : m.group(2).charAt(0));
        }
        return out.toByteArray();
    }

    /** The decoder's table turned round: each Unicode character to the one VN3 byte that decodes to it. */
    private static Map<Character, Integer> inverse() {
        Map<Character, Integer> map = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            String s = Tcvn3.decode(new byte[] {(byte) b}, 0);
            assertEquals(1, s.length());
            if (s.charAt(0) != '\uFFFD') {
                assertNull(map.put(s.charAt(0), b), "two bytes decode to " + s);
            }
        }
        return map;
    }

    /** Null when the text needs a character VN3 lacks (any toned capital). */
    private static byte[] encode(String text) {
        Map<Character, Integer> inverse = inverse();
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            Integer b = inverse.get(text.charAt(i));
            if (b == null) {
                return null;
            }
            out[i] = (byte) (int) b;
        }
        return out;
    }

    private static List<String> vietnameseLetters() {
        List<String> letters = new ArrayList<>();
        for (char v : VOWELS.toCharArray()) {
            for (char t : TONES.toCharArray()) {
                letters.add(Normalizer.normalize("" + v + t, Normalizer.Form.NFC));
            }
        }
        for (char c : UNTONED.toCharArray()) {
            letters.add(String.valueOf(c));
        }
        return letters;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ch{D8} s{E8} s{B6}n xu{CA}t c{AB}ng nghi{D6}p | Chỉ số sản xuất công nghiệp",
        "Qu{B6}ng Ninh                                 | Quảng Ninh",
        "{A7}{E5}ng Nai                                | Đồng Nai",
        "Th{F5}a Thi{AA}n Hu{D5}                       | Thừa Thiên Huế",
        "Khai kho{B8}ng                                | Khai khoáng",
        "S{B6}n xu{CA}t v{B5} ph{A9}n ph{E8}i {AE}i{D6}n | Sản xuất và phân phối điện",
        "T{A8}ng tr{AD}{EB}ng                          | Tăng trưởng",
        "B{B5} R{DE}a - V{F2}ng T{B5}u, H{B5} N{E9}i   | Bà Rịa - Vũng Tàu, Hà Nội",
        "{A1}n u{E8}ng; {A6}u ti{AA}n; {A2}m; {A3}; {A4}; {A5}n | Ăn uống; Ưu tiên; Âm; Ê; Ô; Ơn",
        "Ch{E7} {E6} {EE} {F7} {F9} {FA}{FB}{FC}{FD}{FE} {BD}{C9}{CF} | Chỗ ổ ợ ữ ự ỳỷỹýỵ ẵẫẽ",
    })
    void decodesHandEncodedPhrases(String spec, String expected) {
        byte[] tcvn3 = bytes(spec);
        String decoded = Tcvn3.decode(tcvn3, 0);
        assertEquals(expected, decoded);
        assertTrue(Normalizer.isNormalized(decoded, Normalizer.Form.NFC));
        assertArrayEquals(tcvn3, encode(expected), "the inverted table encodes the phrase back to the same bytes");
        assertEquals(expected, Tcvn3.decode(bytes("\u00ff\u00ff" + spec), 2), "offset skips leading bytes");
    }

    /**
     * VN3 has no toned capitals: such text was typed in an all-capital font over the lower-case codes. A word with a
     * single capital ("Tư", "Hà") stays as decoded, since it may just be capitalised.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TO{B5}N NG{B5}NH C{A4}NG NGHI{D6}P | TOÀN NGÀNH CÔNG NGHIỆP",
        "TO{B5}N NG{B5}NH C{AB}NG NGHI{D6}P | TOÀN NGÀNH CÔNG NGHIỆP",
        "{A7}{C7}U T{AD} X{A2}Y D{F9}NG     | ĐẦU Tư XÂY DỰNG",
        "H{B5} N{E9}i, H{B5}, CPI           | Hà Nội, Hà, CPI",
    })
    void upperCasesWordsTypedInTheCapitalFont(String spec, String expected) {
        assertEquals(expected, Tcvn3.decode(bytes(spec), 0));
    }

    @Test
    void everyVietnameseLetterRoundTrips() {
        List<String> letters = vietnameseLetters();
        assertEquals(74, letters.size());
        for (String letter : letters) {
            byte[] b = encode(letter);
            assertTrue(b != null && b.length == 1 && (b[0] & 0xFF) >= 0xA1, letter + " has a VN3 byte");
            assertEquals(letter, Tcvn3.decode(b, 0));
            if (Character.isLowerCase(letter.charAt(0))) {
                String capital = letter.toUpperCase(Locale.ROOT);
                assertEquals(UNTONED.indexOf(letter.charAt(0)) >= 0, encode(capital) != null,
                        capital + ": VN3 has capitals only for the untoned letters");
            }
        }
    }

    @Test
    void mapsExactlyTheVn3Positions() {
        Map<Character, Integer> inverse = inverse();
        TreeSet<Integer> high = new TreeSet<>();
        inverse.values().stream().filter(b -> b >= 0x80).forEach(high::add);
        TreeSet<Integer> expected = new TreeSet<>();
        int[][] ranges = {{0xA0, 0xAE}, {0xB5, 0xB9}, {0xBB, 0xBE}, {0xC6, 0xCC}, {0xCE, 0xD8}, {0xDC, 0xDF},
            {0xE1, 0xEF}, {0xF1, 0xFE}};
        for (int[] r : ranges) {
            for (int b = r[0]; b <= r[1]; b++) {
                expected.add(b);
            }
        }
        assertEquals(75, expected.size());
        assertEquals(expected, high);
        assertEquals(Integer.valueOf(0xA0), inverse.get('\u00A0'));
        for (int b = 0; b < 0x80; b++) {
            assertEquals(Integer.valueOf(b), inverse.get((char) b), "ASCII and C0 controls stay as they are");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ch{D8} s{E8} s{B6}n xu{CA}t c{AB}ng nghi{D6}p t{D8}nh Qu{B6}ng Ninh",
        "{A7}{E5}ng Nai,Th{F5}a Thi{AA}n Hu{D5},Khai kho{B8}ng,105{A0}5",
        "TO{B5}N NG{B5}NH C{A4}NG NGHI{D6}P",
    })
    void recognisesTcvn3(String spec) {
        assertTrue(Tcvn3.looksLikeTcvn3(bytes(spec), 0));
    }

    @Test
    void countsEvidence() {
        byte[] b = bytes("Ch{D8} s{E8} s{B6}n xu{CA}t c{AB}ng nghi{D6}p, IIP{A0}2021{80}");
        assertEquals(new Tcvn3.Evidence(6, 1, 6), Tcvn3.evidence(b, 0));
        assertEquals(6.0 / 7, Tcvn3.evidence(b, 0).share(), 1e-9);
        // "cô" + acute in Windows-1258 reads as two toned letters in one word
        assertEquals(new Tcvn3.Evidence(1, 1, 1), Tcvn3.evidence(bytes("c{F4}{EC}"), 0));
        // plain vowel + combining tone: a tone after a or e, and a doubled i, u or y, are not Vietnamese
        assertEquals(new Tcvn3.Evidence(1, 3, 4), Tcvn3.evidence(bytes("Ha{CC} ke{F2} Ti{DE}nh Bi{CC}nh"), 0));
        // while real TCVN3 vowel pairs pass: tho{B8}ng, Hu{D5}, nghi{D6}p, gi{B6}i, tr{AD}{EB}ng, khuy{D5}n
        assertEquals(new Tcvn3.Evidence(7, 0, 6),
                Tcvn3.evidence(bytes("tho{B8}ng Hu{D5} nghi{D6}p gi{B6}i tr{AD}{EB}ng khuy{D5}n"), 0));
    }

    /** Windows-1258 fixture bytes, checked to decode back to the text. */
    private static byte[] windows1258(String text, boolean precomposedWhereAvailable) {
        byte[] bytes = vn.iip.testing.LegacyEncodings.windows1258(text, precomposedWhereAvailable);
        String back = Normalizer.normalize(new String(bytes, Charset.forName("windows-1258")), Normalizer.Form.NFC);
        assertEquals(text, back, "the fixture is faithful Windows-1258");
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Quảng Ninh",
        "Chỉ số sản xuất công nghiệp tỉnh Quảng Ninh",
        "Đồng Nai, Thừa Thiên Huế, Khai khoáng",
        "Sản xuất và phân phối điện, Tăng trưởng",
        "Quảng Bình, Lạng Sơn, Hà Tĩnh",
    })
    void rejectsWindows1258(String text) throws CharacterCodingException {
        assertFalse(Tcvn3.looksLikeTcvn3(windows1258(text, false), 0), "combining tones");
        assertFalse(Tcvn3.looksLikeTcvn3(windows1258(text, true), 0), "precomposed where available");
    }

    @Test
    void rejectsAsciiUtf8AndLatin1() {
        assertFalse(Tcvn3.looksLikeTcvn3("Chi so san xuat cong nghiep, 105.5".getBytes(StandardCharsets.US_ASCII), 0));
        assertFalse(Tcvn3.looksLikeTcvn3(
                "Chỉ số sản xuất công nghiệp tỉnh Quảng Ninh".getBytes(StandardCharsets.UTF_8), 0));
        assertFalse(Tcvn3.looksLikeTcvn3("Société générale à Genève".getBytes(StandardCharsets.ISO_8859_1), 0));
        assertFalse(Tcvn3.looksLikeTcvn3(new byte[0], 0));
    }
}
