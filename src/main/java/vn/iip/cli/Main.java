package vn.iip.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.Warehouse;
import vn.iip.config.ConfigFile;
import vn.iip.config.JobSettings;
import vn.iip.config.Locations;
import vn.iip.ingest.LandingFiles;
import vn.iip.serve.ServeConfig;
import vn.iip.serve.SqlEndpoint;
import vn.iip.pipeline.Pipeline;
import vn.iip.pipeline.RunConfig;
import vn.iip.spark.Sessions;

/**
 * Entry point for {@code jobs/iip} and spark-submit: parses the command line into a config record, then runs.
 * Exit codes: 0 success, 1 the run or statement failed (one-line reason on stderr), 2 bad command line.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs one command and returns its exit code (the testable body of {@link #main}). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            String command = args.length == 0 ? "" : args[0];
            switch (command) {
                case "run" -> {
                    CommandLine line = CommandLine.parse(args, Set.of("--input", "--warehouse", "--config"), Set.of());
                    line.requireNoArguments();
                    JobSettings.Resolved settings = settings(line);
                    RunConfig config = Locations.resolve(settings.run(), Sessions.master(settings.sparkConf()));
                    SparkSession spark = Sessions.forWarehouse(config.warehouse(), "iip run", settings.sparkConf());
                    new Pipeline(spark, config, out).run();
                    if (settings.mart().configured()) {
                        BiMartCommand.publishIfBehind(spark, config.warehouse(), BiMartCommand.target(settings.mart()),
                                out);
                    }
                    return 0;
                }
                case "sql" -> {
                    CommandLine line = CommandLine.parse(args, Set.of("--warehouse", "--config"), Set.of("--csv"));
                    if (line.positional().size() != 1) {
                        throw new CommandLine.UsageException("sql takes exactly one SQL statement (quote it)");
                    }
                    JobSettings.Resolved settings = settings(line);
                    String warehouse = warehouse(settings);
                    SparkSession spark = Sessions.forWarehouse(warehouse, "iip sql", settings.sparkConf());
                    new Warehouse(spark, warehouse).attach();
                    Dataset<Row> result = spark.sql(line.positional().get(0));
                    // Streamed a partition at a time: a whole table selected by an analyst must not fill the driver.
                    if (line.flags().contains("--csv")) {
                        CsvOutput.write(out, result.columns(), result.toLocalIterator());
                    } else {
                        CsvOutput.table(out, result.columns(), result.toLocalIterator());
                    }
                    return 0;
                }
                case "inspect" -> {
                    CommandLine line = CommandLine.parse(args, Set.of("--rows"), Set.of());
                    if (line.positional().size() != 1) {
                        throw new CommandLine.UsageException("inspect takes exactly one file");
                    }
                    String file = line.positional().get(0);
                    int rows = Integer.parseInt(line.options().getOrDefault("--rows", "10"));
                    org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
                    Inspection.print(file, LandingFiles.read(file, hadoop), Inspection.sidecar(file, hadoop), rows, out);
                    return 0;
                }
                case "serve" -> {
                    CommandLine line = CommandLine.parse(args, Set.of("--warehouse", "--config", "--port", "--bind"),
                            Set.of());
                    line.requireNoArguments();
                    JobSettings.Resolved settings = settings(line);
                    String warehouse = warehouse(settings);
                    ServeConfig config = ServeConfig.of(warehouse, line.options().getOrDefault("--bind",
                            ServeConfig.DEFAULT_BIND), line.options().getOrDefault("--port",
                            String.valueOf(ServeConfig.DEFAULT_PORT)), System::getenv);
                    SqlEndpoint.run(config, settings.sparkConf(),
                            Sessions.localWarehouse(warehouse, Sessions.master(settings.sparkConf())), out);
                    return 0;
                }
                case "publish-bi" -> {
                    CommandLine line = CommandLine.parse(args, Set.of("--warehouse", "--config", "--jdbc-url", "--user",
                            "--password-env"), Set.of());
                    line.requireNoArguments();
                    JobSettings.Resolved settings = settings(line);
                    JobSettings.Mart mart = BiMartCommand.withOptions(settings.mart(), line.options());
                    String warehouse = warehouse(settings);
                    SparkSession spark = Sessions.forWarehouse(warehouse, "iip publish-bi", settings.sparkConf());
                    new Warehouse(spark, warehouse).attach();
                    BiMartCommand.publish(spark, warehouse, BiMartCommand.target(mart), out);
                    return 0;
                }
                default -> throw new CommandLine.UsageException(command.isEmpty() ? "no command given"
                        : "unknown command '" + command + "'");
            }
        } catch (CommandLine.UsageException e) {
            err.println("iip: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return 2;
        } catch (Throwable e) {
            // Spark's AnalysisException is a checked exception thrown from Scala; errors too get their one line.
            err.println("iip: " + oneLine(e));
            return 1;
        }
    }

    /** The warehouse of a command that reads or serves one (no input), resolved for the session's master. */
    private static String warehouse(JobSettings.Resolved settings) {
        return Locations.resolve(new RunConfig(null, settings.run().warehouse()), Sessions.master(settings.sparkConf()))
                .warehouse();
    }

    /** The configuration file (if --config names one) with --input and --warehouse over it. */
    static JobSettings.Resolved settings(CommandLine line) {
        String file = line.options().get("--config");
        java.util.Map<String, String> overrides = new java.util.HashMap<>();
        if (line.options().containsKey("--input")) {
            overrides.put("iip.input", line.options().get("--input"));
        }
        if (line.options().containsKey("--warehouse")) {
            overrides.put("iip.warehouse", line.options().get("--warehouse"));
        }
        return JobSettings.resolve(file == null ? java.util.Map.of() : ConfigFile.read(file),
                file == null ? "(no configuration file)" : file, overrides, System::getenv);
    }

    private static String oneLine(Throwable e) {
        // An error without a message (ExceptionInInitializerError) is told by its cause.
        while (e.getMessage() == null && e.getCause() != null) {
            e = e.getCause();
        }
        if (System.getenv("IIP_DEBUG") != null) {
            e.printStackTrace();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
