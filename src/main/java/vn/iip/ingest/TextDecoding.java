package vn.iip.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an extract's bytes: UTF-8 with or without BOM, UTF-16 with a BOM or recognised by its zero bytes, and the
 * legacy 8-bit Vietnamese codes when the bytes show Vietnamese evidence: Windows-1258 (letters and combining tone
 * marks, composed to NFC) and TCVN3 (the ".Vn" fonts' code, {@link Tcvn3}); when both fit, the one with more evidence
 * per high byte wins. Anything else is reported (with the offset of the first byte that is not UTF-8) rather than
 * half-mangled; the caller still gets Latin-1 text to split into rows, which all go to quarantine.
 */
public final class TextDecoding {
    private TextDecoding() {}

    /** Decoded text, the encoding name recorded on extract_file, and the problem (null when it decoded cleanly). */
    public record Decoded(String text, String encoding, String problem) {}

    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, "UTF-8 (BOM)");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE (BOM)", null);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE (BOM)", null);
        }
        String utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            java.nio.charset.Charset charset = utf16.equals("UTF-16LE") ? StandardCharsets.UTF_16LE
                    : StandardCharsets.UTF_16BE;
            return new Decoded(new String(bytes, charset), utf16 + " (no BOM; zero bytes at every "
                    + (utf16.equals("UTF-16LE") ? "odd" : "even") + " offset)", null);
        }
        return strict(bytes, 0, "UTF-8");
    }

    /** Text in UTF-16 has a zero byte in most ASCII characters; 8-bit text and UTF-8 have none. */
    static String utf16WithoutBom(byte[] bytes) {
        if (bytes.length < 8 || bytes.length % 2 != 0) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        int sample = Math.min(bytes.length, 4096);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int pairs = sample / 2;
        if (oddZeros > pairs / 2 && evenZeros == 0) {
            return "UTF-16LE";
        }
        if (evenZeros > pairs / 2 && oddZeros == 0) {
            return "UTF-16BE";
        }
        return null;
    }

    private static Decoded strict(byte[] bytes, int offset, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return new Decoded(decoder.decode(buffer).toString(), name, null);
        } catch (CharacterCodingException e) {
            int position = buffer.position();
            int length = e instanceof MalformedInputException m ? m.getInputLength() : 1;
            if (cutInsideLastCharacter(bytes, position)) {
                // UTF-8 cut short (a truncated copy): the text up to the cut is fine; its last row tells the damage.
                String text = new String(bytes, offset, position - offset, StandardCharsets.UTF_8);
                return new Decoded(text, name + " (cut short inside its last character)", null);
            }
            Decoded legacy = legacyVietnamese(bytes, offset);
            if (legacy != null) {
                return legacy;
            }
            String problem = String.format("the file cannot be decoded confidently: byte 0x%02X at offset %d cannot"
                    + " start or continue a UTF-8 character (%d byte(s)), and the bytes do not read as Vietnamese in"
                    + " Windows-1258 or TCVN3; re-save it as UTF-8", bytes[Math.min(position, bytes.length - 1)] & 0xFF,
                    position, length);
            return new Decoded(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1),
                    "unknown (not UTF-8)", problem);
        }
    }

    /** Whether the bytes from {@code at} to the end are the start of one UTF-8 character, missing its last bytes. */
    static boolean cutInsideLastCharacter(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return false;
        }
        int lead = bytes[at] & 0xFF;
        int needed = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (needed == 0 || at + needed <= bytes.length) {
            return false;
        }
        for (int i = at + 1; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Windows-1258 or TCVN3, whichever shows more Vietnamese per high byte; null when neither is convincing. */
    static Decoded legacyVietnamese(byte[] bytes, int offset) {
        Decoded windows = windows1258(bytes, offset);
        Tcvn3.Evidence tcvn = Tcvn3.looksLikeTcvn3(bytes, offset) ? Tcvn3.evidence(bytes, offset) : null;
        if (tcvn != null && (windows == null || tcvn.share() > windowsShare(bytes, offset))) {
            String evidence = String.format("TCVN3 (%d Vietnamese letters in %d words, %d other high bytes)",
                    tcvn.vietnameseLetters(), tcvn.words(), tcvn.otherHighBytes());
            return new Decoded(Tcvn3.decode(bytes, offset), evidence, null);
        }
        return windows;
    }

    private static double windowsShare(byte[] bytes, int offset) {
        int[] counts = windows1258Counts(bytes, offset);
        return counts == null ? 0 : counts[0] / (double) Math.max(1, counts[0] + counts[1]);
    }

    /**
     * Windows-1258 has some Vietnamese letters precomposed (à á â ã ă è é ê í ó ô ơ ù ú ư đ and their capitals) and
     * writes the others as a base letter plus a combining tone mark (ạ = a + U+0323), as Windows and Python's cp1258
     * do. Accept it only when such letters make up nearly all non-ASCII text; the evidence goes into the encoding
     * name on extract_file.
     */
    static Decoded windows1258(byte[] bytes, int offset) {
        int[] counts = windows1258Counts(bytes, offset);
        // The letters Vietnamese shares with French (é à è â ê ô) are not enough: some must be Vietnamese only.
        if (counts == null || counts[0] < 3 || counts[0] < 9 * counts[1] || counts[2] == 0) {
            return null;
        }
        String text = new String(bytes, offset, bytes.length - offset, java.nio.charset.Charset.forName("windows-1258"));
        String evidence = String.format("windows-1258 (%d Vietnamese letters and tone marks, %d other non-ASCII"
                + " characters)", counts[0], counts[1]);
        return new Decoded(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC), evidence, null);
    }

    /**
     * [Vietnamese letters and tone marks after a letter, other non-ASCII characters, of the first those only Vietnamese
     * writes (ă ơ ư đ, a tone mark after a letter)], or null if the bytes are not Windows-1258 at all.
     */
    private static int[] windows1258Counts(byte[] bytes, int offset) {
        String text;
        try {
            text = java.nio.charset.Charset.forName("windows-1258").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        int vietnamese = 0;
        int other = 0;
        int onlyVietnamese = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            boolean toneAfterLetter = TONE_MARKS.indexOf(c) >= 0 && i > 0 && Character.isLetter(text.charAt(i - 1));
            if (toneAfterLetter || isVietnameseLetter(c)) {
                vietnamese++;
                onlyVietnamese += toneAfterLetter || "ăơưđĂƠƯĐ".indexOf(c) >= 0 ? 1 : 0;
            } else {
                other++;
            }
        }
        return new int[] {vietnamese, other, onlyVietnamese};
    }

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
    /** Tone marks and the vowel marks of â ê ô (circumflex), ă (breve), ơ ư (horn). */
    private static final String VIETNAMESE_MARKS = TONE_MARKS + "\u0302\u0306\u031B";
    private static final String VOWELS = "aeiouyAEIOUY";

    /** đ, or a vowel carrying only Vietnamese marks (à, ấ, ơ, ữ…); not ä, ç, ñ, ø, which Vietnamese never writes. */
    static boolean isVietnameseLetter(char c) {
        if (c == 'đ' || c == 'Đ') {
            return true;
        }
        String parts = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        if (parts.length() < 2 || VOWELS.indexOf(parts.charAt(0)) < 0) {
            return false;
        }
        return parts.substring(1).chars().allMatch(mark -> VIETNAMESE_MARKS.indexOf(mark) >= 0);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
