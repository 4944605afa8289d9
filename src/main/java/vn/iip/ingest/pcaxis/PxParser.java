package vn.iip.ingest.pcaxis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses PC-Axis files as the PX 2013 specification writes them: {@code KEYWORD[lang]("sub","keys")=value;}
 * records, quoted lists whose items may be split over lines into adjacent quoted fragments, CODEPAGE (default
 * iso-8859-1), LANGUAGE/LANGUAGES (only default-language records are kept) and DATA as the last keyword.
 */
public final class PxParser {
    private PxParser() {}

    private static final Pattern CODEPAGE = Pattern.compile("CODEPAGE\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern LANGUAGE = Pattern.compile("(?m)^\\s*LANGUAGE\\s*=\\s*\"([^\"]+)\"");

    /** A file that cannot be read as PC-Axis: the message says why, and the rule it breaks. */
    public static final class PxFormatException extends Exception {
        private final String rule;

        public PxFormatException(String message) {
            this(message, vn.iip.conform.Rules.FILE_UNSUPPORTED);
        }

        PxFormatException(String message, String rule) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    public static PxDocument parse(byte[] bytes) throws PxFormatException {
        String prefix = new String(bytes, StandardCharsets.ISO_8859_1);
        int dataAt = prefix.indexOf("DATA=");
        Matcher codepage = CODEPAGE.matcher(dataAt < 0 ? prefix : prefix.substring(0, dataAt));
        String declared = codepage.find() ? codepage.group(1).trim() : "iso-8859-1";
        String[] decoded = decodeChecked(bytes, declared);
        String encoding = decoded[0];
        String text = decoded[1];
        Matcher language = LANGUAGE.matcher(text);
        String defaultLanguage = language.find() ? language.group(1) : null;
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        List<String> cells = null;
        String dataText = null;
        int i = 0;
        while (i < text.length()) {
            i = skipSpace(text, i);
            if (i >= text.length()) {
                break;
            }
            int equals = indexOutsideQuotes(text, '=', i);
            if (equals < 0) {
                throw new PxFormatException("text after the last record is not a KEYWORD=value; record (at char " + i
                        + ")");
            }
            Key key = Key.parse(text.substring(i, equals).trim());
            if (key.name().equals("DATA")) {
                int end = text.lastIndexOf(';');
                dataText = text.substring(equals + 1, end > equals ? end : text.length());
                cells = dataCells(dataText);
                break;
            }
            int semicolon = indexOutsideQuotes(text, ';', equals + 1);
            if (semicolon < 0) {
                throw new PxFormatException("keyword " + key.name() + " is not closed by ';' (truncated file?)");
            }
            if (key.language() == null || key.language().equals(defaultLanguage)) {
                keywords.put(key.id(), splitList(text.substring(equals + 1, semicolon)));
            }
            i = semicolon + 1;
        }
        if (cells == null) {
            throw new PxFormatException("no DATA keyword: the file is not PC-Axis or was cut short");
        }
        List<String> stub = keywords.getOrDefault("STUB", List.of());
        List<String> heading = keywords.getOrDefault("HEADING", List.of());
        if (stub.isEmpty() && heading.isEmpty()) {
            throw new PxFormatException("neither STUB nor HEADING names a variable");
        }
        boolean sparse = keywords.keySet().stream().anyMatch(k -> k.startsWith("KEYS|"));
        if (!sparse) {
            return new PxDocument(encoding, keywords, stub, heading, cells, List.of());
        }
        List<List<String>> coordinates = new ArrayList<>();
        List<String> sparseCells = new ArrayList<>();
        keyedRows(dataText, keywords, stub, heading, sparseCells, coordinates);
        return new PxDocument(encoding, keywords, stub, heading, sparseCells, coordinates);
    }

    /** KEYS files: each DATA line starts with its stub values (or codes), then the cells of the heading product. */
    private static void keyedRows(String data, Map<String, List<String>> keywords, List<String> stub,
                                  List<String> heading, List<String> cells, List<List<String>> coordinates)
            throws PxFormatException {
        int headingCells = 1;
        for (String variable : heading) {
            headingCells *= keywords.getOrDefault("VALUES|" + variable, List.of()).size();
        }
        int lineNumber = 0;
        for (String line : data.split("\\R")) {
            lineNumber++;
            List<String> tokens = dataCells(line);
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.size() != stub.size() + headingCells) {
                throw new PxFormatException("DATA line " + lineNumber + " of a KEYS file has " + tokens.size()
                        + " items; expected " + stub.size() + " key(s) and " + headingCells + " cell(s)");
            }
            List<String> keys = new ArrayList<>();
            for (int s = 0; s < stub.size(); s++) {
                keys.add(keyValue(keywords, stub.get(s), tokens.get(s)));
            }
            for (int c = 0; c < headingCells; c++) {
                List<String> point = new ArrayList<>(keys);
                int remainder = c;
                String[] picked = new String[heading.size()];
                for (int h = heading.size() - 1; h >= 0; h--) {
                    List<String> values = keywords.get("VALUES|" + heading.get(h));
                    picked[h] = values.get(remainder % values.size());
                    remainder /= values.size();
                }
                point.addAll(List.of(picked));
                coordinates.add(point);
                cells.add(tokens.get(stub.size() + c));
            }
        }
    }

    /** A stub key as VALUES text: KEYS("var")=CODES writes codes, translated back through CODES("var"). */
    private static String keyValue(Map<String, List<String>> keywords, String variable, String key)
            throws PxFormatException {
        List<String> values = keywords.getOrDefault("VALUES|" + variable, List.of());
        boolean byCode = keywords.getOrDefault("KEYS|" + variable, List.of("VALUES")).get(0).equalsIgnoreCase("CODES");
        int index = (byCode ? keywords.getOrDefault("CODES|" + variable, List.of()) : values).indexOf(key);
        if (index < 0) {
            throw new PxFormatException("DATA key \"" + key + "\" is not a " + (byCode ? "code" : "value")
                    + " of variable \"" + variable + "\"");
        }
        return values.get(index);
    }

    /**
     * [encoding as recorded, text]. A wrong CODEPAGE is common (exports say iso-8859-1 and write UTF-8): valid UTF-8
     * with multi-byte characters is taken as UTF-8 whatever the file declares, and a file declared UTF-8 that is not
     * is read as Windows-1258 or TCVN3 only when its bytes show Vietnamese; the evidence is recorded either way.
     */
    static String[] decodeChecked(byte[] bytes, String declared) throws PxFormatException {
        boolean declaredUtf8 = declared.replace("-", "").equalsIgnoreCase("utf8");
        vn.iip.ingest.TextDecoding.Decoded sniffed = vn.iip.ingest.TextDecoding.decode(bytes);
        boolean multiByteUtf8 = sniffed.problem() == null && sniffed.encoding().startsWith("UTF-8")
                && sniffed.text().chars().anyMatch(c -> c >= 0x80);
        if (!declaredUtf8 && multiByteUtf8) {
            return new String[] {"utf-8 (CODEPAGE says \"" + declared + "\" but the bytes are valid UTF-8 with"
                    + " multi-byte characters)", decode(bytes, "UTF-8")};
        }
        if (declaredUtf8 && sniffed.problem() == null && sniffed.encoding().startsWith("UTF-8 (cut short")) {
            return new String[] {sniffed.encoding(), Normalizer.normalize(sniffed.text(), Normalizer.Form.NFC)};
        }
        if (declaredUtf8 && sniffed.problem() == null && !sniffed.encoding().startsWith("UTF-")) {
            return new String[] {sniffed.encoding() + "; CODEPAGE says \"" + declared + "\" but the bytes are not"
                    + " UTF-8", Normalizer.normalize(sniffed.text().replace("\uFEFF", ""), Normalizer.Form.NFC)};
        }
        return new String[] {declared, decode(bytes, declared)};
    }

    private static String decode(byte[] bytes, String encoding) throws PxFormatException {
        Charset charset;
        try {
            charset = Charset.forName(encoding.equalsIgnoreCase("utf8") ? "UTF-8" : encoding);
        } catch (IllegalArgumentException e) {
            throw new PxFormatException("CODEPAGE \"" + encoding + "\" is not an encoding this JVM knows");
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // Windows-1258 writes tone marks as combining characters: compose them.
            return Normalizer.normalize(text.replace("\uFEFF", ""), Normalizer.Form.NFC);
        } catch (CharacterCodingException e) {
            throw new PxFormatException("the file does not decode as its declared CODEPAGE \"" + encoding
                    + "\" (nor as UTF-8, Windows-1258 or TCVN3); fix CODEPAGE or re-save the file in that encoding",
                    vn.iip.conform.Rules.FILE_UNDECODABLE);
        }
    }

    /** A keyword with its optional language and subkeys: {@code VALUES[en]("Năm")}. */
    private record Key(String name, String language, List<String> subkeys) {
        static Key parse(String text) throws PxFormatException {
            Matcher m = Pattern.compile("([A-Za-z][A-Za-z0-9-]*)\\s*(?:\\[([^\\]]+)\\])?\\s*(?:\\((.*)\\))?", Pattern.DOTALL)
                    .matcher(text);
            if (!m.matches()) {
                throw new PxFormatException("'" + text + "' is not a PC-Axis keyword");
            }
            return new Key(m.group(1).toUpperCase(java.util.Locale.ROOT), m.group(2),
                    m.group(3) == null ? List.of() : splitList(m.group(3)));
        }

        String id() {
            return subkeys.isEmpty() ? name : name + "|" + String.join("|", subkeys);
        }
    }

    /** "a","b" or "a" "b" fragments or TLIST(A1, "1994"-"1996") or a bare number. */
    static List<String> splitList(String raw) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean inQuotes = false;
        boolean hasItem = false;
        int depth = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    inQuotes = false;
                } else {
                    item.append(c);
                }
            } else if (c == '"') {
                inQuotes = true;
                hasItem = true;
            } else if (c == '(') {
                depth++;
                item.append(c);
            } else if (c == ')') {
                depth--;
                item.append(c);
            } else if (c == ',' && depth == 0) {
                items.add(item.toString().trim());
                item.setLength(0);
                hasItem = false;
            } else if (!Character.isWhitespace(c) || depth > 0) {
                item.append(c);
                hasItem = true;
            }
        }
        if (hasItem || item.length() > 0) {
            items.add(item.toString().trim());
        }
        return items;
    }

    /** DATA cells: quoted symbols (".." "-") or bare numbers, separated by spaces, tabs, line breaks or commas. */
    private static List<String> dataCells(String data) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|([^\\s,;\"]+)").matcher(data);
        while (m.find()) {
            cells.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return cells;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int indexOutsideQuotes(String text, char wanted, int from) {
        boolean inQuotes = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == wanted && !inQuotes) {
                return i;
            }
        }
        return -1;
    }
}
