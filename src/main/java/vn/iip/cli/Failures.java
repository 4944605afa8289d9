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
        if (vn.iip.FatalErrors.firstToReport()) {
            err.println("iip: " + oneLine(problem) + (ours || log == null ? "" : " (details in " + log + ")"));
            err.flush();
        }
        return FAILED;
    }

    static String oneLine(Throwable problem) {
        return vn.iip.IipException.oneLine(problem);
    }
}
