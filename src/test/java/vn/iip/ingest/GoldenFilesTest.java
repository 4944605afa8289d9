package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.reference.ReferenceData;

/**
 * Golden office files, one folder per format, each next to FILE.expected.csv: every cell the readers found, placed
 * in the file, and what conform made of it. The expected files were checked by hand against the published figures
 * (sources in extracts/README.md). The same release delivered as long CSV, workbook and PC-Axis must give the same
 * observations.
 */
class GoldenFilesTest {
    static final Path ROOT = Path.of("src/test/resources/extracts");
    private static final List<String> FOLDERS = List.of("workbook", "pcaxis", "pxweb", "same-release");
    static final String HEADER = "source_place,release_date,publisher,period,geo_code,industry_code,product_name,"
            + "comparison,inferred,measure,value_pct,index_value,quantity,quantity_unit,status,rule_id";

    @TestFactory
    Stream<DynamicTest> everyGoldenFileReadsAsExpected() throws IOException {
        return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> {
            Path expected = Path.of(file + ".expected.csv");
            assertTrue(Files.exists(expected), "missing " + expected);
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), render(file));
        }));
    }

    @Test
    void atLeastThreeGoldenFilesPerFormat() throws IOException {
        List<Path> files = goldenFiles();
        for (String extension : List.of(".xlsx", ".px", ".csv")) {
            long count = files.stream().filter(f -> f.toString().endsWith(extension)).count();
            assertTrue(count >= 3, extension + ": " + count);
        }
    }

    @Test
    void theSameReleaseAsLongCsvWorkbookAndPcAxisGivesIdenticalObservations() throws IOException {
        List<Observation> csv = observations(ROOT.resolve("same-release/gso-2021-11.csv"));
        List<Observation> workbook = observations(ROOT.resolve("same-release/gso-2021-11.xlsx"));
        List<Observation> pcAxis = observations(ROOT.resolve("same-release/gso-2021-11.px"));
        assertEquals(15, csv.size());
        assertEquals(csv, workbook);
        assertEquals(csv, pcAxis);
        Observation manufacturingYoy = csv.stream()
                .filter(o -> "C".equals(o.industryCode()) && "yoy".equals(o.comparison())).findFirst().orElseThrow();
        assertEquals(6.4, manufacturingYoy.valuePct(), 1e-9);
        assertEquals("GSO@2021-11-29", manufacturingYoy.releaseId());
        assertEquals("estimate", manufacturingYoy.status());
    }

    static List<Path> goldenFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> list = Files.list(ROOT.resolve(folder))) {
                list.filter(GoldenFilesTest::isExtract).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isExtract(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".xlsx") || name.endsWith(".px") || name.endsWith(".csv"))
                && !name.endsWith(".expected.csv");
    }

    static ParsedExtract read(Path file) throws IOException {
        Path sidecar = Path.of(file + ReleaseMetadata.SIDECAR_SUFFIX);
        return ExtractReaders.read(file.toString(), Files.readAllBytes(file),
                Files.exists(sidecar) ? Files.readAllBytes(sidecar) : null);
    }

    /** Observations sorted by their key, as silver would hold them (lineage aside). */
    private static List<Observation> observations(Path file) throws IOException {
        RowConformer conformer = new RowConformer(ReferenceData.get());
        List<Observation> out = new ArrayList<>();
        for (RawRecord row : read(file).rows()) {
            ConformedRow result = conformer.conform(row.fields(), file.getFileName().toString(), row.place());
            assertTrue(result.isAccepted(), result.reason());
            out.add(result.observation());
        }
        out.sort(java.util.Comparator.comparing(vn.iip.conform.ObservationKey::id));
        return out;
    }

    static String render(Path file) throws IOException {
        ParsedExtract parsed = read(file);
        RowConformer conformer = new RowConformer(ReferenceData.get());
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (RawRecord row : parsed.rows()) {
            ConformedRow result = row.ruleId() != null ? ConformedRow.rejected(row.ruleId(), null, null, row.reason())
                    : conformer.conform(row.fields(), file.getFileName().toString(), row.place());
            Observation o = result.observation();
            List<Object> cells = o == null
                    ? List.of(row.place(), "", "", "", "", "", "", "", "", "", "", "", "", "", "", result.ruleId())
                    : java.util.Arrays.asList(row.place(), o.releaseDate(), o.publisher(), o.period().label(),
                    o.geoCode(), o.industryCode(), o.product(), o.comparison(), o.comparisonInferred(), o.measure(),
                    o.valuePct(), o.indexValue(), o.quantity(), o.quantityUnit(), o.status(), "");
            out.append(String.join(",", cells.stream().map(GoldenFilesTest::cell).toList())).append('\n');
        }
        return out.toString();
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value instanceof Double d ? java.math.BigDecimal.valueOf(d)
                .stripTrailingZeros().toPlainString() : value.toString();
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Drafts FILE.expected.csv for files that have none; a person then checks each line against the source. */
    public static void main(String[] args) throws IOException {
        for (Path file : goldenFiles()) {
            Path expected = Path.of(file + ".expected.csv");
            if (!Files.exists(expected)) {
                Files.writeString(expected, render(file), StandardCharsets.UTF_8);
                System.out.println("drafted " + expected);
            }
        }
    }
}
