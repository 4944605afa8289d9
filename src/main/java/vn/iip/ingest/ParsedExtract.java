package vn.iip.ingest;

import java.util.List;

/**
 * What a reader made of one landing file: identity (sha256), how it was decoded, and its rows. A file-level problem
 * (undecodable, header without a required column, no release date) is carried by every row, so no row is lost.
 * Reader notes say what was deliberately not read (a sheet without a table, a column naming no period).
 */
public record ParsedExtract(String path, long sizeBytes, String sha256, String format, String encoding,
                            String delimiter, String fileRuleId, String fileMessage, List<RawRecord> rows,
                            String readerNotes) {

    public ParsedExtract(String path, long sizeBytes, String sha256, String format, String encoding, String delimiter,
                         String fileRuleId, String fileMessage, List<RawRecord> rows) {
        this(path, sizeBytes, sha256, format, encoding, delimiter, fileRuleId, fileMessage, rows, null);
    }
}
