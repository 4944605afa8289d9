package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.iip.testing.LegacyEncodings;

class TextDecodingTest {
    private static final String TEXT = "period;geo;value\n2021-11;Quảng Ninh;119,17\n2021-11;Thừa Thiên Huế;109,12\n"
            + "2021-11;Đồng Nai;106,9\n";

    /** Non-ASCII letters: ả ừ ê ế Đ ồ (6, in 5 words); in Windows-1258 ả ừ ế ồ are base + tone mark (9 code points). */
    static Stream<Arguments> encodings() {
        Function<String, byte[]> utf8Bom = t -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                t.getBytes(StandardCharsets.UTF_8));
        Function<String, byte[]> utf16LeBom = t -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                t.getBytes(StandardCharsets.UTF_16LE));
        Function<String, byte[]> utf16BeBom = t -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                t.getBytes(StandardCharsets.UTF_16BE));
        return Stream.of(
                Arguments.of("UTF-8", (Function<String, byte[]>) t -> t.getBytes(StandardCharsets.UTF_8), "UTF-8"),
                Arguments.of("UTF-8 with BOM", utf8Bom, "UTF-8 (BOM)"),
                Arguments.of("UTF-16LE with BOM", utf16LeBom, "UTF-16LE (BOM)"),
                Arguments.of("UTF-16BE with BOM", utf16BeBom, "UTF-16BE (BOM)"),
                Arguments.of("UTF-16LE without BOM", (Function<String, byte[]>) t -> t.getBytes(StandardCharsets.UTF_16LE),
                        "UTF-16LE (no BOM; zero bytes at every odd offset)"),
                Arguments.of("UTF-16BE without BOM", (Function<String, byte[]>) t -> t.getBytes(StandardCharsets.UTF_16BE),
                        "UTF-16BE (no BOM; zero bytes at every even offset)"),
                Arguments.of("Windows-1258 (combining tones)", (Function<String, byte[]>) LegacyEncodings::windows1258,
                        "windows-1258 (9 Vietnamese letters and tone marks, 0 other non-ASCII characters)"),
                // As Windows and Python's cp1258 write NFC text: ồ is ô + combining grave, Đ and à are one byte each.
                Arguments.of("Windows-1258 (precomposed where the code page has them)",
                        (Function<String, byte[]>) t -> LegacyEncodings.windows1258(t, true),
                        "windows-1258 (9 Vietnamese letters and tone marks, 0 other non-ASCII characters)"),
                Arguments.of("TCVN3", (Function<String, byte[]>) LegacyEncodings::tcvn3,
                        "TCVN3 (6 Vietnamese letters in 5 words, 0 other high bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void decodesToTheSameNfcText(String name, Function<String, byte[]> encode, String encoding) {
        TextDecoding.Decoded decoded = TextDecoding.decode(encode.apply(TEXT));
        assertNull(decoded.problem());
        assertEquals(encoding, decoded.encoding());
        assertEquals(TEXT, decoded.text());
    }

    @Test
    void latinOneTextIsRejectedWithTheOffsetOfTheFirstBadByte() {
        byte[] bytes = "geo;value\nSociété générale à Genève;1\n".getBytes(StandardCharsets.ISO_8859_1);
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        assertNotNull(decoded.problem());
        assertEquals("unknown (not UTF-8)", decoded.encoding());
        assertTrue(decoded.problem().startsWith("the file cannot be decoded confidently: byte 0xE9 at offset 14"),
                decoded.problem());
        assertTrue(decoded.problem().endsWith("in Windows-1258 or TCVN3; re-save it as UTF-8"), decoded.problem());
    }

    /**
     * Text rich in the letters Windows-1258 has precomposed (à á é í ó ú ý â ê ô ă ơ ư đ): read as Vietnamese, not
     * rejected because those letters are not tone marks.
     */
    @Test
    void windows1258WithManyPrecomposedLettersIsVietnamese() {
        String text = "geo;industry;comparison\nHà Nội;Toàn ngành công nghiệp;Tháng 11 so với tháng trước\n"
                + "Cà Mau;Khai khoáng;Cùng kỳ năm trước\nKhánh Hòa;Sản xuất và phân phối điện;Tháng 11\n";
        TextDecoding.Decoded decoded = TextDecoding.decode(LegacyEncodings.windows1258(text, true));
        assertNull(decoded.problem());
        assertEquals(text, decoded.text());
        assertTrue(decoded.encoding().startsWith("windows-1258 ("), decoded.encoding());
    }

    /** French shares é à è â ê ô with Vietnamese, but never writes ă ơ ư đ or a separate tone mark. */
    @Test
    void westernTextWithOnlySharedLettersIsNotTakenForWindows1258() {
        byte[] bytes = "geo;value\nHôtel à Genève, château;1\n".getBytes(java.nio.charset.Charset.forName("windows-1258"));
        assertEquals("unknown (not UTF-8)", TextDecoding.decode(bytes).encoding());
    }

    @Test
    void windows1258AndTcvn3OfTheSameTextAreToldApart() {
        String title = "Chỉ số sản xuất công nghiệp tỉnh Quảng Ninh";
        assertEquals(title, TextDecoding.decode(LegacyEncodings.windows1258(title)).text());
        assertEquals(title, TextDecoding.decode(LegacyEncodings.tcvn3(title)).text());
        assertTrue(TextDecoding.decode(LegacyEncodings.tcvn3(title)).encoding().startsWith("TCVN3"));
        assertTrue(TextDecoding.decode(LegacyEncodings.windows1258(title)).encoding().startsWith("windows-1258"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
