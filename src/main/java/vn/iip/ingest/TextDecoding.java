package vn.iip.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an extract's bytes: UTF-8 with or without BOM, UTF-16 with a BOM. Anything else is reported (with the
 * offset of the first bad byte) rather than half-mangled; the caller still gets Latin-1 text to split into rows.
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
        return strict(bytes, 0, "UTF-8");
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
            String problem = String.format("the file is not valid UTF-8: byte 0x%02X at offset %d cannot start or continue"
                    + " a UTF-8 character (%d byte(s)); it was probably saved in a legacy encoding (Windows-1258,"
                    + " TCVN3): re-save it as UTF-8", bytes[Math.min(position, bytes.length - 1)] & 0xFF, position, length);
            return new Decoded(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1),
                    "unknown (not UTF-8)", problem);
        }
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
