package vn.iip.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iip.testing.ChildJvm;
import vn.iip.testing.RobustnessCorpus;

/**
 * Office files as an analyst drops them into a landing folder — workbooks, PC-Axis, PX-Web CSV (UTF-16, sidecars)
 * — together with the whole robustness corpus, loaded by {@code iip run} in its own JVM and warehouse: the run ends
 * with exit 0, every row read is an observation or a quarantine row with its place and reason, every broken file is
 * reported, and the good figures are published in gold.
 */
class OfficeFilesEndToEndTest {
    private static ChildJvm.Result run;
    private static Map<String, String> facts;
    private static int corpusFiles;

    @BeforeAll
    static void loadOfficeFilesAndTheCorpus() throws IOException {
        Path landing = Files.createTempDirectory("iip-office-landing");
        Path warehouse = Files.createTempDirectory("iip-office-warehouse");
        for (String folder : List.of("workbook", "pcaxis", "pxweb")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/extracts", folder))) {
                for (Path file : files.filter(f -> !f.toString().endsWith(".expected.csv")).toList()) {
                    Files.copy(file, landing.resolve(file.getFileName()));
                }
            }
        }
        Path corpus = Files.createDirectory(landing.resolve("corpus"));
        corpusFiles = RobustnessCorpus.write(corpus);
        run = ChildJvm.main("run", "--input", landing.toString(), "--warehouse", warehouse.toString());
        // The stored tables read by path in the shared session (the run's child JVM proved the command line).
        List<String> lines = vn.iip.testing.WarehouseByPath.sql(warehouse.toString(), String.join(
                " UNION ALL ",
                latest("dong_nai_b_mom", "period = '2020-11' AND geo_code = '75' AND industry_code = 'B'"
                        + " AND comparison = 'mom'"),
                latest("c24_2021", "period = '2021' AND geo_code = 'VN' AND industry_code = 'C24'"),
                latest("total_2021_10_yoy", "period = '2021-10' AND geo_code = 'VN' AND industry_code = 'TOTAL'"
                        + " AND comparison = 'yoy'"),
                "SELECT 'c24_inferred', CAST(comparison_inferred AS STRING) FROM iip_gold_store.fact_iip_release"
                        + " WHERE is_latest_release AND period = '2021' AND geo_code = 'VN' AND industry_code = 'C24'",
                "SELECT 'dong_nai_b_place', source_place FROM iip_gold_store.fact_iip_release WHERE period = '2020-11'"
                        + " AND geo_code = '75' AND industry_code = 'B'",
                "SELECT 'run_conservation', CONCAT(rows_read, '=', observations_added, '+', quarantined_added)"
                        + " FROM iip_silver.run_log",
                "SELECT 'extract_rows', CAST(COUNT(*) AS STRING) FROM iip_bronze.extract_row",
                "SELECT 'silver_rows', CAST((SELECT COUNT(*) FROM iip_silver.observation)"
                        + " + (SELECT COUNT(*) FROM iip_silver.quarantine) AS STRING)",
                "SELECT 'files', CAST(COUNT(*) AS STRING) FROM iip_bronze.extract_file",
                "SELECT 'rejected_without_reason', CAST(COUNT(*) AS STRING) FROM iip_bronze.extract_file"
                        + " WHERE outcome = 'rejected' AND outcome_reason IS NULL",
                "SELECT 'quarantine_without_place_or_reason', CAST(COUNT(*) AS STRING) FROM iip_silver.quarantine"
                        + " WHERE source_place IS NULL OR reason IS NULL OR rule_id IS NULL",
                "SELECT 'skipped_sheets_noted', CAST(COUNT(*) AS STRING) FROM iip_bronze.extract_file"
                        + " WHERE file_name = 'gso-2021-11-iip.xlsx' AND reader_notes LIKE '%sheet ''Sheet3'' skipped%'",
                "SELECT 'gross_output_quarantined', CAST(COUNT(*) AS STRING) FROM iip_silver.quarantine"
                        + " WHERE rule_id = 'measure_gross_output'",
                "SELECT 'tcvn_or_utf16_encodings', CAST(COUNT(*) AS STRING) FROM iip_bronze.extract_file"
                        + " WHERE encoding LIKE 'UTF-16LE%'"));
        facts = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                facts.merge(line.substring(0, comma), line.substring(comma + 1), (a, b) -> a + "|" + b);
            }
        }
    }

    private static String latest(String name, String where) {
        return "SELECT '" + name + "', CAST(value_pct AS STRING) FROM iip_gold_store.fact_iip_release WHERE"
                + " is_latest_release AND measure = 'iip' AND " + where;
    }

    @Test
    void theRunSucceedsAndItsProgressLineAgreesWithTheRunLog() {
        assertEquals(0, run.exitCode(), run.stderr());
        java.util.regex.Matcher conform = java.util.regex.Pattern.compile(
                "conform +(\\d+) row\\(s\\): (\\d+) observation\\(s\\), (\\d+) quarantined").matcher(run.stdout());
        assertTrue(conform.find(), run.stdout());
        assertEquals(facts.get("run_conservation"), conform.group(1) + "=" + conform.group(2) + "+" + conform.group(3));
        assertTrue(Long.parseLong(conform.group(3)) > corpusFiles, "the corpus puts many rows in quarantine");
    }

    @Test
    void goodFiguresFromEveryFormatArePublishedBesideTheBrokenFiles() {
        assertEquals("2.11", facts.get("dong_nai_b_mom"));
        assertEquals("22.0", facts.get("c24_2021"));
        assertEquals("true", facts.get("c24_inferred"));
        assertEquals("-1.6", facts.get("total_2021_10_yoy"));
        assertEquals("'IIP T11'!C7", facts.get("dong_nai_b_place"));
    }

    @Test
    void nothingIsLostAndEveryProblemIsReported() {
        String[] conservation = facts.get("run_conservation").split("[=+]");
        assertEquals(Long.parseLong(conservation[0]), Long.parseLong(conservation[1]) + Long.parseLong(conservation[2]));
        assertEquals(facts.get("extract_rows"), facts.get("silver_rows"));
        assertEquals(conservation[0], facts.get("extract_rows"));
        assertTrue(Integer.parseInt(facts.get("files")) >= corpusFiles, facts.get("files"));
        assertEquals("0", facts.get("rejected_without_reason"));
        assertEquals("0", facts.get("quarantine_without_place_or_reason"));
        assertEquals("1", facts.get("skipped_sheets_noted"));
        assertEquals("3", facts.get("gross_output_quarantined"));
        assertTrue(Integer.parseInt(facts.get("tcvn_or_utf16_encodings")) >= 2);
    }
}
