package vn.iip.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.iip.conform.Rules;
import vn.iip.ingest.pcaxis.PcAxisReader;
import vn.iip.ingest.workbook.WorkbookReader;

/**
 * Picks the reader for a landing file — long CSV, PX-Web wide CSV, PC-Axis, workbook — and applies its sidecar
 * ({@code FILE.release.properties}, see {@link ReleaseMetadata}). A file and its sidecar are one extract: their
 * identity is the SHA-256 of both, so adding or correcting a sidecar makes the file new again.
 */
public final class ExtractReaders {
    private ExtractReaders() {}

    private static final List<String> TEXT_EXTENSIONS = List.of(".csv", ".txt", ".tsv");
    private static final List<String> WORKBOOK_EXTENSIONS = List.of(".xlsx", ".xlsm", ".xls");

    public static ParsedExtract read(String path, byte[] content) {
        return read(path, content, null);
    }

    /** @param sidecar the bytes of {@code path + ".release.properties"}, or null when there is none */
    public static ParsedExtract read(String path, byte[] content, byte[] sidecar) {
        Map<String, String> metadata = Map.of();
        String sidecarProblem = null;
        if (sidecar != null) {
            try {
                metadata = ReleaseMetadata.parseSidecar(sidecar);
            } catch (IllegalArgumentException e) {
                sidecarProblem = e.getMessage();
            }
        }
        ParsedExtract parsed = dispatch(path, content, metadata);
        if (sidecar == null) {
            return parsed;
        }
        byte[] both = java.util.Arrays.copyOf(content, content.length + sidecar.length);
        System.arraycopy(sidecar, 0, both, content.length, sidecar.length);
        String ruleId = sidecarProblem == null ? parsed.fileRuleId() : Rules.FILE_SIDECAR_INVALID;
        String message = sidecarProblem == null ? parsed.fileMessage() : sidecarProblem + " (in "
                + fileName(path) + ReleaseMetadata.SIDECAR_SUFFIX + "); fix the sidecar and run again";
        List<RawRecord> rows = sidecarProblem == null ? parsed.rows() : parsed.rows().stream()
                .map(r -> new RawRecord(r.rowNumber(), r.place(), r.rawText(), r.fields(), ruleId, message)).toList();
        return new ParsedExtract(path, parsed.sizeBytes(), Sha256.hex(both), parsed.format(), parsed.encoding(),
                parsed.delimiter(), ruleId, message, rows, parsed.readerNotes());
    }

    private static ParsedExtract dispatch(String path, byte[] content, Map<String, String> sidecar) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (TEXT_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
            if (!LongCsvReader.hasLongHeader(content)) {
                ParsedExtract wide = PxWebCsvReader.read(path, content, sidecar);
                if (wide != null) {
                    return wide;
                }
            }
            return LongCsvReader.read(path, content);
        }
        if (lower.endsWith(".px")) {
            return PcAxisReader.read(path, content, sidecar);
        }
        if (WORKBOOK_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
            return WorkbookReader.read(path, content, sidecar);
        }
        return new ParsedExtract(path, content.length, Sha256.hex(content), "unsupported", null, null,
                Rules.FILE_UNSUPPORTED, "no reader for this file type: extracts are .csv/.txt/.tsv (long format or"
                + " PX-Web wide tables), PC-Axis .px or Excel workbooks .xlsx/.xls (see README, Input)", List.of());
    }

    /** The file name of a path or URI, for messages. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
