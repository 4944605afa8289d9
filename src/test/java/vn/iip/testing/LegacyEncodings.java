package vn.iip.testing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import vn.iip.ingest.Tcvn3;

/** Writes text the way old office software did, for decoding tests and golden legacy files. */
public final class LegacyEncodings {
    private LegacyEncodings() {}

    private static final String TONES = "\u0300\u0309\u0303\u0301\u0323";

    /** TCVN3 bytes (lower-case toned letters only exist in VN3; capitals must be untoned or plain ASCII). */
    public static byte[] tcvn3(String text) {
        Map<Character, Integer> inverse = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            String s = Tcvn3.decode(new byte[] {(byte) b}, 0);
            if (s.length() == 1 && s.charAt(0) != '\uFFFD') {
                inverse.putIfAbsent(s.charAt(0), b);
            }
        }
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            Integer b = inverse.get(text.charAt(i));
            if (b == null) {
                throw new IllegalArgumentException("TCVN3 cannot write '" + text.charAt(i) + "' in: " + text);
            }
            out[i] = (byte) (int) b;
        }
        return out;
    }

    /** Windows-1258 bytes as Windows writes them: tone marks as combining characters after the base letter. */
    public static byte[] windows1258(String text) {
        return windows1258(text, false);
    }

    /**
     * Windows-1258 bytes with tones as combining marks, or, with {@code precomposedWhereAvailable}, as the few
     * precomposed letters the code page has (Windows writes both forms).
     */
    public static byte[] windows1258(String text, boolean precomposedWhereAvailable) {
        Charset cp1258 = Charset.forName("windows-1258");
        CharsetEncoder probe = cp1258.newEncoder();
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x80 || precomposedWhereAvailable && probe.canEncode(c)) {
                out.append(c);
                continue;
            }
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            StringBuilder tone = new StringBuilder();
            for (char d : nfd.toCharArray()) {
                (TONES.indexOf(d) >= 0 ? tone : base).append(d);
            }
            String composed = Normalizer.normalize(base, Normalizer.Form.NFC);
            out.append(probe.canEncode(composed) ? composed : base).append(tone);
        }
        try {
            ByteBuffer encoded = cp1258.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(out));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Windows-1258 cannot write: " + text, e);
        }
    }
}
