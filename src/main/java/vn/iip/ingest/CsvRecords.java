package vn.iip.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 record splitter: quoted fields may hold the delimiter, doubled quotes and line breaks. Each record keeps
 * its starting line number and its original text, so quarantine can show the row exactly as received.
 */
final class CsvRecords {
    private CsvRecords() {}

    /** One record: where it starts, its text, its fields, and whether its quotes were left open at end of file. */
    record Record(int lineNumber, String text, List<String> fields, boolean unterminatedQuote) {}

    static List<Record> split(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int recordStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, stripLineEnd(text.substring(recordStart, i)), fields, false));
                fields = new ArrayList<>();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                recordLine = line;
                recordStart = i + 1;
            } else {
                field.append(c);
            }
            i++;
        }
        if (recordStart < text.length() || quoted) {
            fields.add(field.toString());
            records.add(new Record(recordLine, stripLineEnd(text.substring(recordStart)), fields, quoted));
        }
        return records;
    }

    /**
     * The delimiter of the first line that has one (PX-Web exports put title lines without any above the header):
     * ';' or tab when they outnumber ',' outside quotes.
     */
    static char detectDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (comma + semicolon + tab > 0 || ++lines > 10) {
                    break;
                }
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    private static String stripLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
