package vn.iip.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.TableSpec;
import vn.iip.quality.FreshnessChecks;
import vn.iip.testing.SharedWarehouse;

/**
 * The operator's view of the shared warehouse (the bundled samples): the release calendar against GSO's published
 * days, the freshness checks in quality_check, {@code jobs/iip status}, and the catalogue site written by
 * {@code jobs/iip docs} and opened in Debian's chromium (headless), which renders every page linked from the index.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsTest {
    private static final LocalDate TODAY = FreshnessChecks.releaseDay(java.time.Instant.now());

    /**
     * GSO's releases in the samples against the schedule (29th of the month until 2024-10). The samples' 2022 and
     * 2025 releases hold only earlier periods (revised, as cited), so GSO's newest printed month is 2021-12 and
     * January 2022 is the release due next; the 2019 annual figure was first held in the 2021 yearbook.
     */
    @ParameterizedTest(name = "{0} {1}: {5}")
    @Order(1)
    @CsvSource({
            "month, 2021-11, 2021-11-29, GSO@2021-11-29, 0,    on_time",
            "month, 2020-01, 2020-01-29, GSO@2020-01-31, 2,    on_time",
            "month, 2021-02, 2021-02-28, GSO@2021-02-28, 0,    on_time",
            "month, 2020-02, 2020-02-29, ,               ,     missing",
            "month, 2021-12, 2021-12-29, GSO@2022-01-05, 7,    late",
            "month, 2022-01, 2022-01-29, ,               ,     awaited",
            "year,  2021,    2021-12-29, GSO@2021-12-29, 0,    on_time",
            "year,  2019,    2019-12-29, GSO@2022-06-30, 914,  late",
            "year,  2022,    2022-12-29, ,               ,     awaited"})
    void releaseCalendarRows(String type, String period, String expected, String release, Integer late,
                             String status) {
        org.apache.spark.sql.Row found = SharedWarehouse.rows("SELECT expected_date, coalesce(first_release_id, ''),"
                + " coalesce(days_late, -999), status FROM iip_gold.release_calendar WHERE publisher = 'GSO' AND"
                + " period_type = '" + type + "' AND period = '" + period + "'").get(0);
        List<Object> row = List.of(found.get(0), found.get(1), found.get(2), found.get(3));
        assertEquals(List.of(java.sql.Date.valueOf(expected), release == null ? "" : release,
                late == null ? -999 : late, status), row);
    }

    @Test
    @Order(2)
    void freshnessChecksReportTheMissingAndTheOverdue() {
        long missing = (Long) SharedWarehouse.value("SELECT count(*) FROM iip_gold.release_calendar WHERE status ="
                + " 'missing'");
        // The GSO months between the samples' releases (freshness.html lists them): 2019-12, 2020-02 to 2020-07,
        // 2020-12 and 2021-06.
        assertEquals(9L, missing);
        String newestRun = "(SELECT max(run_id) FROM iip_gold.quality_check)";
        assertEquals(missing, SharedWarehouse.value("SELECT count(*) FROM iip_gold.quality_check WHERE check_id ="
                + " 'release_missing' AND status = 'warn' AND run_id = " + newestRun));
        // The run's day, not today's: the check was made when the run ran.
        List<org.apache.spark.sql.Row> overdue = SharedWarehouse.rows("SELECT period, actual_value, tolerance, message,"
                + " to_date(from_utc_timestamp(checked_at, 'Asia/Ho_Chi_Minh')) FROM iip_gold.quality_check WHERE"
                + " check_id = 'release_overdue' AND run_id = " + newestRun + " ORDER BY period");
        assertEquals(List.of("2022", "2022-01"), overdue.stream().map(r -> r.getString(0)).toList());
        org.apache.spark.sql.Row month = overdue.get(1);
        long days = ChronoUnit.DAYS.between(LocalDate.of(2022, 1, 29), month.getDate(4).toLocalDate());
        assertEquals((double) days, month.getDouble(1));
        assertEquals(3.0, month.getDouble(2));
        assertEquals("GSO's month release of 2022-01 was due 2022-01-29 and is " + days + " day(s) overdue on "
                + month.getDate(4) + " (grace 3 days); load it when it comes", month.getString(3));
    }

    @Test
    @Order(3)
    void statusSaysWhatIsOverdueAndWhatTheLastRunDid() {
        String out = command("status", "--warehouse", SharedWarehouse.root().toString());
        long days = ChronoUnit.DAYS.between(LocalDate.of(2022, 1, 29), TODAY);
        long missingMonths = (Long) SharedWarehouse.value("SELECT count(*) FROM iip_gold.release_calendar WHERE"
                + " publisher = 'GSO' AND period_type = 'month' AND status = 'missing'");
        long lateMonths = (Long) SharedWarehouse.value("SELECT count(*) FROM iip_gold.release_calendar WHERE"
                + " publisher = 'GSO' AND period_type = 'month' AND status = 'late'");
        assertTrue(out.contains("  GSO      month    newest 2021-12; 2022-01 was due 2022-01-29: OVERDUE by " + days
                + " day(s); " + missingMonths + " missing, " + lateMonths + " late\n"), out);
        assertTrue(out.contains(String.format("  %-32s 2025-01-06  (", "GSO")), out);
        assertTrue(out.contains("last run: "), out);
        assertTrue(out.contains(" succeeded (started "), out);
        assertTrue(out.contains("release_calendar v"), out);
    }

    @Test
    @Order(4)
    void everyTableKeepsTenYearsOfLogAndHalfAYearOfDeletedFiles() {
        for (TableSpec table : List.of(GoldTables.FACT_IIP_RELEASE, GoldTables.RELEASE_CALENDAR,
                vn.iip.catalog.SilverTables.RUN_LOG)) {
            List<String> properties = SharedWarehouse.rows("SHOW TBLPROPERTIES " + table.qualifiedName()).stream()
                    .map(r -> r.getString(0) + "=" + r.getString(1)).toList();
            assertTrue(properties.contains("delta.logRetentionDuration=interval 3650 days"), properties.toString());
            assertTrue(properties.contains("delta.deletedFileRetentionDuration=interval 180 days"),
                    properties.toString());
        }
    }

    @Test
    @Order(5)
    void theCatalogueSiteRendersInChromiumWithEveryGoldTableLinked() throws Exception {
        Path site = Files.createTempDirectory("iip-docs");
        String out = command("docs", "--warehouse", SharedWarehouse.root().toString(), "--out", site.toString());
        int pages = CatalogueSite.tables().size() + CatalogueSite.views().size() + 2 + 4;
        assertEquals("docs: " + pages + " page(s) in " + site + " (" + CatalogueSite.tables().size() + " tables, "
                + CatalogueSite.views().size() + " views, 2 table functions); open " + site + "/index.html\n", out);

        String index = chromium(site.resolve("index.html"), "--dump-dom");
        for (TableSpec table : GoldTables.published()) {
            String name = GoldTables.SCHEMA + "." + table.name();
            long rows = SharedWarehouse.spark().table(name).count();
            Matcher row = Pattern.compile("<tr><td><a href=\"table-" + Pattern.quote(name) + ".html\">"
                    + Pattern.quote(name) + "</a></td><td>gold</td><td>[^<]+</td><td>(\\d+)</td>").matcher(index);
            assertTrue(row.find(), name + " is not listed in the rendered index");
            assertEquals(rows, Long.parseLong(row.group(1)), name);
            assertTrue(Grains.known(table), name + " has no grain");
        }
        // Every link of the index and of the pages it links resolves to a page that renders its own title.
        Set<String> links = new LinkedHashSet<>(hrefs(index));
        assertTrue(links.size() >= pages - 1, links.toString());
        List<String> broken = new ArrayList<>();
        for (String link : links) {
            if (!Files.exists(site.resolve(link))) {
                broken.add(link);
            }
        }
        assertEquals(List.of(), broken);
        for (String page : List.of("lineage.html", "rules.html", "freshness.html",
                "table-iip_gold.fact_iip_release.html", "view-iip_gold.v_iip_latest.html")) {
            String dom = chromium(site.resolve(page), "--dump-dom");
            for (String link : hrefs(dom)) {
                assertTrue(Files.exists(site.resolve(link)), page + " links to a missing " + link);
            }
            assertTrue(dom.contains("<h1>"), page);
        }
        String table = chromium(site.resolve("table-iip_gold.fact_iip_release.html"), "--dump-dom");
        assertTrue(table.contains("<tr><td>release_rank</td><td>INT</td><td>1 = first release of this key, 2 ="
                + " second...</td><td>Thứ tự đợt công bố</td></tr>"), table);
        String rules = chromium(site.resolve("rules.html"), "--dump-dom");
        for (String rule : RulePage.ruleIds()) {
            assertTrue(rules.contains("<td>" + rule + "</td>"), rule);
        }
        String freshness = chromium(site.resolve("freshness.html"), "--dump-dom");
        long days = ChronoUnit.DAYS.between(LocalDate.of(2022, 1, 29), TODAY);
        assertTrue(freshness.contains("<td>GSO</td><td>month</td><td>2022-01</td><td>2022-01-29</td><td></td><td>"
                + "OVERDUE by " + days + " day(s)</td>"), freshness);

        // The screenshot is kept with the build's test output.
        Path screenshot = Path.of("target", "catalogue-index.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(site.resolve("index.html"), "--screenshot=" + screenshot, "--window-size=1280,1600");
        byte[] png = Files.readAllBytes(screenshot);
        assertTrue(png.length > 20_000, "screenshot of " + png.length + " bytes");
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
    }

    private static List<String> hrefs(String html) {
        List<String> links = new ArrayList<>();
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (href.find()) {
            links.add(href.group(1));
        }
        return links;
    }

    /** Debian's chromium, headless, on a file: URL; returns what it printed (the DOM with --dump-dom). */
    private static String chromium(Path page, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir="
                        + Files.createTempDirectory("iip-chromium")));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Path output = Files.createTempFile("iip-chromium", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish: " + command);
        assertEquals(0, process.exitValue(), String.join(" ", command));
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = vn.iip.cli.Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
