package vn.iip.ingest.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * How a careful reader turns a damaged text file into characters and CSV records, written here independently of the
 * readers under test so the expectations follow from the damage and not from the code they check.
 */
final class Texts {
    private Texts() {}

    /**
     * The text, or the offset of the first byte that is not valid in the charset ({@code badByte} ≥ 0, text null).
     * A UTF-8 character that the end of the file cuts short is truncation, not another encoding: it is dropped and
     * {@code cutCharacter} says so.
     */
    record Decoded(String text, int badByte, boolean cutCharacter) {}

    static Decoded utf8(byte[] bytes) {
        int bad = firstInvalidUtf8(bytes);
        if (bad < 0) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), -1, false);
        }
        if (cutByEnd(bytes, bad)) {
            return new Decoded(new String(bytes, 0, bad, StandardCharsets.UTF_8), -1, true);
        }
        return new Decoded(null, bad, false);
    }

    /** A single-byte code page (Windows-1258): every byte it does not map is bad; nothing is composed. */
    static Decoded strict(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8(bytes);
        }
        for (int i = 0; i < bytes.length; i++) {
            try {
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, i, 1));
            } catch (CharacterCodingException e) {
                return new Decoded(null, i, false);
            }
        }
        return new Decoded(new String(bytes, charset), -1, false);
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                    : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > bytes.length) {
                return i;
            }
            String one = new String(bytes, i, length, StandardCharsets.UTF_8);
            if (one.length() > 2 || one.indexOf('\uFFFD') >= 0) {
                return i; // a bad continuation byte, an overlong form or a surrogate
            }
            i += length;
        }
        return -1;
    }

    /** True when the bytes from {@code at} are the start of one UTF-8 character and the file ends inside it. */
    private static boolean cutByEnd(byte[] bytes, int at) {
        int b = bytes[at] & 0xFF;
        int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0 || at + length <= bytes.length) {
            return false;
        }
        for (int i = at + 1; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /** One CSV record: the line it starts on, its text, its fields, and whether a quote is still open at its end. */
    record Record(int line, String text, List<String> fields, boolean openQuote) {
        boolean blank() {
            return !openQuote && fields.stream().allMatch(String::isBlank);
        }
    }

    /**
     * RFC 4180 records: a quote at the start of a field opens it (it may then hold the delimiter, doubled quotes and
     * line breaks); CR, LF and CRLF end a record; a quote still open at the end of the text leaves the record open.
     */
    static List<Record> records(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int startLine = 1;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(startLine, text.substring(start, i), fields, false));
                fields = new ArrayList<>();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                startLine = ++line;
                start = i + 1;
            } else {
                field.append(c);
            }
        }
        if (start < text.length() || quoted) {
            fields.add(field.toString());
            records.add(new Record(startLine, text.substring(start), fields, quoted));
        }
        return records;
    }

    /** The line (1 = first) that character {@code at} of the text is on. */
    static int lineOf(String text, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    /**
     * What a flip changed, one line per damaged word: "row 14: 'VN' → 'V^'". A word runs between delimiters of the
     * original; a changed delimiter is shown alone. The damaged text must have the original's length in characters
     * (a flipped byte that still decodes is still one character).
     */
    static List<String> changes(String original, String damaged, String delimiters, IntFunction<String> where) {
        if (original.length() != damaged.length()) {
            throw new IllegalStateException("the damaged text is not as long as the original");
        }
        Set<String> changes = new LinkedHashSet<>();
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) == damaged.charAt(i)) {
                continue;
            }
            int from = i;
            int to = i + 1;
            if (delimiters.indexOf(original.charAt(i)) < 0) {
                while (from > 0 && delimiters.indexOf(original.charAt(from - 1)) < 0) {
                    from--;
                }
                while (to < original.length() && delimiters.indexOf(original.charAt(to)) < 0) {
                    to++;
                }
            }
            changes.add(where.apply(i) + ": '" + visible(original.substring(from, to)) + "' → '"
                    + visible(damaged.substring(from, to)) + "'");
        }
        return List.copyOf(changes);
    }

    /** NFC, with control characters written as \xNN so a table can name them. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            out.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
