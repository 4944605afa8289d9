package vn.iip.ingest;

import java.util.List;

/**
 * What a reader made of one landing file: identity (sha256), how it was decoded, and its rows. A file-level problem
 * (undecodable, header without a required column) is carried by every row, so no row is lost.
 */
public record ParsedExtract(String path, long sizeBytes, String sha256, String format, String encoding,
                            String delimiter, String fileRuleId, String fileMessage, List<RawRecord> rows) {}
