package vn.iip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command-line mistakes are caught before any Spark work, with exit code 2 and the usage text. */
class MainTest {

    @org.junit.jupiter.api.Test
    void inspectExplainsAFileRowByRowWithoutSpark() throws Exception {
        String file = java.nio.file.Path.of(MainTest.class.getResource("/extracts/broken/bad-numbers.csv").toURI()).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"inspect", "--rows", "0", file},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("format    long_csv, encoding UTF-8, delimiter ','\nrows      9 data row(s)"), printed);
        assertTrue(printed.contains("row 2   2021-11-29,TEST,2021-11,VN,B,mom,iip,\"1.234\",pct,,thousands dot or decimal dot?\n"
                + "   -> quarantine value_ambiguous: bad-numbers.csv row 2, column value: value '1.234' is ambiguous"), printed);
        assertTrue(printed.endsWith("summary   3 observation(s), 6 quarantined {value_ambiguous=1, value_invalid=2,"
                + " value_out_of_domain=3}\n"), printed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "run --config /no/such.properties | iip: Configuration file /no/such.properties does not exist; pass"
                    + " --config with a file like jobs/conf/local.properties, or omit it to use the defaults",
            "sql --config src/test/resources/config/typo.properties VALUES(1) | iip: Unknown setting 'iip.warehous'"
                    + " in src/test/resources/config/typo.properties (did you mean 'iip.warehouse'?); known settings:",
            "inspect /no/such/nov-2021.xlsx | iip: File /no/such/nov-2021.xlsx does not exist; give the path or URI"
                    + " of one extract file (e.g. data/nov-2021.xlsx or hdfs://NAMENODE:8020/iip/landing/nov-2021.xlsx)",
    })
    void configurationMistakesExitWithOneBeforeSparkStarts(String args, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args.split(" "), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed);
        assertTrue(printed.startsWith(message), printed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate           | unknown command 'frobnicate'",
            "''                   | no command given",
            "run --bogus          | unknown option --bogus for 'run'",
            "run --input          | --input needs a value",
            "run extra            | unexpected argument extra",
            "sql                  | sql takes exactly one SQL statement (quote it)",
            "sql --warehouse w    | sql takes exactly one SQL statement (quote it)",
    })
    void usageErrorsExitWithTwo(String args, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        int code = Main.execute(argv, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code);
        assertTrue(printed.startsWith("iip: " + message + "\nusage: iip run"), printed);
    }
}
