package vn.iip.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import vn.iip.catalog.Warehouse;
import vn.iip.config.JobSettings;
import vn.iip.pipeline.WarehouseStatus;
import vn.iip.quality.FreshnessChecks;
import vn.iip.spark.Sessions;

@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Show the warehouse's freshness, last run, quarantine and table versions.",
        description = {"Shows what an operator checks first: the newest release per publisher, the release calendar"
                + " on today's date in Vietnam (the release due next and whether it is overdue, missing and late"
                + " periods), the last run and its outcome, quarantine by rule over the last runs, the Delta"
                + " version of every gold table readers see, and the computed and seasonally adjusted IIP."
                + " Reads only."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @Mixin
    JobOptions job;

    @Override
    public Integer call() {
        JobSettings.Resolved settings = job.settings(null);
        String warehouse = JobOptions.warehouse(settings);
        Warehouse.requireAt(warehouse, Sessions.hadoopConfiguration(settings.sparkConf()));
        SparkSession spark = Sessions.forWarehouse(warehouse, "iip status", settings.sparkConf());
        vn.iip.catalog.MetastoreWait.attach(new Warehouse(spark, warehouse), System.err::println);
        WarehouseStatus.print(spark, warehouse, FreshnessChecks.releaseDay(parent.clock.instant()), parent.out);
        return 0;
    }
}
