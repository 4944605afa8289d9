package vn.iip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line without Spark: help and version, usage mistakes (exit 2), failures before Spark starts (exit 1). */
class MainTest {

    /** What one command printed and returned. */
    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inspectExplainsAFileRowByRowWithoutSpark() throws Exception {
        String file = java.nio.file.Path.of(MainTest.class.getResource("/extracts/broken/bad-numbers.csv").toURI()).toString();
        Outcome inspect = run("inspect", "--rows", "0", file);
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("format    long_csv, encoding UTF-8, delimiter ','\nrows      9 data row(s)"),
                inspect.out());
        assertTrue(inspect.out().contains("row 2   2021-11-29,TEST,2021-11,VN,B,mom,iip,\"1.234\",pct,,thousands dot or decimal dot?\n"
                + "   -> quarantine value_ambiguous: bad-numbers.csv row 2, column value: value '1.234' is ambiguous"),
                inspect.out());
        assertTrue(inspect.out().endsWith("summary   3 observation(s), 6 quarantined {value_ambiguous=1, value_invalid=2,"
                + " value_out_of_domain=3}\n"), inspect.out());
    }

    @Test
    void helpListsEveryCommandAndExitsWithZero() {
        for (String help : List.of("--help", "-h")) {
            Outcome outcome = run(help);
            assertEquals(0, outcome.code(), outcome.err());
            for (String command : List.of("run", "sql", "export", "inspect", "serve", "publish-bi",
                    "generate-survey", "help")) {
                assertTrue(outcome.out().matches("(?s).*\\n  " + command + " +\\S.*"), command + " in:\n" + outcome.out());
            }
            assertTrue(outcome.out().contains("jobs/iip submit [spark-submit options] -- COMMAND"), outcome.out());
            assertTrue(outcome.out().contains("Exit codes: 0 success, 1 the command failed"), outcome.out());
        }
    }

    /** The README's table of commands names every command of the command line, with its own header, in order. */
    @Test
    void theReadmeListsEveryCommandWithItsHeader() throws Exception {
        List<String> rows = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md")).stream()
                .filter(line -> line.startsWith("| `jobs/iip ") && !line.startsWith("| `jobs/iip submit`")).toList();
        List<String> expected = new java.util.ArrayList<>();
        Main.commandLine(System.out, System.err).getSubcommands().forEach((name, command) -> {
            if (!name.equals("help")) {
                expected.add("| `jobs/iip " + name + "` | " + String.join(" ",
                        command.getCommandSpec().usageMessage().header()) + " |");
            }
        });
        assertEquals(expected, rows);
    }

    /** `help COMMAND` and `COMMAND --help` describe each option of the command. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "run        | --config,--input,--warehouse,--survey",
            "sql        | --config,--warehouse,--csv,SQL",
            "export     | --config,--warehouse,--view,--sql,--format,--out,--bom,sdmx-csv",
            "inspect    | --rows,FILE",
            "serve      | --config,--warehouse,--port,--bind,IIP_SERVE_TOKEN",
            "publish-bi | --config,--warehouse,--jdbc-url,--user,--password-env,--allow-empty",
            "generate-survey | --out,--rows,--from,--to,SYNTHETIC",
    })
    void everyCommandDescribesItsOptions(String command, String options) {
        Outcome help = run("help", command);
        Outcome dashHelp = run(command, "--help");
        assertEquals(0, help.code(), help.err());
        assertEquals(0, dashHelp.code(), dashHelp.err());
        assertEquals(help.out(), dashHelp.out());
        assertTrue(help.out().contains("\nUsage: iip " + command + " "), help.out());
        for (String option : options.split(",")) {
            assertTrue(help.out().contains(option), option + " in:\n" + help.out());
        }
        assertTrue(help.out().contains("--help") && help.out().contains("--version"), help.out());
    }

    @Test
    void versionNamesTheProjectSparkAndDelta() {
        Outcome version = run("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().matches("iip-warehouse \\d+\\.\\d+\\.\\d+\\S* \\(Spark 4\\.2\\.\\d+, Delta Lake 4\\.4\\.\\d+,"
                + " Java \\S+\\)\\n"), version.out());
        assertEquals(version.out(), run("run", "--version").out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "run --config /no/such.properties | iip: Configuration file /no/such.properties does not exist; pass"
                    + " --config with a file like jobs/conf/local.properties, or omit it to use the defaults",
            "sql --config src/test/resources/config/typo.properties VALUES(1) | iip: Unknown setting 'iip.warehous'"
                    + " in src/test/resources/config/typo.properties (did you mean 'iip.warehouse'?); known settings:",
            "inspect /no/such/nov-2021.xlsx | iip: File /no/such/nov-2021.xlsx does not exist; give the path or URI"
                    + " of one extract file (e.g. data/nov-2021.xlsx or hdfs://NAMENODE:8020/iip/landing/nov-2021.xlsx)",
            "run --input /no/such/folder --warehouse /no/such/warehouse | iip: Input folder /no/such/folder does not"
                    + " exist; pass --input with a folder of extract files, or omit it to load the bundled samples",
            "run --survey /no/such/survey --warehouse /no/such/warehouse | iip: Survey folder /no/such/survey does"
                    + " not exist; pass --survey with a folder of survey files (rounds, basket, value added), or"
                    + " --survey none",
            "sql --warehouse /no/such/warehouse VALUES(1) | iip: No IIP warehouse at /no/such/warehouse (no"
                    + " /no/such/warehouse/iip_gold/fact_iip_release): run jobs/iip run --warehouse /no/such/warehouse"
                    + " first, or give --warehouse the folder of an existing warehouse",
            "publish-bi --warehouse /no/such/warehouse --jdbc-url jdbc:postgresql://127.0.0.1:1/iip | iip: No IIP"
                    + " warehouse at /no/such/warehouse (no /no/such/warehouse/iip_gold/fact_iip_release)",
            "serve --warehouse /no/such/warehouse | iip: No IIP warehouse at /no/such/warehouse",
    })
    void mistakesFoundBeforeSparkStartsExitWithOneOnOneLine(String args, String message) {
        Outcome outcome = run(args.split(" "));
        assertEquals(1, outcome.code(), outcome.err());
        assertTrue(outcome.err().startsWith(message), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertEquals(false, java.nio.file.Files.exists(java.nio.file.Path.of("/no/such/warehouse")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate                   | iip: Unmatched argument at index 0: 'frobnicate' (see jobs/iip --help)",
            "''                           | iip: no command given; one of: run, status, sql, export, docs,"
                    + " inspect, serve, publish-bi, generate-survey, generate-history, help (see jobs/iip --help)",
            "export --view v_iip_latest --format pdf --out x | iip export: --format 'pdf' is no export format;"
                    + " write csv, xlsx or sdmx-csv (see jobs/iip help export)",
            "export --view v_iip_lastest --format csv --out x | iip export: --view v_iip_lastest is no view of"
                    + " iip_gold; one of: dim_geography, dim_industry, dim_period, dim_calendar, dim_calendar_month,"
                    + " dim_comparison, dim_release, release_calendar, fact_iip_release, fact_iip_revision,"
                    + " quality_check, fact_iip_computed, fact_iip_sa, sa_diagnostics, sa_spec, v_iip_latest,"
                    + " v_iip_first_release, v_iip_monthly_wide, v_iip_computed_latest, v_iip_computed_first,"
                    + " v_iip_reconciliation, v_iip_sa_latest, v_quarantine_by_rule (see jobs/iip help export)",
            "export --view v_iip_latest --sql x --format csv --out x | iip export: Error: --view=NAME, --sql=SQL are"
                    + " mutually exclusive (specify only one) (see jobs/iip help export)",
            "export --view v_iip_latest --format xlsx --bom --out x | iip export: --bom is for text files; an xlsx"
                    + " workbook is always read as Unicode (see jobs/iip help export)",
            "run --bogus                  | iip run: Unknown option: '--bogus' (see jobs/iip help run)",
            "run --input                  | iip run: Missing required parameter for option '--input' (DIR)"
                    + " (see jobs/iip help run)",
            "run extra                    | iip run: Unmatched argument at index 1: 'extra' (see jobs/iip help run)",
            "sql                          | iip sql: Missing required parameter: 'SQL' (see jobs/iip help sql)",
            "inspect --rows abc x.csv     | iip inspect: Invalid value for option '--rows': 'abc' is not an int"
                    + " (see jobs/iip help inspect)",
            "generate-survey --out x --to 2019-12 | iip generate-survey: --from 2015-01 --to 2019-12: the months"
                    + " must cover the weight base year 2020 (from 2020-01 or earlier, to 2020-12 or later)"
                    + " (see jobs/iip help generate-survey)",
            "generate-survey --rows 5     | iip generate-survey: Missing required option: '--out=DIR'"
                    + " (see jobs/iip help generate-survey)",
            "inspect --rows -1 x.csv      | iip inspect: --rows must be 0 or more, not -1 (see jobs/iip help inspect)",
            "serve --port abc             | iip serve: Invalid value for option '--port': 'abc' is not an int"
                    + " (see jobs/iip help serve)",
            "serve --port 70000           | iip serve: --port must be a port number (1-65535), not 70000"
                    + " (see jobs/iip help serve)",
            "help frobnicate              | iip: Unknown subcommand 'frobnicate'. (see jobs/iip --help)",
    })
    void usageMistakesExitWithTwoOnOneLine(String args, String message) {
        Outcome outcome = run(args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(2, outcome.code(), outcome.err());
        assertEquals(message + "\n", outcome.err());
    }

    /** An existing folder that holds no warehouse is refused as a missing one, and nothing is created in it. */
    @Test
    void anEmptyFolderIsNoWarehouseAndStaysEmpty() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("iip-empty");
        for (String[] args : List.of(new String[] {"publish-bi", "--warehouse", empty.toString(), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/iip"}, new String[] {"sql", "--warehouse", empty.toString(), "VALUES(1)"},
                new String[] {"serve", "--warehouse", empty.toString()})) {
            Outcome outcome = run(args);
            assertEquals(1, outcome.code(), outcome.err());
            assertEquals("iip: No IIP warehouse at " + empty + " (no " + empty + "/iip_gold/fact_iip_release): run"
                    + " jobs/iip run --warehouse " + empty + " first, or give --warehouse the folder of an existing"
                    + " warehouse\n", outcome.err());
        }
        try (var left = java.nio.file.Files.list(empty)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "sql", "serve", "publish-bi"})
    void theWarehouseDefaultIsTheJobsNotTheLaunchers(String command) throws Exception {
        // jobs/iip passes the arguments as they are; the configuration file's iip.warehouse is what the job opens.
        String launcher = java.nio.file.Files.readString(java.nio.file.Path.of("jobs/iip"));
        assertEquals(false, launcher.contains("--warehouse\" \"$PWD/warehouse\""), launcher);
        java.nio.file.Path config = java.nio.file.Files.createTempFile("iip", ".properties");
        java.nio.file.Files.writeString(config, "iip.warehouse = /no/such/configured-warehouse\n");
        Outcome outcome = run(command.equals("sql") ? new String[] {command, "--config", config.toString(), "SELECT 1"}
                : command.equals("run") ? new String[] {command, "--config", config.toString(), "--input", "/no/such/in"}
                : command.equals("publish-bi") ? new String[] {command, "--config", config.toString(), "--jdbc-url",
                        "jdbc:postgresql://127.0.0.1:1/iip"} : new String[] {command, "--config", config.toString()});
        assertEquals(1, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains(command.equals("run") ? "/no/such/in" : "/no/such/configured-warehouse"),
                outcome.err());
    }
}
