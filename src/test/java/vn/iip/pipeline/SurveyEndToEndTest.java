package vn.iip.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.iip.testing.SharedWarehouse.rows;
import static vn.iip.testing.SharedWarehouse.value;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.iip.testing.SharedWarehouse;

/**
 * The computed IIP through the whole pipeline on the shared warehouse: a run of the defaults (bundled samples, bundled
 * synthetic survey), then a later survey round that adds a month, restates the month before and brings one row
 * for every quarantine rule, then a run with nothing new. Asserted by table name, as analysts read them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyEndToEndTest {
    private static final String LATEST = "iip_gold.v_iip_computed_latest";
    private static final String FIRST = "iip_gold.v_iip_computed_first";
    private static final String NATIONAL_TOTAL_LEVEL = " WHERE period = '2022-12' AND period_type = 'month'"
            + " AND geo_code = 'VN' AND industry_code = 'TOTAL' AND measure = 'index_level'";

    private static Path later;
    private static String firstRunId;

    @Test
    @Order(1)
    void aRunOnTheBundledSamplesComputesFromTheBundledSurveyAndPrintsItBesideThePublishedFigures() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RunReport report = new Pipeline(SharedWarehouse.spark(), new RunConfig(null,
                SharedWarehouse.root().toString()).withAdjustment(HEADLINE),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        String out = output.toString(StandardCharsets.UTF_8);
        assertTrue(report.published() && report.conservationOk(), out);
        assertTrue(out.contains("survey   3 file(s) seen: 3 new, 0 rejected whole;"), out);
        assertTrue(out.contains(" stored, 0 quarantined (bundled synthetic survey)"), out);
        assertTrue(out.contains("contributions add up: yes"), out);
        assertTrue(out.matches("(?s).*\\n  TOTAL  yoy        \\+5\\.6   released 2021-11-29   computed [+-]\\d+\\.\\d\\n.*"),
                out);
        assertTrue(out.contains("computed: newest survey month 2022-12, Viet Nam, from the survey"), out);
        assertTrue(out.matches("(?s).*\\n  TOTAL  yoy +[+-]\\d+\\.\\d   not published\\n.*"), out);

        assertEquals("pass", value("SELECT status FROM iip_gold.quality_check"
                + " WHERE check_id = 'computed_contributions_add_up'"));
        assertEquals(value("SELECT CAST(count(*) AS DOUBLE) FROM iip_silver.survey_final"
                        + " WHERE response = 'no_report' AND quantity_used IS NULL"),
                value("SELECT actual_value FROM iip_gold.quality_check WHERE check_id = 'computed_unimputable'"));
        assertEquals(value("SELECT count(DISTINCT file_path, row_number, run_id) FROM iip_bronze.survey_row"),
                value("SELECT (SELECT count(DISTINCT file_path, row_number, run_id) FROM iip_silver.survey_response)"
                        + " + (SELECT count(DISTINCT file_path, row_number, run_id) FROM iip_silver.survey_quarantine"
                        + " WHERE period_partition <> 'reference')"));
        firstRunId = report.runId();
        assertEquals(firstRunId, value("SELECT DISTINCT run_id FROM iip_gold.fact_iip_computed"));
        SeasonalAdjustmentChecks.afterFirstRun(out, firstRunId);
        // Every published key the survey also computes is reconciled, the computed value rounded as published.
        Row reconciled = rows("SELECT published_value_pct, computed_value_pct, computed_rounded_pct, difference_pp"
                + " FROM iip_gold.v_iip_reconciliation WHERE period = '2021-11' AND geo_code = 'VN'"
                + " AND industry_code = 'TOTAL' AND comparison = 'yoy' AND measure = 'iip'").get(0);
        assertEquals(5.6, reconciled.getDouble(0));
        assertEquals(Math.round(reconciled.getDouble(1) * 10) / 10.0, reconciled.getDouble(2), 1e-9);
        assertEquals(reconciled.getDouble(2) - 5.6, reconciled.getDouble(3), 1e-9);
    }

    /**
     * The benchmark peer (the same method as DuckDB SQL, jobs/benchmark-survey) on the same bundled survey gives the
     * same figures, key by key: the benchmark's comparison at volume rests on this.
     */
    @Test
    @Order(2)
    void theMethodWrittenAsDuckDbSqlGivesTheSameFiguresOnTheBundledSurvey() throws Exception {
        Path out = Files.createTempDirectory("iip-duckdb").resolve("figures.parquet");
        System.setProperty("duckdb.memory_limit", "1GB");
        vn.iip.benchmark.DuckDbSurvey.main(new String[] {SharedWarehouse.root().resolve(RunConfig.BUNDLED_SURVEY)
                .toString(), out.toString(), "2"});
        String key = "period, period_type, geo_code, geo_version, industry_code, comparison, measure";
        Row compared = rows("SELECT count(s.period), count(d.period), count_if(s.period IS NULL OR d.period IS NULL"
                + " OR NOT (abs(s.index_value - d.index_value) <= 1e-6 OR (s.index_value IS NULL AND d.index_value"
                + " IS NULL)) OR NOT (abs(s.value_pct - d.value_pct) <= 1e-6 OR (s.value_pct IS NULL AND d.value_pct"
                + " IS NULL)) OR NOT (s.weight_base_year <=> d.weight_base_year) OR NOT (s.backcast <=> d.backcast))"
                + " FROM (SELECT * FROM " + LATEST + ") s FULL OUTER JOIN parquet.`" + out + "` d USING (" + key + ")")
                .get(0);
        assertTrue(compared.getLong(0) > 400_000, compared.toString());
        assertEquals(compared.getLong(0), compared.getLong(1), compared.toString());
        assertEquals(0L, compared.getLong(2), "figures that differ: " + compared);
    }

    /**
     * A class index straight from the stored final values, by SQL written here: 100 × Σ w·Q(t)/q̄0 / Σ w over the
     * class's products of base 2020 (a month after 2020, where the linked level is base 2020's own index).
     */
    @Test
    @Order(2)
    void aStoredClassIndexIsTheWeightedMeanOfItsProductsQuantityRelatives() {
        double expected = (Double) value("WITH q AS (SELECT product_code, period, sum(quantity_used) AS q"
                + "   FROM iip_silver.survey_final WHERE quantity_used IS NOT NULL GROUP BY product_code, period),"
                + " b AS (SELECT product_code, output_value AS w FROM iip_silver.survey_basket"
                + "   WHERE weight_base_year = 2020 AND vsic4 = '1010'),"
                + " q0 AS (SELECT product_code, sum(q) / 12 AS q0 FROM q WHERE period LIKE '2020-%'"
                + "   GROUP BY product_code)"
                + " SELECT 100 * sum(w * q.q / q0.q0) / sum(w) FROM b JOIN q0 USING (product_code)"
                + " JOIN q USING (product_code) WHERE q.period = '2021-06' AND q0.q0 > 0");
        double computed = (Double) value("SELECT index_value FROM " + LATEST + " WHERE period = '2021-06'"
                + " AND period_type = 'month' AND geo_code = 'VN' AND industry_code = 'C1010'"
                + " AND measure = 'index_level'");
        assertEquals(expected, computed, 1e-9);
    }

    @Test
    @Order(3)
    void aLaterRoundAddsAMonthRestatesOneAndQuarantinesExactlyTheUnusableRows() throws IOException {
        var spark = SharedWarehouse.spark();
        later = Files.createTempDirectory("iip-later-round");
        // The new month: every final 2022-12 value 5 % higher, one enterprise in fifty silent; the first enterprise
        // restates its December (twice the quantity) in the same round.
        String sample = "SELECT f.*, b.vsic4, b.unit FROM iip_silver.survey_final f JOIN iip_silver.survey_basket b"
                + " ON b.product_code = f.product_code AND b.weight_base_year = 2020"
                + " WHERE f.period = '2022-12' AND f.quantity_used IS NOT NULL";
        spark.sql("SELECT '2023-01' AS period, '2023-03-05' AS collected_on, enterprise_id, province_code, vsic4,"
                + " product_code, unit, CASE WHEN pmod(hash(enterprise_id), 50) = 0 THEN ''"
                + " ELSE CAST(round(quantity_used * 1.05, 3) AS STRING) END AS quantity,"
                + " CASE WHEN pmod(hash(enterprise_id), 50) = 0 THEN 'no_report' ELSE 'reported' END AS response"
                + " FROM (" + sample + ")"
                + " UNION ALL SELECT '2022-12', '2023-03-05', enterprise_id, province_code, vsic4, product_code, unit,"
                + " CAST(round(quantity_used * 2, 3) AS STRING), 'reported' FROM (" + sample + ")"
                + " WHERE enterprise_id = (SELECT min(enterprise_id) FROM (" + sample + "))")
                .coalesce(1).write().option("header", "true").csv(later.resolve("new-month").toString());
        Row one = rows(sample + " ORDER BY f.enterprise_id LIMIT 1").get(0);
        String e = one.getAs("enterprise_id");
        String province = one.getAs("province_code");
        String product = one.getAs("product_code");
        String vsic = one.getAs("vsic4");
        String unit = one.getAs("unit");
        String bronze = "SELECT r.period, r.collected_on, r.enterprise_id, r.province_code, r.vsic4, r.product_code,"
                + " r.unit, r.quantity, r.response, s.round_key FROM iip_bronze.survey_row r"
                + " JOIN iip_silver.survey_response s ON s.file_path = r.file_path AND s.row_number = r.row_number"
                + " AND s.run_id = r.run_id WHERE r.response = 'reported'";
        Row stored = rows(bronze + " ORDER BY r.file_path, r.row_number LIMIT 1").get(0);
        // In the month the round restates anyway, so that nothing older changes.
        Row contradicted = rows(bronze + " AND r.period = '2022-12' AND r.enterprise_id <> '" + e + "'"
                + " ORDER BY r.file_path, r.row_number LIMIT 1").get(0);
        Object weight = value("SELECT output_value FROM iip_silver.survey_basket WHERE weight_base_year = 2020"
                + " AND product_code = '" + product + "'");
        // Columns in another order, one name in capitals: files are recognised by their header.
        String header = "RESPONSE,quantity,unit,product_code,vsic4,province_code,enterprise_id,collected_on,period";
        List<String> bad = List.of(
                row("2023-13", "2023-03-05", e, province, vsic, product, unit, "1", "reported"),
                row("2023-01", "2023/03/05", e, province, vsic, product, unit, "1", "reported"),
                row("2023-01", "2023-03-05", "", province, vsic, product, unit, "1", "reported"),
                row("2023-01", "2023-03-11", e, province, vsic, product, unit, "1", "maybe"),
                row("2023-01", "2023-03-06", e, province, vsic, product, unit, "-1", "reported"),
                row("2023-01", "2023-03-07", e, province, vsic, product, unit, "\"12,5\"", "reported"),
                row("2023-01", "2023-03-08", e, province, vsic, product, unit, "5", "no_report"),
                row("2023-01", "2023-03-09", e, "99", vsic, product, unit, "1", "reported"),
                row("2023-01", "2023-03-05", e, province, vsic, "P9999", unit, "1", "reported"),
                row("2023-01", "2023-03-10", e, province, vsic, product, "kg", "1", "reported"),
                row("2023-01", "2023-03-06", "DN-TEST-1", province, vsic, product, unit, "10", "reported"),
                row("2023-01", "2023-03-06", "DN-TEST-1", province, vsic, product, unit, "11", "reported"),
                row("2023-01", "2023-03-06", "DN-TEST-2", province, vsic, product, unit, "7", "reported"),
                row("2023-01", "2023-03-06", "DN-TEST-2", province, vsic, product, unit, "7", "reported"),
                row(stored.getString(0), stored.getString(1), stored.getString(2), stored.getString(3),
                        stored.getString(4), stored.getString(5), stored.getString(6), stored.getString(7),
                        stored.getString(8)),
                // An unquoted decimal comma: one field more than the header.
                row("2023-01", "2023-03-12", e, province, vsic, product, unit, "12,5", "reported"),
                // The same round as a row stored by the first run, with another quantity: both are unusable.
                row(contradicted.getString(0), contradicted.getString(1), contradicted.getString(2),
                        contradicted.getString(3), contradicted.getString(4), contradicted.getString(5),
                        contradicted.getString(6), "999", contradicted.getString(8)));
        // A Vietnamese file name (Spark reports it URL-encoded).
        String badFile = "đợt 2023-03 lỗi.csv";
        Files.writeString(later.resolve(badFile), header + "\n" + String.join("\n", bad) + "\n");
        // A basket file bringing one product twice for 2020: both rows quarantined, the stored basket kept.
        Files.writeString(later.resolve("basket-fix.csv"), "weight_base_year,product_code,vsic4,unit,output_value\n"
                + "2020," + product + "," + vsic + "," + unit + ",100\n2020," + product + "," + vsic + "," + unit
                + ",120\n");
        Files.write(later.resolve("broken.parquet"), new byte[] {1, 2, 3, 4});
        long newMonthRows = spark.read().option("header", "true").csv(later.resolve("new-month").toString()).count();

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RunReport report = new Pipeline(spark, config(), new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        String out = output.toString(StandardCharsets.UTF_8);
        long read = newMonthRows + bad.size();
        assertTrue(out.contains(String.format("survey   4 file(s) seen: 4 new, 1 rejected whole; %d row(s) read:"
                + " %d stored, 16 quarantined", read, read - 16)), out);
        assertTrue(out.contains("           rejected broken.parquet: cannot be read ("), out);
        assertTrue(out.contains("               1 stored row(s) moved to quarantine: a new file contradicts them"), out);
        assertTrue(report.conservationOk() && report.published(), out);
        String runId = report.runId();

        Map<String, Long> byRule = new TreeMap<>();
        for (Row rule : rows("SELECT rule_id, count(*) FROM iip_silver.survey_quarantine WHERE run_id = '" + runId
                + "' GROUP BY rule_id")) {
            byRule.put(rule.getString(0), rule.getLong(1));
        }
        assertEquals(new TreeMap<>(Map.ofEntries(Map.entry("survey_period_invalid", 1L),
                Map.entry("survey_collected_on_invalid", 1L), Map.entry("survey_enterprise_missing", 1L),
                Map.entry("survey_response_unknown", 1L), Map.entry("survey_quantity_invalid", 2L),
                Map.entry("survey_no_report_with_quantity", 1L), Map.entry("survey_province_invalid", 1L),
                Map.entry("survey_product_not_in_basket", 1L), Map.entry("survey_unit_mismatch", 1L),
                Map.entry("survey_conflicting_rows", 3L), Map.entry("survey_duplicate_copy", 2L),
                Map.entry("survey_fields_extra", 1L), Map.entry("survey_basket_duplicate_key", 2L))), byRule);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 15L, 16L, 17L, 18L),
                rows("SELECT row_number FROM iip_silver.survey_quarantine WHERE run_id = '" + runId + "'"
                        + " AND file_path LIKE '%lỗi.csv' ORDER BY row_number").stream().map(r -> r.getLong(0)).toList());
        assertEquals(17L, value("SELECT rows_read FROM iip_bronze.survey_file WHERE file_path LIKE '%" + badFile + "'"));
        assertEquals(badFile + " row 17: '2023-01' is a field beyond the header's (the row has more fields than the"
                + " header); quote a value that holds a comma, e.g. \"12,5\", or remove the extra field",
                value("SELECT reason FROM iip_silver.survey_quarantine WHERE run_id = '" + runId + "'"
                        + " AND row_number = 17 AND file_path LIKE '%lỗi.csv'"));
        // The contradicted stored row left silver for quarantine, keeping its own file, row and run.
        assertEquals(List.of(firstRunId, contradicted.getString(9)), rows("SELECT run_id, raw_value FROM"
                + " iip_silver.survey_quarantine WHERE reason LIKE '%moved from silver by run " + runId + ")'")
                .stream().flatMap(r -> java.util.stream.Stream.of(r.getString(0), r.getString(1))).toList());
        assertEquals(0L, value("SELECT count(*) FROM iip_silver.survey_response WHERE round_key = '"
                + contradicted.getString(9) + "'"));
        assertEquals(weight, value("SELECT output_value FROM iip_silver.survey_basket WHERE weight_base_year = 2020"
                + " AND product_code = '" + product + "'"));
        assertEquals(badFile + " row 2, column period: '2023-13' is not a month YYYY-MM; write the reference month"
                + " as YYYY-MM, e.g. 2021-11", value("SELECT reason FROM iip_silver.survey_quarantine"
                + " WHERE run_id = '" + runId + "' AND row_number = 2 AND file_path LIKE '%lỗi.csv'"));
        assertEquals(badFile + " row 7, column quantity: '12,5' is not a finite number >= 0 (decimal point '.');"
                + " write the reported quantity as a plain number such as 1234.5", value("SELECT reason FROM"
                + " iip_silver.survey_quarantine WHERE run_id = '" + runId + "' AND row_number = 7"
                + " AND file_path LIKE '%lỗi.csv'"));
        assertEquals(value("SELECT count(DISTINCT file_path, row_number, run_id) FROM iip_bronze.survey_row"),
                value("SELECT (SELECT count(DISTINCT file_path, row_number, run_id) FROM iip_silver.survey_response)"
                        + " + (SELECT count(DISTINCT file_path, row_number, run_id) FROM iip_silver.survey_quarantine"
                        + " WHERE period_partition <> 'reference')"));

        // The restatement is the final value; the silent enterprises of the new month are imputed.
        assertEquals(List.of("2023-03-05", "true"), List.of(value("SELECT CAST(collected_on AS STRING) FROM"
                + " iip_silver.survey_final WHERE period = '2022-12' AND enterprise_id = '" + e + "'"
                + " AND product_code = '" + product + "'").toString(), value("SELECT abs(quantity_used - 2 * "
                + one.getAs("quantity_used") + ") < 1e-3 FROM iip_silver.survey_final WHERE period = '2022-12'"
                + " AND enterprise_id = '" + e + "' AND product_code = '" + product + "'").toString()));
        assertEquals(value("SELECT count(*) FROM iip_silver.survey_final WHERE period = '2023-01'"
                        + " AND response = 'no_report'"),
                value("SELECT count(*) FROM iip_silver.survey_final WHERE period = '2023-01' AND imputed"
                        + " AND imputation_link > 0"));

        // This run's vintage rows: the new month's figures and what the restated December changes, nothing older
        // (a quarter or a year has figures only when all its months are in).
        String written = "FROM iip_gold.fact_iip_computed WHERE run_id = '" + runId + "'";
        assertEquals("2022-12", value("SELECT min(period) " + written + " AND period_type = 'month'"));
        assertEquals(List.of("2022-Q4"), rows("SELECT DISTINCT period " + written
                + " AND period_type = 'quarter' ORDER BY period").stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of("2022"), rows("SELECT DISTINCT period " + written + " AND period_type = 'year'")
                .stream().map(r -> r.getString(0)).toList());
        assertEquals(value("SELECT count(*) FROM " + LATEST + " WHERE period = '2023-01'"),
                value("SELECT count(*) " + written + " AND period = '2023-01'"));
        assertTrue((Long) value("SELECT count(*) " + written + " AND period = '2022-12'")
                < (Long) value("SELECT count(*) FROM " + LATEST + " WHERE period = '2022-12'"),
                "keys of December the restatement does not touch keep their single vintage");

        // First and latest vintage of a restated key; an older key keeps one vintage.
        Row first = rows("SELECT index_value, release_id, releases_count FROM " + FIRST + NATIONAL_TOTAL_LEVEL).get(0);
        Row newest = rows("SELECT index_value, release_id, releases_count FROM " + LATEST + NATIONAL_TOTAL_LEVEL).get(0);
        assertEquals("computed@" + firstRunId, first.getString(1));
        assertEquals("computed@" + runId, newest.getString(1));
        assertNotEquals(first.getDouble(0), newest.getDouble(0));
        assertEquals(2L, ((Number) newest.get(2)).longValue());
        assertEquals(1L, ((Number) value("SELECT releases_count FROM " + LATEST + " WHERE period = '2021-11'"
                + " AND period_type = 'month' AND geo_code = 'VN' AND industry_code = 'TOTAL' AND comparison = 'yoy'"
                + " AND measure = 'iip'")).longValue());
        SeasonalAdjustmentChecks.afterLaterRound(out, firstRunId, runId);
    }

    @Test
    @Order(4)
    void aRunWithoutANewSurveyFileComputesNothing() {
        long vintages = (Long) value("SELECT count(*) FROM iip_gold.fact_iip_computed");
        long adjusted = (Long) value("SELECT count(*) FROM iip_gold_store.fact_iip_sa");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RunReport report = new Pipeline(SharedWarehouse.spark(), config(),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        String out = output.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("survey   4 file(s) seen: 0 new, 0 rejected whole; 0 row(s) read"), out);
        assertTrue(out.contains("compute  no new survey file: nothing recomputed"), out);
        assertFalse(report.published(), out);
        assertFalse(out.contains("\nadjust   "), out);
        assertEquals(vintages, value("SELECT count(*) FROM iip_gold.fact_iip_computed"));
        assertEquals(adjusted, value("SELECT count(*) FROM iip_gold_store.fact_iip_sa"));
    }

    /**
     * Another method in the job settings: the next run adjusts every series again by it, without a new survey
     * file, beside the X-13 vintages (which it leaves as they are).
     */
    @Test
    @Order(5)
    void aRunWithAnotherMethodAdjustsAgainBesideTheFirst() {
        long x13 = (Long) value("SELECT count(*) FROM iip_gold_store.fact_iip_sa WHERE method = 'x13'");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RunReport report = new Pipeline(SharedWarehouse.spark(), config().withAdjustment(
                HEADLINE.withMethod(vn.iip.adjust.SeriesAdjuster.Method.TRAMO_SEATS)),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        String out = output.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("compute  no new survey file: nothing recomputed"), out);
        assertTrue(out.contains("\nadjust   ") && out.contains(" series by tramo_seats (spec "), out);
        assertTrue(report.published(), out);
        assertEquals(x13, value("SELECT count(*) FROM iip_gold.fact_iip_sa WHERE method = 'x13'"));
        assertEquals(value("SELECT count(*) FROM iip_gold.sa_diagnostics WHERE method = 'x13' AND run_id = '"
                + firstRunId + "'"), value("SELECT count(*) FROM iip_gold.sa_diagnostics WHERE run_id = '"
                + report.runId() + "'"));
        assertEquals(value("SELECT sum(months_count) FROM iip_gold.sa_diagnostics WHERE status LIKE 'adjusted%'"
                + " AND run_id = '" + report.runId() + "'"), value("SELECT count(*) FROM iip_gold.v_iip_sa_latest"
                + " WHERE method = 'tramo_seats'"));
        assertEquals(2L, value("SELECT count(*) FROM iip_gold.sa_spec"));
        Row national = rows("SELECT status, tet_p_value, m7 FROM iip_gold.sa_diagnostics WHERE run_id = '"
                + report.runId() + "' AND geo_code = 'VN' AND industry_code = 'TOTAL'").get(0);
        assertEquals("adjusted", national.getString(0));
        assertTrue(national.getDouble(1) < 0.01 && national.isNullAt(2), national.toString());
        long failed = (Long) value("SELECT count(*) FROM iip_gold.sa_diagnostics WHERE run_id = '" + report.runId()
                + "' AND status = 'failed' AND reason LIKE 'TRAMO_SEATS failed on this series: %'");
        assertEquals(failed > 0 ? "warn" : "pass", value("SELECT status FROM iip_gold.quality_check WHERE run_id = '"
                + report.runId() + "' AND check_id = 'seasonal_adjustment'"));
        System.out.println("SA: TRAMO-SEATS failed on " + failed + " headline series");
    }

    /** The mart, published from this warehouse, holds the adjusted series; the notebook on them agrees with gold. */
    @Test
    @Order(6)
    void theSeasonallyAdjustedNotebookReadsTheMart() throws Exception {
        vn.iip.testing.PostgresServer postgres = vn.iip.testing.PostgresServer.shared();
        new vn.iip.mart.MartPublisher(SharedWarehouse.spark(), SharedWarehouse.root().toString(),
                new vn.iip.mart.MartTarget(postgres.url(), vn.iip.testing.PostgresServer.USER, postgres.password()))
                .publish();
        vn.iip.testing.Notebooks.Executed executed = vn.iip.testing.Notebooks.execute(
                vn.iip.testing.Notebooks.FROM_SURVEY.stream().map(vn.iip.testing.Notebooks.FOLDER::resolve).toList(),
                postgres, "notebooks-survey");
        SeasonalAdjustmentChecks.notebook(executed.printed());
        assertEquals(Map.of("06-seasonally-adjusted.ipynb", 2, "08-computed-vs-published.ipynb", 1),
                executed.charts());
        // The computed beside the published, key by key, as v_iip_reconciliation holds them.
        String national = " FROM iip_gold.v_iip_reconciliation WHERE geo_code = 'VN' AND measure = 'iip'";
        assertEquals(String.valueOf(value("SELECT count(*)" + national)), executed.printed().get("reconciled_keys"));
        assertEquals(String.valueOf(value("SELECT count(*)" + national + " AND abs(difference_pp) <= 1")),
                executed.printed().get("reconciled_within_1pp"));
        assertEquals((Double) value("SELECT avg(abs(difference_pp))" + national),
                Double.parseDouble(executed.printed().get("reconciled_mean_abs_pp")), 0.0051);
        assertTrue((Long) value("SELECT count(*)" + national) > 10, executed.printed().toString());
    }

    /** The headline series only: adjusting all of them would take minutes of the suite for the same checks. */
    private static final vn.iip.adjust.SeasonalAdjustment.Spec HEADLINE = vn.iip.adjust.SeasonalAdjustment.Spec
            .standard().withScope(vn.iip.adjust.SeasonalAdjustment.Scope.HEADLINE);

    private static RunConfig config() {
        return new RunConfig(null, SharedWarehouse.root().toString(), RunConfig.DEFAULT_LOCK_WAIT,
                later.toString()).withAdjustment(HEADLINE);
    }

    /** One line of the bad rows' file, in its header's column order. */
    private static String row(String period, String collectedOn, String enterprise, String province, String vsic4,
                              String product, String unit, String quantity, String response) {
        return String.join(",", response, quantity, unit, product, vsic4, province, enterprise, collectedOn, period);
    }
}
