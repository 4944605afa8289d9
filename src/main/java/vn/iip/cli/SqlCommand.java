package vn.iip.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.iip.catalog.Warehouse;
import vn.iip.config.JobSettings;
import vn.iip.export.CsvOutput;
import vn.iip.spark.Sessions;

@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Run one SQL statement on the warehouse (table or CSV output).",
        description = {"Runs one SQL statement on the warehouse and prints the result as an aligned table, or as"
                + " RFC 4180 CSV with --csv (stdout then holds only the CSV). The result is streamed a partition at a"
                + " time. Example: jobs/iip sql \"SELECT * FROM iip_gold.v_iip_latest WHERE period = '2021-11'\""})
final class SqlCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @Mixin
    JobOptions job;

    @Option(names = "--csv", description = "Print RFC 4180 CSV with a header row (LF line ends) instead of a table.")
    boolean csv;

    @Parameters(paramLabel = "SQL", arity = "1", description = "The statement (quote it).")
    String statement;

    @Override
    public Integer call() {
        JobSettings.Resolved settings = job.settings(null);
        String warehouse = JobOptions.warehouse(settings);
        Warehouse.requireAt(warehouse, Sessions.hadoopConfiguration(settings.sparkConf()));
        SparkSession spark = Sessions.forWarehouse(warehouse, "iip sql", settings.sparkConf());
        // stdout is the result (CSV with --csv): a wait for the metastore is said on stderr.
        vn.iip.catalog.MetastoreWait.attach(new Warehouse(spark, warehouse), System.err::println);
        Dataset<Row> result = spark.sql(statement);
        // Streamed a partition at a time: a whole table selected by an analyst must not fill the driver.
        if (csv) {
            CsvOutput.write(parent.out, result.columns(), result.toLocalIterator());
        } else {
            CsvOutput.table(parent.out, result.columns(), result.toLocalIterator());
        }
        return 0;
    }
}
