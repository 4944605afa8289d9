package vn.iip.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import vn.iip.sample.SyntheticHistory;
import vn.iip.spark.Sessions;

@Command(name = "generate-history", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Write a SYNTHETIC history of full-detail monthly releases (long CSV) of a given size.",
        description = {"Writes monthly GSO-style releases in the long-CSV format for scale work: each release gives its"
                + " month and the months it restates for the country and every province (63, or 34 from 2025-07) ×"
                + " TOTAL, sections and divisions × mom, yoy, ytd_yoy; one file per release. Deterministic; no real"
                + " figure. 120 releases restating 1 month = 1,797,120 figures. Load it with jobs/iip run --input DIR."})
final class GenerateHistoryCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder or URI to write (replaced).")
    String out;

    @Option(names = "--releases", paramLabel = "N", defaultValue = "12", description = "Monthly releases"
            + " (default: ${DEFAULT-VALUE}).")
    int releases;

    @Option(names = "--from", paramLabel = "YYYY-MM", defaultValue = "2015-01", description = "Month of the first"
            + " release (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--restated", paramLabel = "K", defaultValue = "1", description = "Earlier months each release"
            + " restates (default: ${DEFAULT-VALUE}).")
    int restated;

    @Option(names = "--one-file", description = "Write every release into one file (a single large extract).")
    boolean oneFile;

    @Override
    public Integer call() {
        if (!from.matches("(19|20)[0-9]{2}-(0[1-9]|1[0-2])")) {
            throw new ParameterException(spec.commandLine(), "--from must be a month YYYY-MM, not " + from);
        }
        if (releases < 1 || restated < 0) {
            throw new ParameterException(spec.commandLine(), "--releases must be 1 or more and --restated 0 or more,"
                    + " not " + releases + " and " + restated);
        }
        var spark = Sessions.plain("iip generate-history");
        long figures = SyntheticHistory.write(spark, out, new SyntheticHistory.Size(releases, from, restated, oneFile));
        parent.out.printf("wrote a SYNTHETIC history of %,d figures to %s: %d monthly release(s) from %s, each"
                + " restating %d month(s), %s%n", figures, out, releases, from, restated,
                oneFile ? "in one file" : "one file per release");
        return 0;
    }
}
