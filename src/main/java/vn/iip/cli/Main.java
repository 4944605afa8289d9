package vn.iip.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point for {@code jobs/iip} and spark-submit: picocli parses the command line into the options of one
 * command, which then runs. Exit codes: 0 success, 1 the run or statement failed (one-line reason on stderr, details
 * in the log), 2 bad command line. On success {@link #main} returns instead of exiting: YARN's ApplicationMaster and
 * Databricks JAR tasks treat an exit from user code as a failure.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = execute(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command and returns its exit code (the testable body of {@link #main}). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (Throwable fatal) {
            // Errors (out of memory, a class missing from the classpath) are not Exceptions and escape picocli.
            return Failures.failed(fatal, err);
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new IipCommand(out));
        line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setParameterExceptionHandler((problem, args) -> Failures.usage(problem, err));
        line.setExecutionExceptionHandler((problem, command, parsed) -> Failures.failed(problem, err));
        return line;
    }
}
