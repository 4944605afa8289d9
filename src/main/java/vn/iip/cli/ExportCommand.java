package vn.iip.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.iip.catalog.GoldViews;
import vn.iip.catalog.ViewSpec;
import vn.iip.catalog.Warehouse;
import vn.iip.config.JobSettings;
import vn.iip.export.ExportFormat;
import vn.iip.export.Exports;
import vn.iip.spark.Sessions;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Write a gold view or a query to a CSV, Excel or SDMX-CSV 2.0 file.",
        description = {"Writes the rows of one iip_gold view (--view) or one query (--sql) to a file (a local path"
                + " or any Hadoop URI), streamed a partition at a time. csv: RFC 4180 with a header row (--bom for"
                + " Excel); xlsx: one sheet with typed cells; sdmx-csv: SDMX-CSV 2.0 observations of the dataflow "
                + vn.iip.export.SdmxCsv.DATAFLOW + " (views with the figures' columns). Example: jobs/iip export"
                + " --view v_iip_latest --format sdmx-csv --out iip.csv"})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JobOptions job;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--view", paramLabel = "NAME", description = "An iip_gold view or table (v_iip_latest,"
                + " v_iip_monthly_wide, fact_iip_release, …).")
        String view;

        @Option(names = "--sql", paramLabel = "SQL", description = "A query (quote it).")
        String sql;
    }

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, xlsx or sdmx-csv.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    String out;

    @Option(names = "--bom", description = "Start a CSV file with a UTF-8 byte-order mark (Excel shows Vietnamese"
            + " names right).")
    boolean bom;

    @Override
    public Integer call() {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format " + e.getMessage());
        }
        if (bom && chosen == ExportFormat.XLSX) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bom is for text files; an xlsx"
                    + " workbook is always read as Unicode");
        }
        String name = source.view == null ? null : viewName(source.view);
        JobSettings.Resolved settings = job.settings(null);
        String warehouse = JobOptions.warehouse(settings);
        Warehouse.requireAt(warehouse, Sessions.hadoopConfiguration(settings.sparkConf()));
        SparkSession spark = Sessions.forWarehouse(warehouse, "iip export", settings.sparkConf());
        vn.iip.catalog.MetastoreWait.attach(new Warehouse(spark, warehouse), System.err::println);
        Dataset<Row> rows = name == null ? spark.sql(source.sql) : spark.table(vn.iip.catalog.GoldTables.SCHEMA + "."
                + name);
        Exports.Written written = Exports.write(rows, name == null ? "query" : name, chosen, out, bom,
                spark.sparkContext().hadoopConfiguration());
        parent.out.println("export  " + written.rows() + " row(s) of " + (name == null ? "the query" : "iip_gold."
                + name) + " -> " + written.file() + " (" + chosen.label() + (bom ? ", with a UTF-8 BOM" : "") + ")");
        return 0;
    }

    /** A view or table of iip_gold, checked before Spark starts: a mistyped name is a usage error. */
    private String viewName(String view) {
        String bare = view.startsWith(vn.iip.catalog.GoldTables.SCHEMA + ".")
                ? view.substring(vn.iip.catalog.GoldTables.SCHEMA.length() + 1) : view;
        java.util.List<String> names = GoldViews.all().stream().map(ViewSpec::name).toList();
        if (!names.contains(bare)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--view " + view + " is no view of "
                    + vn.iip.catalog.GoldTables.SCHEMA + "; one of: " + String.join(", ", names));
        }
        return bare;
    }
}
