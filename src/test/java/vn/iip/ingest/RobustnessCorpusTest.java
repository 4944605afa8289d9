package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.ObservationKey;
import vn.iip.conform.RowConformer;
import vn.iip.reference.ReferenceData;
import vn.iip.testing.RobustnessCorpus;

/**
 * Every broken file of the generated corpus is read without a crash; every row it yields is an observation or a
 * quarantine row whose reason names the file and the place; a file rejected whole says why; and each deliberate
 * defect gives the rule it should, while the good cells beside it still become observations.
 */
class RobustnessCorpusTest {
    private static final RowConformer CONFORMER = new RowConformer(ReferenceData.get());

    @Test
    void theCorpusHoldsAtLeastTwoHundredBrokenFiles() {
        List<RobustnessCorpus.Case> cases = RobustnessCorpus.cases();
        assertTrue(cases.size() >= 200, "only " + cases.size());
        assertEquals(cases.size(), cases.stream().map(RobustnessCorpus.Case::fileName).distinct().count());
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileIsReportedNeverCrashes() {
        return RobustnessCorpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.fileName(), () -> check(c)));
    }

    private static void check(RobustnessCorpus.Case c) throws java.io.IOException {
        ParsedExtract parsed = assertDoesNotThrow(() -> ExtractReaders.read("/landing/" + c.fileName(), c.content()));
        if (parsed.fileRuleId() != null) {
            assertNotNull(parsed.fileMessage());
            assertFalse(parsed.fileMessage().isBlank());
        }
        List<Observation> accepted = new ArrayList<>();
        List<ConformedRow> rejected = new ArrayList<>();
        for (RawRecord row : parsed.rows()) {
            assertNotNull(row.place(), "every row has a place");
            ConformedRow result = row.ruleId() != null
                    ? ConformedRow.rejected(row.ruleId(), null, null, c.fileName() + " " + row.place() + ": "
                    + row.reason())
                    : CONFORMER.conform(row.fields(), c.fileName(), row.place());
            if (result.isAccepted()) {
                accepted.add(result.observation());
            } else {
                assertTrue(result.reason().startsWith(c.fileName() + " " + row.place()), result.reason());
                rejected.add(result);
            }
        }
        switch (c.expect()) {
            case ANY -> assertEquals(parsed.rows().size(), accepted.size() + rejected.size());
            case FILE_REJECTED -> {
                assertNotNull(parsed.fileRuleId(), "rejected whole");
                if (c.rule() != null) {
                    assertEquals(c.rule(), parsed.fileRuleId(), parsed.fileMessage());
                }
                assertTrue(accepted.isEmpty());
            }
            case SOME_CELLS_QUARANTINED -> {
                assertEquals(null, parsed.fileRuleId(), parsed.fileMessage());
                assertTrue(rejected.stream().anyMatch(r -> c.rule().equals(r.ruleId())),
                        c.rule() + " expected among " + rejected.stream().map(ConformedRow::ruleId).toList());
                assertFalse(accepted.isEmpty(), "the good cells beside the bad one are kept");
            }
            case SAME_AS_ORIGINAL -> {
                assertEquals(null, parsed.fileRuleId(), parsed.fileMessage());
                assertTrue(rejected.isEmpty(), () -> rejected.get(0).reason());
                assertEquals(figures(original(c)), figures(accepted));
            }
        }
    }

    private static List<Observation> original(RobustnessCorpus.Case c) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/extracts", c.original());
        List<Observation> out = new ArrayList<>();
        for (RawRecord row : GoldenFilesTest.read(file).rows()) {
            out.add(CONFORMER.conform(row.fields(), c.original(), row.place()).observation());
        }
        return out;
    }

    /** What a figure is, whatever file it came from: its key, value and status (the citation may differ). */
    private static List<String> figures(List<Observation> observations) {
        return observations.stream().map(o -> ObservationKey.id(o) + " " + o.valuePct() + " " + o.indexValue() + " "
                + o.status() + " " + o.valuePublished()).sorted().toList();
    }
}
