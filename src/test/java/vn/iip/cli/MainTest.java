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
