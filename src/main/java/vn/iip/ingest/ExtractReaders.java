package vn.iip.ingest;

import java.util.List;
import java.util.Locale;
import vn.iip.conform.Rules;

/** Picks the reader for a landing file: the long CSV, PC-Axis cubes; workbooks plug in here. */
public final class ExtractReaders {
    private ExtractReaders() {}

    private static final List<String> LONG_CSV_EXTENSIONS = List.of(".csv", ".txt", ".tsv");

    public static ParsedExtract read(String path, byte[] content) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (LONG_CSV_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
            return LongCsvReader.read(path, content);
        }
        if (lower.endsWith(".px")) {
            return vn.iip.ingest.pcaxis.PcAxisReader.read(path, content);
        }
        return new ParsedExtract(path, content.length, Sha256.hex(content), "unsupported", null, null,
                Rules.FILE_UNSUPPORTED, "no reader for this file type: extracts are .csv/.txt/.tsv in the long format"
                + " or PC-Axis .px (see README, Input)", List.of());
    }
}
