package vn.iip.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes TCVN3: TCVN 5712:1993 character set VN3, the 8-bit code of the ABC / ".VnTime" fonts. The table below was
 * written for this class and checked against public converters (GNU libiconv lib/tcvn.h, the XFree86 X-TrueType
 * TCVN table, duydev/vietnamese-conversion).
 *
 * <p>VN3 keeps all of ASCII, C0 controls included, and adds 75 characters: no-break space (0xA0), seven capitals
 * without tone (0xA1-0xA7), their lower-case forms (0xA8-0xAE) and the 60 lower-case toned vowels (0xB5-0xFE). It
 * has no toned capitals: those sit in 0x01-0x17, 0x80-0x9F and gaps of 0xAF-0xFF only in the VN1/VN2 supersets, as
 * do the combining tones 0xB0-0xB4; here they decode to U+FFFD and count against the text. Writers got toned capitals
 * by switching to an all-capital font (".VnTimeH") that draws the lower-case codes as capitals, so a word such as
 * "TOµN" is decoded as "TOÀN" (see {@link #decode}).
 *
 * <p>How a caller should order the checks (TextDecoding): a BOM or strictly valid UTF-8 wins outright, since valid
 * UTF-8 with non-ASCII text is almost never TCVN3 by accident ({@link #looksLikeTcvn3} refuses it anyway). Otherwise
 * test Windows-1258 and TCVN3 side by side: the same bytes can pass both, because nearly all of 1258's letters and
 * combining tones (0xCC 0xD2 0xDE 0xEC 0xF2, 0xE2 0xEA 0xF4 ...) land on TCVN3 toned letters. Take the candidate with
 * the higher share of Vietnamese evidence per high byte ({@link Evidence#share()}); on a tie keep Windows-1258, as real
 * TCVN3 text seldom ties: its letters ă â ê ô ơ ư đ (0xA8-0xAE) are symbols in Windows-1258.
 */
public final class Tcvn3 {
    private Tcvn3() {}

    /**
     * What the high bytes (0x80-0xFF) say. {@code vietnameseLetters}: bytes that decode to a VN3 letter.
     * {@code otherHighBytes}: unassigned bytes, plus toned letters that Vietnamese spelling rules out, which is how
     * Windows-1258 read as TCVN3 looks: a second tone in one word ("cụỡ" for "cô" + acute; a syllable has one
     * tone), a tone after plain a or e ("Haè" for "Ha" + grave), or a doubled i, u or y ("Tiịnh").
     * The no-break space counts as neither. {@code words}: words holding at least one VN3 letter byte.
     */
    public record Evidence(int vietnameseLetters, int otherHighBytes, int words) {
        public double share() {
            int counted = vietnameseLetters + otherHighBytes;
            return counted == 0 ? 0 : (double) vietnameseLetters / counted;
        }
    }

    private static final char UNMAPPED = '\uFFFD';
    /** Unicode for bytes 0x80-0xFF. */
    private static final char[] HIGH = new char[128];
    /** For toned letters, their vowel without tone; 0 elsewhere. */
    private static final char[] TONE_BASE = new char[128];
    /** The toned vowels by row: vowel, then its byte with grave, hook above, tilde, acute, dot below. */
    private static final int[][] TONE_ROWS = {
        {'a', 0xB5, 0xB6, 0xB7, 0xB8, 0xB9},
        {'ă', 0xBB, 0xBC, 0xBD, 0xBE, 0xC6},
        {'â', 0xC7, 0xC8, 0xC9, 0xCA, 0xCB},
        {'e', 0xCC, 0xCE, 0xCF, 0xD0, 0xD1},
        {'ê', 0xD2, 0xD3, 0xD4, 0xD5, 0xD6},
        {'i', 0xD7, 0xD8, 0xDC, 0xDD, 0xDE},
        {'o', 0xDF, 0xE1, 0xE2, 0xE3, 0xE4},
        {'ô', 0xE5, 0xE6, 0xE7, 0xE8, 0xE9},
        {'ơ', 0xEA, 0xEB, 0xEC, 0xED, 0xEE},
        {'u', 0xEF, 0xF1, 0xF2, 0xF3, 0xF4},
        {'ư', 0xF5, 0xF6, 0xF7, 0xF8, 0xF9},
        {'y', 0xFA, 0xFB, 0xFC, 0xFD, 0xFE},
    };
    private static final String TONES = "\u0300\u0309\u0303\u0301\u0323";

    static {
        Arrays.fill(HIGH, UNMAPPED);
        HIGH[0x20] = '\u00A0';
        String untoned = "ĂÂÊÔƠƯĐăâêôơưđ"; // 0xA1-0xAE in this order
        for (int i = 0; i < untoned.length(); i++) {
            HIGH[0x21 + i] = untoned.charAt(i);
        }
        for (int[] row : TONE_ROWS) {
            for (int t = 0; t < TONES.length(); t++) {
                // Composing from vowel + tone keeps the table to what the standard specifies (position and tone).
                String letter = Normalizer.normalize((char) row[0] + TONES.substring(t, t + 1), Normalizer.Form.NFC);
                if (letter.length() != 1) {
                    throw new IllegalStateException("no precomposed form for " + letter);
                }
                HIGH[row[t + 1] - 0x80] = letter.charAt(0);
                TONE_BASE[row[t + 1] - 0x80] = (char) row[0];
            }
        }
    }

    /**
     * Decodes bytes from {@code offset}. Every mapped character is precomposed and VN3 has no combining marks, so the
     * result is NFC as built. A word with no lower-case ASCII letter, at least two capitals and some lower-case VN3
     * letter is upper-cased: it was typed in an all-capital font. "Hµ" (Hà) is left alone, as one capital
     * cannot tell a shouted word from a capitalised one.
     */
    public static String decode(byte[] bytes, int offset) {
        StringBuilder out = new StringBuilder(bytes.length - offset);
        for (int i = offset; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            out.append(b < 0x80 ? (char) b : HIGH[b - 0x80]);
        }
        int start = 0;
        while (start < out.length()) {
            if (!Character.isLetter(out.charAt(start))) {
                start++;
                continue;
            }
            int end = start;
            int upper = 0;
            int lowerAscii = 0;
            int lowerVietnamese = 0;
            for (; end < out.length() && Character.isLetter(out.charAt(end)); end++) {
                char c = out.charAt(end);
                if (Character.isUpperCase(c)) {
                    upper++;
                } else if (c < 0x80) {
                    lowerAscii++;
                } else {
                    lowerVietnamese++;
                }
            }
            if (lowerVietnamese > 0 && lowerAscii == 0 && upper >= 2) {
                out.replace(start, end, out.substring(start, end).toUpperCase(Locale.ROOT));
            }
            start = end;
        }
        return out.toString();
    }

    public static Evidence evidence(byte[] bytes, int offset) {
        int letters = 0;
        int other = 0;
        int words = 0;
        int tonesInWord = 0;
        boolean vietnameseWord = false;
        int previous = -1;
        for (int i = offset; i <= bytes.length; i++) {
            int b = i < bytes.length ? bytes[i] & 0xFF : ' ';
            char c = b < 0x80 ? (char) b : HIGH[b - 0x80];
            boolean letter = b < 0x80 ? (b | 0x20) >= 'a' && (b | 0x20) <= 'z' : c != UNMAPPED && c != '\u00A0';
            if (c == UNMAPPED) {
                other++;
            } else if (b >= 0x80 && letter) {
                vietnameseWord = true;
                char base = TONE_BASE[b - 0x80];
                if (base != 0 && (tonesInWord++ > 0 || impossibleAfter(previous, base))) {
                    other++;
                } else {
                    letters++;
                }
            }
            if (!letter) {
                words += vietnameseWord ? 1 : 0;
                vietnameseWord = false;
                tonesInWord = 0;
            }
            previous = b;
        }
        return new Evidence(letters, other, words);
    }

    private static boolean impossibleAfter(int previous, char base) {
        int lower = previous | 0x20;
        return previous >= 0 && previous < 0x80
                && (lower == 'a' || lower == 'e' || (lower == base && "iuy".indexOf(base) >= 0));
    }

    /**
     * True when at least three high bytes read as VN3 letters and they make up at least 90% of the counted high bytes
     * (see {@link Evidence}), and the bytes are not valid UTF-8 with non-ASCII text. The caller tries UTF-8 first
     * anyway; the UTF-8 refusal keeps this method safe to call on its own.
     */
    public static boolean looksLikeTcvn3(byte[] bytes, int offset) {
        if (isUtf8WithNonAscii(bytes, offset)) {
            return false;
        }
        Evidence evidence = evidence(bytes, offset);
        return evidence.vietnameseLetters() >= 3 && evidence.vietnameseLetters() >= 9 * evidence.otherHighBytes();
    }

    private static boolean isUtf8WithNonAscii(byte[] bytes, int offset) {
        boolean nonAscii = false;
        for (int i = offset; i < bytes.length && !nonAscii; i++) {
            nonAscii = bytes[i] < 0;
        }
        if (!nonAscii) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
