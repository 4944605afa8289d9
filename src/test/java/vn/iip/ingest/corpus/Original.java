package vn.iip.ingest.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.ingest.ExtractReaders;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.ingest.ReleaseMetadata;
import vn.iip.reference.ReferenceData;

/**
 * A golden file a corpus case was made from: its bytes and, in file order, the place of each of its rows and the
 * figure that row gives (read with its sidecar, as GoldenFilesTest reads it; every row of a golden file is accepted).
 */
public record Original(String path, byte[] bytes, Map<String, String> figures) {
    static final Path EXTRACTS = Path.of("src/test/resources/extracts");
    public static final RowConformer CONFORMER = new RowConformer(ReferenceData.get());
    private static final Map<String, Original> READ = new ConcurrentHashMap<>();

    /** @param path relative to src/test/resources/extracts, as {@code RobustnessCorpus.Case.original()} gives it */
    public static Original of(String path) {
        return READ.computeIfAbsent(path, Original::read);
    }

    private static Original read(String path) {
        try {
            Path file = EXTRACTS.resolve(path);
            Path sidecar = Path.of(file + ReleaseMetadata.SIDECAR_SUFFIX);
            byte[] bytes = Files.readAllBytes(file);
            ParsedExtract parsed = ExtractReaders.read(file.toString(), bytes,
                    Files.exists(sidecar) ? Files.readAllBytes(sidecar) : null);
            Map<String, String> figures = new LinkedHashMap<>();
            for (RawRecord row : parsed.rows()) {
                ConformedRow result = CONFORMER.conform(row.fields(), path, row.place());
                if (!result.isAccepted()) {
                    throw new IllegalStateException("golden " + path + " has a rejected row: " + result.reason());
                }
                if (figures.put(row.place(), figure(result.observation())) != null) {
                    throw new IllegalStateException("golden " + path + " has two rows at " + row.place());
                }
            }
            return new Original(path, bytes, Collections.unmodifiableMap(figures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a figure is, whatever file it came from and wherever in it: release, period, geography, industry (or
     * product), comparison, measure, the number as published with its unit, and status. The citation is left out:
     * the same release cited from two files is the same figure.
     */
    public static String figure(Observation o) {
        return o.releaseId() + " " + o.period().label() + " " + o.geoCode() + "/" + o.geoVersion() + " "
                + (o.product() != null ? "product '" + o.product() + "'" : o.industryCode()) + " " + o.comparison()
                + (o.comparisonInferred() ? " (inferred)" : "") + " " + o.measure() + " = " + o.valuePublished() + " "
                + o.unit() + " " + o.status();
    }
}
