package vn.iip.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.iip.ingest.LandingFiles;

@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Show what the readers make of one file, without Spark.",
        description = {"Shows what the readers and conform make of one file before it is loaded: format, encoding"
                + " with its evidence, tables found, how headers and row labels are read, the first rows and every"
                + " problem row with its rule. No Spark, no warehouse."})
final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10", description = "Rows shown besides the problem"
            + " rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Parameters(paramLabel = "FILE", arity = "1", description = "One extract file: a local path or any Hadoop URI.")
    String file;

    @Override
    public Integer call() {
        if (rows < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--rows must be 0 or more, not " + rows);
        }
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        Inspection.print(file, LandingFiles.read(file, hadoop), Inspection.sidecar(file, hadoop), rows, parent.out);
        return 0;
    }
}
