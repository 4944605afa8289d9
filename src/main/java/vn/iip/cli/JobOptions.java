package vn.iip.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.iip.config.ConfigFile;
import vn.iip.config.JobSettings;
import vn.iip.config.Locations;
import vn.iip.pipeline.RunConfig;
import vn.iip.spark.Sessions;

/** --config and --warehouse, shared by the commands that open a warehouse. */
final class JobOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Job configuration file (jobs/conf/*.properties;"
            + " a local path or any Hadoop URI). The options given here override it.")
    String config;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Warehouse folder or URI. Default: the"
            + " configuration file's iip.warehouse, else ./warehouse.")
    String warehouse;

    /** The configuration file (if any) with the command-line options over it. */
    JobSettings.Resolved settings(String input) {
        Map<String, String> overrides = new HashMap<>();
        if (input != null) {
            overrides.put("iip.input", input);
        }
        if (warehouse != null) {
            overrides.put("iip.warehouse", warehouse);
        }
        return JobSettings.resolve(config == null ? Map.of() : ConfigFile.read(config),
                config == null ? "(no configuration file)" : config, overrides, System::getenv);
    }

    /** The warehouse of a command that reads or serves one, resolved for the session's master. */
    static String warehouse(JobSettings.Resolved settings) {
        return Locations.resolve(new RunConfig(null, settings.run().warehouse()), Sessions.master(settings.sparkConf()))
                .warehouse();
    }
}
