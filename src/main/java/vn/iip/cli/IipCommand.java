package vn.iip.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code iip COMMAND [OPTIONS]}; help and version for it and for every command. */
@Command(name = "iip", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        description = "Vietnam's Index of Industrial Production (IIP) warehouse on Spark and Delta Lake: loads the"
                + " figures statistics offices publish, keeps every release, and serves them to analysts.",
        subcommands = {RunCommand.class, StatusCommand.class, SqlCommand.class, ExportCommand.class, DocsCommand.class,
                InspectCommand.class, ServeCommand.class,
                PublishBiCommand.class, GenerateSurveyCommand.class, GenerateHistoryCommand.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "The launcher jobs/iip also has:",
                "  jobs/iip submit [spark-submit options] -- COMMAND [OPTIONS]",
                "    hands the application jar to spark-submit (a cluster, or --master local[2]).",
                "", "Exit codes: 0 success, 1 the command failed (one line on stderr, details in the log),"
                + " 2 bad command line.",
                "Environment: IIP_DRIVER_MEMORY (default 4g), IIP_JAVA_OPTS, IIP_CDS=0, IIP_SERVE_TOKEN,"
                + " and the variables that --password-env settings name."})
final class IipCommand implements java.util.concurrent.Callable<Integer> {
    final PrintStream out;
    /** Today, for the commands that judge freshness. */
    final java.time.Clock clock = java.time.Clock.systemUTC();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    IipCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given; one of: run, status, sql, export,"
                + " docs, inspect, serve, publish-bi, generate-survey, generate-history, help");
    }

    /** The project's version and those of Spark and Delta it was built with (filled in by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties built = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/vn/iip/version.properties")) {
                if (in != null) {
                    built.load(in);
                }
            }
            return new String[] {"iip-warehouse " + built.getProperty("version", "(unknown)") + " (Spark "
                    + built.getProperty("spark", "?") + ", Delta Lake " + built.getProperty("delta", "?") + ", Java "
                    + System.getProperty("java.version") + ")"};
        }
    }
}
