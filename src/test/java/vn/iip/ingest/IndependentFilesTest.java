package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.reference.ReferenceData;

/**
 * Office files written by someone who had only IIP-DOMAIN.md and the reference figures, not this code: three
 * workbooks, two PC-Axis cubes (one Windows-1258), two PX-Web CSV exports (one UTF-16) with sidecars, and their
 * answer key (extracts/independent/ANSWERS.csv). Every published figure must come out exactly, and nothing else.
 */
class IndependentFilesTest {
    private static final Path FOLDER = GoldenFilesTest.ROOT.resolve("independent");

    @TestFactory
    Stream<DynamicTest> everyFileGivesExactlyTheFiguresOfTheAnswerKey() throws IOException {
        List<String> answers = Files.readAllLines(FOLDER.resolve("ANSWERS.csv"));
        List<Path> files;
        try (Stream<Path> list = Files.list(FOLDER)) {
            files = list.filter(f -> !f.getFileName().toString().equals("ANSWERS.csv")
                    && !f.toString().endsWith(ReleaseMetadata.SIDECAR_SUFFIX)).sorted().toList();
        }
        assertEquals(8, files.size());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            List<String> expected = answers.stream().skip(1).filter(a -> a.startsWith(name + ","))
                    .map(a -> a.substring(name.length() + 1)).map(IndependentFilesTest::normalise).sorted().toList();
            assertEquals(expected, published(file));
        }));
    }

    /** "period,geo,industry,comparison,value" of every accepted figure with a value (".." cells have none). */
    private static List<String> published(Path file) throws IOException {
        RowConformer conformer = new RowConformer(ReferenceData.get());
        List<String> figures = new ArrayList<>();
        for (vn.iip.ingest.RawRecord row : GoldenFilesTest.read(file).rows()) {
            ConformedRow result = conformer.conform(row.fields(), file.getFileName().toString(), row.place());
            Observation o = result.observation();
            if (o != null && o.valuePct() != null) {
                figures.add(normalise(String.join(",", o.period().label(), o.geoCode(), o.industryCode(),
                        o.comparison(), String.valueOf(o.valuePct()))));
            }
        }
        return figures.stream().sorted().toList();
    }

    private static String normalise(String line) {
        String[] cells = line.split(",");
        cells[4] = new java.math.BigDecimal(cells[4]).stripTrailingZeros().toPlainString();
        return String.join(",", cells);
    }
}
