package vn.iip.ingest;

import java.util.Map;

/**
 * One data row or cell exactly as received: its number (the line in a text file, header = 1; the cell's position in
 * workbooks and PC-Axis files), its place as a person finds it in the file ("row 7", "IIP!D7", "Năm=2021;
 * Địa phương=Hà Nội"), the original text, the fields by lower-case name, and the rule it already broke while being
 * read (null when it read cleanly).
 */
public record RawRecord(int rowNumber, String place, String rawText, Map<String, String> fields, String ruleId,
                        String reason) {

    /** A line of a text file, placed as "row N". */
    public static RawRecord line(int lineNumber, String rawText, Map<String, String> fields, String ruleId,
                                 String reason) {
        return new RawRecord(lineNumber, "row " + lineNumber, rawText, fields, ruleId, reason);
    }
}
