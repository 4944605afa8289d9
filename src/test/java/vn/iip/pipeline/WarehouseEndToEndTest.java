package vn.iip.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.iip.testing.SharedWarehouse.rows;
import static vn.iip.testing.SharedWarehouse.value;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.iip.testing.ChildJvm;
import vn.iip.testing.SharedWarehouse;

/**
 * The whole pipeline on the bundled samples (built by the command line in a child JVM), asserted through SQL by
 * table name; then the broken corpus and a re-run on a warehouse that already holds everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarehouseEndToEndTest {
    private static final String LATEST = "SELECT value_pct FROM iip_gold.v_iip_latest WHERE ";
    private static final String FIRST = "SELECT value_pct FROM iip_gold.v_iip_first_release WHERE ";

    private static double latest(String period, String geo, String industry, String comparison) {
        return (Double) value(LATEST + key(period, geo, industry, comparison));
    }

    private static double first(String period, String geo, String industry, String comparison) {
        return (Double) value(FIRST + key(period, geo, industry, comparison));
    }

    private static String key(String period, String geo, String industry, String comparison) {
        return "period = '" + period + "' AND geo_code = '" + geo + "' AND industry_code = '" + industry
                + "' AND comparison = '" + comparison + "' AND measure = 'iip'";
    }

    @Test
    @Order(1)
    void commandLineRunSucceedsAndReportsEachStage() {
        ChildJvm.Result run = SharedWarehouse.firstRun();
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("ingest   33 file(s) seen: 33 new, 0 skipped (already ingested), 0 rejected"
                + " whole; 215 row(s) read"), run.stdout());
        assertTrue(run.stdout().contains("conform  215 row(s): 215 observation(s), 0 quarantined"), run.stdout());
        assertTrue(run.stdout().contains("conservation ok"), run.stdout());
        assertTrue(run.stdout().contains("summary: newest month 2021-11, Viet Nam"), run.stdout());
        assertTrue(run.stdout().contains("  C      yoy        +8.6   released 2022-01-05 (revised; 2 releases)"),
                run.stdout());
    }

    @Test
    @Order(1)
    void sqlCsvPrintsOnlyCsv() {
        ChildJvm.Result query = SharedWarehouse.csvQuery();
        assertEquals(0, query.exitCode(), query.stderr());
        assertEquals("value_pct\n19.17\n", query.stdout());
    }

    @Test
    @Order(2)
    void seedArticleFiguresOfNovember2021() {
        assertEquals(5.5, latest("2021-11", "VN", "TOTAL", "mom"));
        assertEquals(5.6, latest("2021-11", "VN", "TOTAL", "yoy"));
        assertEquals(3.6, first("2021-11", "VN", "TOTAL", "ytd_yoy"));
        assertEquals(4.2, latest("2021-11", "VN", "TOTAL", "ytd_yoy"));
        assertEquals(2.2, first("2021-11", "VN", "B", "yoy"));
        assertEquals(6.4, first("2021-11", "VN", "C", "yoy"));
        assertEquals(2.2, first("2021-11", "VN", "D", "yoy"));
        assertEquals(1.2, first("2021-11", "VN", "E", "yoy"));
        assertEquals(8.0, latest("2021-11", "VN", "B", "mom"));
        assertEquals(5.9, latest("2021-11", "VN", "C", "mom"));
    }

    @Test
    @Order(2)
    void manufacturingRevisionKeepsBothVintages() {
        assertEquals(8.6, latest("2021-11", "VN", "C", "yoy"));
        assertEquals(6.4, first("2021-11", "VN", "C", "yoy"));
        Row revision = rows("SELECT first_value_pct, latest_value_pct, revision_pp, releases_count, revision_above_1pp,"
                + " first_release_id, latest_release_id FROM iip_gold.fact_iip_revision WHERE period = '2021-11'"
                + " AND geo_code = 'VN' AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'").get(0);
        assertEquals(6.4, revision.getDouble(0));
        assertEquals(8.6, revision.getDouble(1));
        assertEquals(2.2, revision.getDouble(2));
        assertEquals(2, revision.getInt(3));
        assertTrue(revision.getBoolean(4));
        assertEquals("GSO@2021-11-29", revision.getString(5));
        assertEquals("GSO@2022-01-05", revision.getString(6));
    }

    @Test
    @Order(2)
    void asPublishedOnADate() {
        String asOf = "SELECT value_pct FROM iip_gold.iip_as_of(DATE'%s') WHERE " + key("2021-11", "VN", "C", "yoy");
        assertEquals(6.4, value(String.format(asOf, "2021-12-31")));
        assertEquals(8.6, value(String.format(asOf, "2022-01-05")));
        assertEquals(0L, value("SELECT count(*) FROM iip_gold.iip_as_of(DATE'2021-11-28') WHERE "
                + key("2021-11", "VN", "C", "yoy")));
        assertEquals(3.6, value("SELECT value_pct FROM iip_gold.iip_as_of(DATE'2022-11-28') WHERE "
                + key("2021-11", "VN", "TOTAL", "ytd_yoy")));
        // Nothing published later leaks into the past: on 2021-12-31 only one release of the figure was known.
        assertEquals(1, value("SELECT releases_count FROM iip_gold.iip_as_of(DATE'2021-12-31') WHERE "
                + key("2021-11", "VN", "C", "yoy")));
    }

    @Test
    @Order(2)
    void provincesOfTheSeedArticleAreInferredMonthOnMonth() {
        List<Row> provinces = rows("SELECT geo_code, geo_name_vi, value_pct, comparison, comparison_inferred, publisher"
                + " FROM iip_gold.v_iip_latest WHERE period = '2021-11' AND geo_code <> 'VN' AND comparison_inferred"
                + " ORDER BY geo_code");
        assertEquals(List.of("22 Quảng Ninh 19.17", "38 Thanh Hóa 15.1", "46 Thừa Thiên Huế 9.12",
                        "51 Quảng Ngãi 16.11", "75 Đồng Nai 6.9", "92 Cần Thơ 6.77"),
                provinces.stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getDouble(2)).toList());
        assertTrue(provinces.stream().allMatch(r -> r.getString(3).equals("mom") && r.getBoolean(4)
                && r.getString(5).equals("MOIT")));
        assertEquals(19.17, latest("2021-11", "22", "TOTAL", "mom"));
    }

    @Test
    @Order(2)
    void namesAndIndexUnitsAreConformed() {
        // Hòa Bình published indices (111,35 / 88,32) under an old tone placement; MOIT wrote names in four styles.
        assertEquals(11.35, latest("2021-09", "17", "TOTAL", "mom"));
        assertEquals(-11.68, latest("2021-09", "17", "TOTAL", "yoy"));
        assertEquals(-49.2, latest("2021-08", "79", "TOTAL", "yoy"));
        assertEquals(-3.7, latest("2021-08", "77", "TOTAL", "yoy"));
        assertEquals(13.21, value("SELECT value_pct FROM iip_gold.v_iip_latest WHERE period = '2019' AND geo_code = '40'"
                + " AND industry_code = 'TOTAL'"));
        assertEquals(113.21, value("SELECT index_value FROM iip_gold.v_iip_latest WHERE period = '2019'"
                + " AND geo_code = '40' AND industry_code = 'TOTAL'"));
        assertEquals(19L, value("SELECT count(*) FROM iip_gold.v_iip_latest WHERE period = '2021-08'"
                + " AND geo_code <> 'VN' AND comparison = 'yoy'"));
        assertEquals(28.4, latest("2021-09", "VN", "C24", "ytd_yoy"));
    }

    @Test
    @Order(2)
    void wideViewPutsComparisonsSideBySide() {
        Row total = rows("SELECT mom_pct, yoy_pct, ytd_yoy_pct, yoy_first_print_pct, yoy_revision_pp, geo_name_en,"
                + " industry_name_vi FROM iip_gold.v_iip_monthly_wide WHERE period = '2021-11' AND geo_code = 'VN'"
                + " AND industry_code = 'C'").get(0);
        assertEquals(5.9, total.getDouble(0));
        assertEquals(8.6, total.getDouble(1));
        assertEquals(5.4, total.getDouble(2));
        assertEquals(6.4, total.getDouble(3));
        assertEquals(2.2, total.getDouble(4));
        assertEquals("Viet Nam", total.getString(5));
        assertEquals("Công nghiệp chế biến, chế tạo", total.getString(6));
        assertEquals(Boolean.TRUE, value("SELECT contains_tet FROM iip_gold.v_iip_monthly_wide WHERE period = '2021-02'"
                + " AND geo_code = 'VN' AND industry_code = 'TOTAL'"));
    }

    @Test
    @Order(2)
    void dimensionsCarryGeographyVersionsAndTet() {
        assertEquals("Bắc Giang", value("SELECT name_vi FROM iip_gold.dim_geography WHERE geo_code = '24'"
                + " AND geo_version = 'vn63'"));
        assertEquals("Bắc Ninh", value("SELECT name_vi FROM iip_gold.dim_geography WHERE geo_code = '24'"
                + " AND geo_version = 'vn34'"));
        assertEquals("24", value("SELECT successor_code FROM iip_gold.dim_geography WHERE geo_code = '27'"
                + " AND geo_version = 'vn63'"));
        assertEquals(2L, value("SELECT count(*) FROM iip_gold.dim_geography WHERE geo_code = '46'"
                + " AND geo_version = 'vn63'"));
        assertEquals(105L, value("SELECT count(DISTINCT geo_code, geo_version) FROM iip_gold.dim_geography"));
        assertEquals(List.of("R1", "R2", "R3", "R4", "R5", "R6"), rows("SELECT geo_code FROM iip_gold.dim_geography"
                + " WHERE geo_version = 'region' ORDER BY geo_code").stream().map(r -> r.getString(0)).toList());
        assertEquals("Mekong River Delta", value("SELECT name_en FROM iip_gold.dim_geography WHERE geo_code = 'R6'"));
        assertEquals(List.of("2020-01", "2021-02", "2022-02", "2023-01", "2024-02", "2025-01"),
                rows("SELECT period FROM iip_gold.dim_period WHERE contains_tet AND period_type = 'month'"
                        + " AND year BETWEEN 2020 AND 2025 ORDER BY period").stream().map(r -> r.getString(0)).toList());
        assertEquals("C", value("SELECT parent_code FROM iip_gold.dim_industry WHERE industry_code = 'C24'"));
        // The day calendar: every day of 1900-2100 once, Tết from the computed lunar calendar.
        Row days = rows("SELECT count(*), count(DISTINCT date), count_if(is_tet) FROM iip_gold.dim_calendar").get(0);
        assertEquals(List.of(73_414L, 73_414L, 201L), List.of(days.getLong(0), days.getLong(1), days.getLong(2)));
        assertEquals(List.of("2007-02-17", "2030-02-02", "2100-02-09"), rows("SELECT CAST(date AS STRING) FROM"
                + " iip_gold.dim_calendar WHERE is_tet AND year IN (2007, 2030, 2100) ORDER BY date").stream()
                .map(r -> r.getString(0)).toList());
        // 2023-04-29: Hùng Kings' day (10/3 lunar, after a leap 2nd month), a Saturday: a holiday, no working day.
        Row hungKings = rows("SELECT lunar_month, lunar_day, lunar_leap_month, public_holiday, working_day FROM"
                + " iip_gold.dim_calendar WHERE date = DATE'2023-04-29'").get(0);
        assertEquals(List.of(3, 10, false, true, false), List.of(hungKings.get(0), hungKings.get(1), hungKings.get(2),
                hungKings.get(3), hungKings.get(4)));
        // Per month: 2023-05 has 20 working days (two made up for the weekend holidays); Tết 2020-01-25's window
        // (7 days before to 14 after) puts 14 of its 22 days in January.
        Row may = rows("SELECT working_days, tet_window_days FROM iip_gold.dim_calendar_month WHERE period = '2023-05'")
                .get(0);
        assertEquals(List.of(20, 0), List.of(may.get(0), may.get(1)));
        Row january = rows("SELECT tet_window_days, tet_share, tet_regressor, working_days FROM"
                + " iip_gold.dim_calendar_month WHERE period = '2020-01'").get(0);
        assertEquals(14, january.getInt(0));
        assertEquals(14 / 22.0, january.getDouble(1), 1e-12);
        assertEquals(vn.iip.adjust.TetRegressor.standard().value(java.time.YearMonth.of(2020, 1)),
                january.getDouble(2), 1e-12);
        assertEquals(2412L, value("SELECT count(*) FROM iip_gold.dim_calendar_month"));
        // The month table agrees with the day table on every month's working days.
        assertEquals(0L, value("SELECT count(*) FROM iip_gold.dim_calendar_month m JOIN (SELECT year, month,"
                + " count_if(working_day) AS w, count_if(tet_window) AS t FROM iip_gold.dim_calendar GROUP BY year,"
                + " month) d ON m.year = d.year AND m.month = d.month WHERE m.working_days <> d.w"));
        assertEquals(5L, value("SELECT count(*) FROM iip_gold.dim_comparison"));
        assertEquals(33L, value("SELECT count(*) FROM iip_gold.dim_release"));
    }

    @Test
    @Order(2)
    void qualityChecksReportContributionsRangesAndRevisions() {
        Row november = rows("SELECT status, expected_value, actual_value FROM iip_gold.quality_check"
                + " WHERE check_id = 'contributions_vs_total' AND period = '2021-11' AND comparison = 'ytd_yoy'").get(0);
        assertEquals("pass", november.getString(0));
        assertEquals(3.6, november.getDouble(1));
        assertEquals(3.6, november.getDouble(2), 1e-9);
        assertEquals(4L, value("SELECT count(*) FROM iip_gold.quality_check WHERE check_id = 'contributions_vs_total'"
                + " AND run_id = (SELECT min(run_id) FROM iip_gold.quality_check)"));
        assertTrue(rows("SELECT period FROM iip_gold.quality_check WHERE check_id = 'revision_above_1pp'"
                + " AND industry_code = 'C' AND comparison = 'yoy'").stream().anyMatch(r -> r.getString(0).equals("2021-11")));
        assertTrue((Long) value("SELECT count(*) FROM iip_gold.quality_check WHERE check_id = 'value_range'"
                + " AND geo_code = '83' AND period = '2021-08'") == 1L, "Bến Tre -60.1% is flagged");
    }

    @Test
    @Order(3)
    void everyGoldTableAndColumnHasBilingualComments() {
        for (Row table : rows("SHOW TABLES IN iip_gold")) {
            String name = "iip_gold." + table.getString(1);
            if (table.getBoolean(2)) {
                continue;
            }
            List<Row> described = rows("DESCRIBE TABLE EXTENDED " + name);
            for (Row column : described) {
                if (column.getString(0).isEmpty()) {
                    break;
                }
                String comment = column.getString(2);
                assertTrue(comment != null && comment.contains(" / "), name + "." + column.getString(0) + ": " + comment);
            }
            String tableComment = described.stream().filter(r -> r.getString(0).equals("Comment")).findFirst()
                    .map(r -> r.getString(1)).orElse("");
            assertTrue(tableComment.contains(" / "), name + " comment: " + tableComment);
        }
    }

    @Test
    @Order(4)
    void rowsReadEqualObservationsPlusQuarantine() {
        Row log = rows("SELECT rows_read, observations_added, quarantined_added, conservation_ok, outcome"
                + " FROM iip_silver.run_log ORDER BY started_at LIMIT 1").get(0);
        assertEquals(215L, log.getLong(0));
        assertEquals(215L, log.getLong(1) + log.getLong(2));
        assertTrue(log.getBoolean(3));
        assertEquals("succeeded", log.getString(4));
    }

    @Test
    @Order(10)
    void brokenFilesAreQuarantinedWithTheirRuleAndTheRestLoads() throws Exception {
        Path broken = resource("/extracts/broken");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RunReport report = new Pipeline(SharedWarehouse.spark(), new RunConfig(broken.toUri().toString(),
                SharedWarehouse.root().toString()), new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        String printed = output.toString(StandardCharsets.UTF_8);
        assertEquals(9, report.filesNew(), printed);
        assertEquals(3, report.filesRejected(), printed);
        assertEquals(46, report.rowsRead());
        assertEquals(38, report.quarantinedAdded());
        assertEquals(8, report.observationsAdded());
        assertTrue(report.conservationOk());

        // Every line of the golden file but its header, however many it has: the quarantine must equal it exactly.
        List<String> golden = Files.readAllLines(resource("/extracts/expected-quarantine-broken.csv"));
        assertEquals("file_name,row_number,rule_id", golden.get(0));
        Set<String> expected = golden.stream().skip(1).filter(line -> !line.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(golden.size() - 1, expected.size(), "no line of the golden file repeats another");
        assertEquals(report.quarantinedAdded(), expected.size());
        Set<String> actual = rows("SELECT regexp_extract(file_path, '([^/]*)$', 1), row_number, rule_id"
                + " FROM iip_silver.quarantine WHERE run_id = '" + report.runId() + "'").stream()
                .map(r -> r.getString(0) + "," + r.getInt(1) + "," + r.getString(2)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);

        assertEquals("unknown-province.csv row 2, column geo: Cannot resolve province 'Quang Nihn': no match among the"
                + " 63 units of vn63; did you mean 'Quảng Ninh' (22)?; fix the spelling or use the 2-digit code",
                value("SELECT reason FROM iip_silver.quarantine WHERE rule_id = 'geo_unknown' AND raw_value = 'Quang Nihn'"));
        assertEquals("geo:Quang Nihn", value("SELECT column_name || ':' || raw_value FROM iip_silver.quarantine"
                + " WHERE rule_id = 'geo_unknown' AND file_path LIKE '%unknown-province.csv' AND row_number = 2"));
        assertEquals(0L, value("SELECT count(*) FROM iip_gold.fact_iip_release WHERE publisher = 'TEST'"
                + " AND (value_pct IN (8.86, 4.82, 6.37))"), "value added never lands in IIP facts");
        assertEquals("rejected", value("SELECT outcome FROM iip_bronze.extract_file WHERE file_name = 'notes.md'"));
        assertTrue(printed.contains("notes.md: no reader for this file type"), printed);

        // The good rows of the same run are published, in the geography of their period.
        assertEquals(-2.8, value(LATEST + "publisher = 'TEST' AND industry_code = 'C24'"));
        assertEquals("Bắc Ninh", value("SELECT geo_name_vi FROM iip_gold.v_iip_latest WHERE publisher = 'TEST'"
                + " AND period = '2025-08' AND geo_code = '24'"));
        assertEquals("vn34", value("SELECT geo_version FROM iip_gold.v_iip_latest WHERE publisher = 'TEST'"
                + " AND period = '2025-08' AND geo_code = '46'"));
        assertEquals(0.3, value(LATEST + key("2021-10", "VN", "D", "mom")));
        assertEquals(8.47, value(LATEST + key("2021-10", "VN", "C", "mom")), "the more precise copy is kept");
        assertEquals(0L, value("SELECT count(*) FROM iip_gold.v_iip_latest WHERE " + key("2021-10", "VN", "E", "mom")));
        assertEquals(2.2, first("2021-11", "VN", "B", "yoy"), "a conflicting re-delivery does not touch the loaded value");
        assertEquals(1L, value("SELECT count(*) FROM iip_silver.observation WHERE publisher = 'TEST'"
                + " AND industry_code = 'C26' AND value_pct IS NULL"), "not available is kept in silver");
    }

    @Test
    @Order(11)
    void aSecondRunOnTheSameInputChangesNothing() throws Exception {
        String facts = "SELECT count(*), sum(value_pct), max(release_date) FROM iip_gold.fact_iip_release";
        Row before = rows(facts).get(0);
        long versionBefore = factVersion();
        long rowsBefore = (Long) value("SELECT count(*) FROM iip_bronze.extract_row");
        List<Long> dimensionsBefore = List.of(version("dim_industry"), version("dim_period"), version("dim_comparison"),
                version("dim_calendar"), version("dim_calendar_month"));
        for (String input : new String[] {null, resource("/extracts/broken").toUri().toString()}) {
            RunReport report = new Pipeline(SharedWarehouse.spark(), new RunConfig(input,
                    SharedWarehouse.root().toString()).withSurvey(RunConfig.NO_SURVEY),
                    new PrintStream(new ByteArrayOutputStream())).run();
            assertEquals(0, report.filesNew());
            assertEquals(report.filesSeen(), report.filesSkipped());
            assertFalse(report.published());
        }
        assertEquals(before, rows(facts).get(0));
        assertEquals(versionBefore, factVersion());
        assertTrue(versionBefore > 0, "the facts were published more than once: " + versionBefore);
        // Reference dimensions are rewritten only when their rows change (the survey's classes may have come since).
        assertEquals(dimensionsBefore, List.of(version("dim_industry"), version("dim_period"),
                version("dim_comparison"), version("dim_calendar"), version("dim_calendar_month")));
        assertEquals(1L, version("dim_calendar"), "dim_calendar is created empty, then written once");
        assertEquals(1L, version("dim_comparison"), "dim_comparison is created empty, then written once");
        assertEquals(rowsBefore, value("SELECT count(*) FROM iip_bronze.extract_row"));
        assertEquals(Boolean.TRUE, value("SELECT bool_and(conservation_ok) FROM iip_silver.run_log"));
        assertEquals(value("SELECT count(*) FROM iip_bronze.extract_row"), value("SELECT (SELECT count(*) FROM"
                + " iip_silver.observation) + (SELECT count(*) FROM iip_silver.quarantine)"));
    }

    @Test
    @Order(5)
    void failuresExitWithOneAndAOneLineReason() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        String warehouse = SharedWarehouse.root().toString();
        assertEquals(1, vn.iip.cli.Main.execute(new String[] {"sql", "--warehouse", warehouse,
                "SELECT * FROM iip_gold.no_such_table"}, new PrintStream(new ByteArrayOutputStream()), errors));
        assertEquals(1, vn.iip.cli.Main.execute(new String[] {"run", "--input", "/no/such/folder", "--warehouse",
                warehouse}, new PrintStream(new ByteArrayOutputStream()), errors));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, err.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].startsWith("iip: [TABLE_OR_VIEW_NOT_FOUND]"), lines[0]);
        assertEquals("iip: Input folder /no/such/folder does not exist; pass --input with a folder of extract files,"
                + " or omit it to load the bundled samples", lines[1]);
        // The input is checked before the run starts: nothing was written, not even a run_log row.
        assertEquals(0L, value("SELECT count(*) FROM iip_silver.run_log WHERE input_uri = '/no/such/folder'"));
    }

    @Test
    @Order(12)
    void aRunRemovesRowsLeftByAnInterruptedRun() {
        var spark = SharedWarehouse.spark();
        long observations = (Long) value("SELECT count(*) FROM iip_silver.observation");
        // What a run that died before registering its file leaves behind: rows of a file missing from extract_file.
        spark.sql("INSERT INTO iip_bronze.extract_row SELECT 'deadbeef', row_number, source_place, raw_text, fields,"
                + " read_rule_id,"
                + " ingested_at, 'crashed-run' FROM iip_bronze.extract_row LIMIT 3");
        spark.sql("INSERT INTO iip_silver.observation SELECT observation_id, release_id, release_date, publisher, period,"
                + " period_type, period_start, period_end, geo_code, geo_version, industry_code, comparison,"
                + " comparison_inferred, measure, value_pct, index_value, value_published, unit_published,"
                + " decimals_published, status, source, 'deadbeef', row_number, source_place, geo_input, product_name,"
                + " quantity_unit, quantity, file_path, 'crashed-run',"
                + " ingested_at FROM iip_silver.observation LIMIT 3");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RunReport report = new Pipeline(spark, new RunConfig(null, SharedWarehouse.root().toString())
                .withSurvey(RunConfig.NO_SURVEY), new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("; an interrupted run: removed 3 row(s) of 1"
                + " file(s) left unregistered"), output.toString(StandardCharsets.UTF_8));
        assertTrue(report.conservationOk());
        assertEquals(observations, value("SELECT count(*) FROM iip_silver.observation"));
        assertEquals(0L, value("SELECT count(*) FROM iip_bronze.extract_row WHERE file_sha256 = 'deadbeef'"));
    }

    /**
     * A reader polling gold while a run publishes sees the gold before or the gold after, never a mix: on main a poll
     * caught the new dim_release beside the old facts, because the gold tables are written one after another. Here
     * every poll, one query over facts, releases, revisions and quality checks, must equal one of the two states.
     */
    @Test
    @Order(13)
    void aReaderDuringAPublishSeesOneGoldOrTheNextNeverAMix() throws Exception {
        String state = "SELECT (SELECT count(DISTINCT release_id) FROM iip_gold.fact_iip_release),"
                + " (SELECT count(*) FROM iip_gold.fact_iip_release), (SELECT count(*) FROM iip_gold.dim_release),"
                + " (SELECT count(*) FROM iip_gold.fact_iip_revision), (SELECT count(DISTINCT run_id) FROM"
                + " iip_gold.quality_check)";
        String before = rows(state).get(0).toString();
        Path landing = Files.createTempDirectory("iip-poll");
        Files.writeString(landing.resolve("2009-07-01_poll.csv"), "release_date,publisher,period,geo,industry,"
                + "comparison,measure,value,unit,status,source\n"
                + "2009-07-01,POLL,2009-06,VN,TOTAL,yoy,iip,\"107,2\",index,,test release\n"
                + "2009-07-01,POLL,2009-06,VN,B,yoy,iip,\"98,1\",index,,test release\n"
                + "2009-07-01,POLL,2009-06,VN,C,yoy,iip,\"109,4\",index,,test release\n");
        java.util.concurrent.ConcurrentLinkedQueue<String> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (publishing.get()) {
                seen.add(rows(state).get(0).toString());
                // A pause between polls leaves the run a core of the two.
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            }
        });
        reader.start();
        RunReport report;
        try {
            report = new Pipeline(SharedWarehouse.spark(), new RunConfig(landing.toString(),
                    SharedWarehouse.root().toString()), new PrintStream(new ByteArrayOutputStream())).run();
        } finally {
            publishing.set(false);
            reader.join();
        }
        assertTrue(report.published());
        String after = rows(state).get(0).toString();
        assertFalse(before.equals(after));
        Set<String> mixes = seen.stream().filter(s -> !s.equals(before) && !s.equals(after))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), mixes, "before " + before + ", after " + after);
        assertTrue(seen.size() > 5 && seen.contains(before), seen.size() + " polls: " + Set.copyOf(seen));
    }

    /**
     * The run of the previous test added one release of one period: it rewrote that period's facts and revisions and
     * that release's row (replaceWhere), and gold still equals a rebuild from silver, row for row.
     */
    @Test
    @Order(14)
    void aRunThatAddsAReleaseRewritesOnlyItsPeriodAndGoldEqualsARebuild() {
        Row write = io.delta.tables.DeltaTable.forName(SharedWarehouse.spark(), "iip_gold_store.fact_iip_release")
                .history(1).selectExpr("operation", "operationParameters['predicate']",
                        "operationMetrics['numOutputRows']").first();
        assertEquals("WRITE", write.getString(0));
        assertTrue(write.getString(1).contains("2009-06"), write.toString());
        assertEquals("3", write.getString(2), "only the new period's 3 facts were written: " + write);
        assertTrue((Long) value("SELECT count(DISTINCT period) FROM iip_gold.fact_iip_release") > 20,
                "the other periods were left as they were");
        var spark = SharedWarehouse.spark();
        var silver = spark.table("iip_silver.observation");
        var rebuilt = vn.iip.publish.Facts.releaseFacts(silver.filter(org.apache.spark.sql.functions.col("measure")
                .isin("iip", "contribution_pp")));
        var facts = spark.table("iip_gold.fact_iip_release");
        String[] columns = facts.columns();
        var expected = rebuilt.selectExpr(columns);
        assertEquals(0L, facts.exceptAll(expected).count(), "facts that a rebuild would not make");
        assertEquals(0L, expected.exceptAll(facts).count(), "facts a rebuild makes that gold lacks");
        var revisions = spark.table("iip_gold.fact_iip_revision");
        var expectedRevisions = vn.iip.publish.Facts.revisions(rebuilt).selectExpr(revisions.columns());
        assertEquals(0L, revisions.exceptAll(expectedRevisions).count());
        assertEquals(0L, expectedRevisions.exceptAll(revisions).count());
        var releases = spark.table("iip_gold.dim_release");
        var expectedReleases = vn.iip.publish.Dimensions.release(silver).selectExpr(releases.columns());
        assertEquals(0L, releases.exceptAll(expectedReleases).count());
        assertEquals(0L, expectedReleases.exceptAll(releases).count());
    }

    private static long factVersion() {
        return version("fact_iip_release");
    }

    private static long version(String goldTable) {
        return rows("DESCRIBE HISTORY iip_gold_store." + goldTable + " LIMIT 1").get(0).getLong(0);
    }

    private static Path resource(String name) throws URISyntaxException, IOException {
        return Path.of(WarehouseEndToEndTest.class.getResource(name).toURI());
    }
}
