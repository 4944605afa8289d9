package vn.iip.ingest;

import java.util.Map;

/**
 * One data row exactly as received: its line number in the file (the header is line 1), the original text, the
 * fields by lower-case header name, and the rule it already broke while being read (null when it read cleanly).
 */
public record RawRecord(int rowNumber, String rawText, Map<String, String> fields, String ruleId, String reason) {}
