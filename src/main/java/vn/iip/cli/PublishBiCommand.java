package vn.iip.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.iip.catalog.Warehouse;
import vn.iip.config.JobSettings;
import vn.iip.spark.Sessions;

@Command(name = "publish-bi", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Copy gold into the PostgreSQL BI mart (iip_mart).",
        description = {"Copies the published gold star schema into the PostgreSQL BI mart (schema iip_mart) and"
                + " swaps it in atomically. Refuses a location that holds no published gold, and refuses to replace"
                + " a mart that has facts by a gold without any, unless --allow-empty."})
final class PublishBiCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @Mixin
    JobOptions job;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "PostgreSQL JDBC URL of the mart database, e.g."
            + " jdbc:postgresql://127.0.0.1:5432/iip. Default: the configuration file's iip.mart.jdbc-url.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Database user. Default: iip.mart.user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VARIABLE", description = "Name of the environment variable"
            + " holding the password (never the password itself). Default: iip.mart.password-env.")
    String passwordEnv;

    @Option(names = "--allow-empty", description = "Replace a mart that has facts by a gold that has none.")
    boolean allowEmpty;

    @Override
    public Integer call() {
        JobSettings.Resolved settings = job.settings(null);
        JobSettings.Mart mart = BiMartCommand.withOptions(settings.mart(), jdbcUrl, user, passwordEnv);
        String warehouse = JobOptions.warehouse(settings);
        Warehouse.requireAt(warehouse, Sessions.hadoopConfiguration(settings.sparkConf()));
        SparkSession spark = Sessions.forWarehouse(warehouse, "iip publish-bi", settings.sparkConf());
        vn.iip.catalog.MetastoreWait.attach(new Warehouse(spark, warehouse), parent.out::println);
        BiMartCommand.publish(spark, warehouse, BiMartCommand.target(mart), allowEmpty, parent.out);
        return 0;
    }
}
