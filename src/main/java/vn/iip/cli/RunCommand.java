package vn.iip.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.iip.config.JobSettings;
import vn.iip.config.Locations;
import vn.iip.pipeline.Pipeline;
import vn.iip.pipeline.RunConfig;
import vn.iip.spark.Sessions;

@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Load landing files into the warehouse and publish gold.",
        description = {"Loads the landing files into the warehouse: ingest, conform, publish gold, quality checks,"
                + " then a summary of the newest national figures. Files already loaded are skipped; a second run on"
                + " the same input changes nothing. With iip.mart.* in the configuration file the BI mart is"
                + " published last. One run at a time per warehouse: a second one waits for the first."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @Mixin
    JobOptions job;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder or URI (any Hadoop file system) of the"
            + " extract files, subfolders included. Default: the configuration file's iip.input, else the sample"
            + " extracts bundled in the jar.")
    String input;

    @Option(names = "--survey", paramLabel = "DIR|none", description = "Folder or URI of the enterprise survey files"
            + " (rounds, product baskets, class value added) to compute the IIP from; none for no survey. Default:"
            + " the configuration file's iip.survey, else the bundled synthetic survey when the input is the bundled"
            + " samples.")
    String survey;

    @Option(names = "--reprocess", description = "Re-conform every row in bronze with the current rules and reference"
            + " data (iip.reference-additions included) and rebuild silver and gold: rows that now conform leave"
            + " quarantine, rows that no longer do enter it; the run log counts both. New files are loaded first.")
    boolean reprocess;

    @Override
    public Integer call() {
        JobSettings.Resolved settings = job.settings(input);
        RunConfig resolved = (survey == null ? settings.run() : settings.run().withSurvey(survey))
                .withReprocess(reprocess);
        RunConfig config = Locations.resolve(resolved, Sessions.master(settings.sparkConf()));
        Locations.requireInput(config.input(), Sessions.hadoopConfiguration(settings.sparkConf()));
        Locations.requireSurvey(config, Sessions.hadoopConfiguration(settings.sparkConf()));
        SparkSession spark = Sessions.forWarehouse(config.warehouse(), "iip run", settings.sparkConf());
        new Pipeline(spark, config, parent.out).run();
        if (settings.mart().configured()) {
            BiMartCommand.publishIfBehind(spark, config.warehouse(), BiMartCommand.target(settings.mart()), false,
                    parent.out);
        }
        return 0;
    }
}
