package vn.iip.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.iip.catalog.Warehouse;
import vn.iip.config.JobSettings;
import vn.iip.serve.ServeConfig;
import vn.iip.serve.SqlEndpoint;
import vn.iip.spark.Sessions;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Start the read-only SQL endpoint (Spark Connect).",
        description = {"Starts the read-only SQL endpoint (Spark Connect) over the warehouse and blocks until"
                + " stopped (Ctrl-C). Analysts read the tables, views and functions of the warehouse schemas (with"
                + " time travel); writes, files read by path, Java calls and user code are refused. Loopback by"
                + " default; another address needs IIP_SERVE_TOKEN (32 characters or more)."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServeConfig.DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServeConfig.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs"
                    + " IIP_SERVE_TOKEN.")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be a port number (1-65535),"
                    + " not " + port);
        }
        JobSettings.Resolved settings = job.settings(null);
        String warehouse = JobOptions.warehouse(settings);
        ServeConfig config = ServeConfig.of(warehouse, bind, port, System::getenv);
        Warehouse.requireAt(warehouse, Sessions.hadoopConfiguration(settings.sparkConf()));
        SqlEndpoint.run(config, settings.sparkConf(),
                Sessions.localWarehouse(warehouse, Sessions.master(settings.sparkConf())), parent.out);
        return 0;
    }
}
