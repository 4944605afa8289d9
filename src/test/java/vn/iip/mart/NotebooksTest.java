package vn.iip.mart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.iip.testing.Notebooks;
import vn.iip.testing.PostgresServer;
import vn.iip.testing.SharedWarehouse;

/**
 * The analyst notebooks under notebooks/ run top to bottom (jupyter nbconvert --execute, Debian's Python) against a
 * mart published from the bundled samples; any cell error fails. (The seasonal adjustment's notebook needs a
 * computed survey: SurveyEndToEndTest runs it.) The figures each notebook prints ("KEY name =
 * value") are checked against gold, queried here with Spark SQL, and against figures the sources published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksTest {

    private final Map<String, String> printed = new TreeMap<>();
    private final Map<String, Integer> chartsDrawn = new TreeMap<>();
    private SparkSession spark;

    @BeforeAll
    void executeEveryNotebookOnAFreshMart() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        spark = SharedWarehouse.spark();
        new MartPublisher(spark, SharedWarehouse.root().toString(),
                new MartTarget(postgres.url(), PostgresServer.USER, postgres.password())).publish();
        Notebooks.Executed executed = Notebooks.execute(notebooks().stream()
                .filter(n -> !Notebooks.FROM_SURVEY.contains(n.getFileName().toString())).toList(), postgres,
                "notebooks");
        printed.putAll(executed.printed());
        chartsDrawn.putAll(executed.charts());
    }

    @Test
    void latestOverviewPrintsTheNewestMonthAsPublished() {
        // GSO, 29 Nov 2021: IIP Nov-2021 +5.5 % on October and +5.6 % on Nov-2020; 11 months +4.2 % (as revised in
        // the Nov-2022 report).
        assertEquals(Map.of("newest_month", "2021-11", "total_mom", "5.5", "total_yoy", "5.6", "total_ytd_yoy", "4.2"),
                select("newest_month", "total_mom", "total_yoy", "total_ytd_yoy"));
        assertEquals("2021-11", value("SELECT max(period) FROM iip_gold.v_iip_latest WHERE period_type = 'month'"
                + " AND geo_code = 'VN' AND industry_code = 'TOTAL' AND measure = 'iip'"));
    }

    @Test
    void provincesRankedAgreeWithGold() {
        String provinces = " FROM iip_gold.v_iip_latest WHERE period = '2021-11' AND geo_code <> 'VN'"
                + " AND industry_code = 'TOTAL' AND measure = 'iip' AND comparison = 'mom'";
        assertEquals(Map.of("provinces_comparison", "mom", "provinces_ranked", value("SELECT count(*)" + provinces),
                        "top_province", value("SELECT concat(geo_code, ' ', value_pct)" + provinces
                                + " ORDER BY value_pct DESC LIMIT 1"),
                        "provinces_revised", value("SELECT count(*) FROM iip_gold.fact_iip_revision WHERE"
                                + " period = '2021-11' AND geo_code <> 'VN' AND industry_code = 'TOTAL'"
                                + " AND comparison = 'mom' AND revision_pp <> 0")),
                select("provinces_comparison", "provinces_ranked", "top_province", "provinces_revised"));
        // Quảng Ninh (22) led November 2021 at +19.17 % on October (MOIT round-up, IIP-DOMAIN.md).
        assertEquals("22 19.17", printed.get("top_province"));
    }

    @Test
    void revisionsIncludeManufacturingNovember2021() {
        assertEquals(Map.of("revised_keys", value("SELECT count(*) FROM iip_gold.fact_iip_revision"
                                + " WHERE releases_count > 1"),
                        "changed_keys", value("SELECT count(*) FROM iip_gold.fact_iip_revision WHERE releases_count > 1"
                                + " AND revision_pp <> 0"),
                        "manufacturing_2021_11_yoy", "6.4 -> 8.6"),
                select("revised_keys", "changed_keys", "manufacturing_2021_11_yoy"));
    }

    @Test
    void tetEffectSetsTheSingleMonthsAgainstTheTwoTogether() {
        // Tết 2021 fell on 12 February: January +22.5 %, February -7.2 %, the two months together +6.8 %.
        assertEquals(Map.of("tet_year", "2021", "tet_date", value("SELECT tet_date FROM iip_gold.dim_period WHERE"
                                + " period = '2021-02'"), "jan_yoy", "22.5", "feb_yoy", "-7.2", "jan_feb_ytd_yoy", "6.8"),
                select("tet_year", "tet_date", "jan_yoy", "feb_yoy", "jan_feb_ytd_yoy"));
        assertEquals("2021-02-12", printed.get("tet_date"));
    }

    @Test
    void divisionsAreRankedForTheNewestMonthThatHasThem() {
        String divisions = " FROM iip_gold.v_iip_latest l JOIN iip_gold.dim_industry d USING (industry_code)"
                + " WHERE l.geo_code = 'VN' AND d.level = 'division' AND l.measure = 'iip' AND l.period_type = 'month'";
        String month = value("SELECT max(period)" + divisions);
        String ranked = divisions + " AND l.period = '" + month + "' AND l.comparison = 'ytd_yoy'";
        assertEquals(Map.of("divisions_month", month + " ytd_yoy", "divisions_ranked", value("SELECT count(*)" + ranked),
                        "fastest_division", value("SELECT concat(industry_code, ' ', value_pct)" + ranked
                                + " ORDER BY value_pct DESC, industry_code LIMIT 1"),
                        "slowest_division", value("SELECT concat(industry_code, ' ', value_pct)" + ranked
                                + " ORDER BY value_pct ASC, industry_code DESC LIMIT 1")),
                select("divisions_month", "divisions_ranked", "fastest_division", "slowest_division"));
    }

    @Test
    void theTimeSeriesSetsFirstPrintsBesideTheLatest() {
        String national = " FROM iip_gold.v_iip_latest l JOIN iip_gold.v_iip_first_release f USING (period, geo_code,"
                + " geo_version, industry_code, comparison, measure) WHERE l.period_type = 'month' AND l.geo_code ="
                + " 'VN' AND l.industry_code = 'TOTAL' AND l.comparison = 'yoy' AND l.measure = 'iip' AND l.period >="
                + " '2019-01' AND l.value_pct IS NOT NULL";
        assertEquals(Map.of("series_months", value("SELECT count(*)" + national),
                        "series_first_month", value("SELECT min(l.period)" + national),
                        "series_revised_months", value("SELECT count(*)" + national + " AND l.value_pct <> f.value_pct"),
                        "series_largest_revision", value("SELECT concat(l.period, ' ', f.value_pct, ' -> ', l.value_pct)"
                                + national + " ORDER BY abs(l.value_pct - f.value_pct) DESC, l.period LIMIT 1")),
                select("series_months", "series_first_month", "series_revised_months", "series_largest_revision"));
    }

    @Test
    void theDataQualityPageCountsWhatGoldHolds() {
        String newest = "(SELECT max(run_id) FROM iip_gold.quality_check)";
        assertEquals(Map.of("quality_newest_run_checks", value("SELECT count(*) FROM iip_gold.quality_check WHERE"
                                + " run_id = " + newest),
                        "quality_newest_run_warn", value("SELECT count(*) FROM iip_gold.quality_check WHERE run_id = "
                                + newest + " AND status = 'warn'"),
                        "runs_logged", value("SELECT count(*) FROM iip_silver.run_log"),
                        "quarantined_rows", value("SELECT count(*) FROM iip_silver.quarantine"),
                        "quarantine_rules", value("SELECT count(DISTINCT rule_id) FROM iip_silver.quarantine"),
                        "release_missing", value("SELECT count(*) FROM iip_gold.release_calendar WHERE publisher ="
                                + " 'GSO' AND status = 'missing'"),
                        // The samples' newest GSO month is 2021-12 and year 2021: January 2022 and 2022 are overdue.
                        "release_overdue", "2022, 2022-01"),
                select("quality_newest_run_checks", "quality_newest_run_warn", "runs_logged", "quarantined_rows",
                        "quarantine_rules", "release_missing", "release_overdue"));
        assertEquals("9", printed.get("release_missing"));
    }

    @Test
    void everyNotebookDrawsItsChart() {
        assertEquals(Map.of("01-latest-overview.ipynb", 1, "02-provinces-ranked.ipynb", 1, "03-revisions.ipynb", 1,
                "04-tet-effect.ipynb", 1, "05-industry-divisions.ipynb", 1, "07-time-series.ipynb", 1,
                "09-data-quality.ipynb", 2), chartsDrawn);
    }

    @Test
    void committedNotebooksCarryNoOutputs() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> notebooks = notebooks();
        assertEquals(9, notebooks.size(), notebooks.toString());
        for (Path notebook : notebooks) {
            for (JsonNode cell : json.readTree(notebook.toFile()).get("cells")) {
                if (cell.get("cell_type").asText().equals("code")) {
                    assertEquals(0, cell.get("outputs").size(), notebook + " has outputs: clear them before committing");
                    assertTrue(cell.get("execution_count").isNull(), notebook + " has execution counts");
                }
            }
        }
    }

    /** What an analyst changes (a period, a geography, an industry) sits in one cell tagged "parameters". */
    @Test
    void everyNotebookHasATaggedParametersCell() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path notebook : notebooks()) {
            long tagged = 0;
            for (JsonNode cell : json.readTree(notebook.toFile()).get("cells")) {
                for (JsonNode tag : cell.path("metadata").path("tags")) {
                    tagged += tag.asText().equals("parameters") && cell.get("cell_type").asText().equals("code")
                            ? 1 : 0;
                }
            }
            assertEquals(1, tagged, notebook + " needs exactly one code cell tagged parameters");
        }
    }

    private Map<String, String> select(String... keys) {
        Map<String, String> selected = new TreeMap<>();
        for (String key : keys) {
            selected.put(key, printed.getOrDefault(key, "(not printed)"));
        }
        return selected;
    }

    private String value(String sql) {
        Row row = spark.sql(sql).first();
        return String.valueOf(row.get(0));
    }

    private static List<Path> notebooks() throws IOException {
        return Notebooks.all();
    }
}
