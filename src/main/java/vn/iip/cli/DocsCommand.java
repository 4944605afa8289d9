package vn.iip.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.iip.catalog.Warehouse;
import vn.iip.config.JobSettings;
import vn.iip.docs.CatalogueSite;
import vn.iip.quality.FreshnessChecks;
import vn.iip.spark.Sessions;

@Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Write the warehouse's data catalogue as a static HTML site.",
        description = {"Writes a static HTML site (no server needed; open index.html): every table, view and table"
                + " function with its grain, key, bilingual comments, columns, row count and Delta version; the"
                + " lineage from landing file to gold, stage by stage; the quarantine rules with the newest example"
                + " of each; the release calendar's freshness; the newest national figures. Reads only."})
final class DocsCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @Mixin
    JobOptions job;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the site into (a"
            + " local path or any Hadoop URI); its pages are replaced.")
    String out;

    @Override
    public Integer call() {
        JobSettings.Resolved settings = job.settings(null);
        String warehouse = JobOptions.warehouse(settings);
        Warehouse.requireAt(warehouse, Sessions.hadoopConfiguration(settings.sparkConf()));
        SparkSession spark = Sessions.forWarehouse(warehouse, "iip docs", settings.sparkConf());
        vn.iip.catalog.MetastoreWait.attach(new Warehouse(spark, warehouse), System.err::println);
        String folder = vn.iip.config.Locations.resolve("docs", "--out", "--out", out,
                Sessions.master(settings.sparkConf()));
        CatalogueSite.Written written = CatalogueSite.write(spark, warehouse, folder,
                FreshnessChecks.releaseDay(parent.clock.instant()), spark.sparkContext().hadoopConfiguration());
        parent.out.printf("docs: %d page(s) in %s (%d tables, %d views, %d table functions); open %s/index.html%n",
                written.pages(), folder, written.tables(), written.views(), written.functions(), folder);
        return 0;
    }
}
