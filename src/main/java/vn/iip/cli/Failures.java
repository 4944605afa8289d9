package vn.iip.cli;

import java.io.PrintStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;

/**
 * How a failure reaches the terminal: one line, "iip: " and the problem, its cause and the fix; the stack trace goes
 * to the log (the file {@code jobs/conf/log4j2.properties} names), never to the terminal.
 */
final class Failures {
    private Failures() {}

    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final Logger LOG = LogManager.getLogger(Failures.class);

    /** A mistake in the command line: exit 2, with where to find the command's options. */
    static int usage(CommandLine.ParameterException problem, PrintStream err) {
        CommandLine command = problem.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        String help = command.getParent() == null ? "jobs/iip --help" : "jobs/iip help " + command.getCommandName();
        err.println(name + ": " + oneLine(problem) + " (see " + help + ")");
        err.flush();
        return USAGE;
    }

    /** The command ran and failed: exit 1 with one line; the details go to the log. */
    static int failed(Throwable problem, PrintStream err) {
        LOG.error("iip failed", problem);
        String log = System.getProperty("iip.log.file");
        boolean ours = problem instanceof vn.iip.IipException;
        err.println("iip: " + oneLine(problem) + (ours || log == null ? "" : " (details in " + log + ")"));
        err.flush();
        return FAILED;
    }

    /**
     * The first line that says something. Spark's parse errors start with a line break, its analysis errors follow
     * the message with the plan; an error without a message (ExceptionInInitializerError) is told by its cause.
     */
    static String oneLine(Throwable problem) {
        Throwable e = problem;
        while ((e.getMessage() == null || e.getMessage().isBlank()) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
        return e instanceof OutOfMemoryError ? "the job ran out of memory (" + first + "): give it more with"
                + " IIP_DRIVER_MEMORY (default 4g) or split the input" : first;
    }
}
