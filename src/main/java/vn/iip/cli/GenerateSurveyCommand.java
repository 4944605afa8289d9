package vn.iip.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import vn.iip.sample.SyntheticSurvey;
import vn.iip.spark.Sessions;

@Command(name = "generate-survey", mixinStandardHelpOptions = true, versionProvider = IipCommand.Version.class,
        header = "Write a SYNTHETIC enterprise survey (rounds, baskets, value added) of a given size.",
        description = {"Writes a deterministic synthetic survey in the survey landing format (rounds/, basket/ and"
                + " value_added/, CSV with a header) for tests and scale work: the same options give the same files."
                + " No real enterprise, product or quantity. Spark generates it, so 100 million rows need no more"
                + " driver memory than 1 thousand. Load it with jobs/iip run --survey DIR."})
final class GenerateSurveyCommand implements Callable<Integer> {
    @ParentCommand
    IipCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder or URI to write (replaced).")
    String out;

    @Option(names = "--rows", paramLabel = "N", description = "About this many survey rows (default: the bundled"
            + " survey's size, 240 enterprises).")
    Long rows;

    @Option(names = "--from", paramLabel = "YYYY-MM", defaultValue = "2015-01", description = "First month"
            + " (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", defaultValue = "2022-12", description = "Last month"
            + " (default: ${DEFAULT-VALUE}).")
    String to;

    @Override
    public Integer call() {
        for (String month : new String[] {from, to}) {
            if (!month.matches("(19|20)[0-9]{2}-(0[1-9]|1[0-2])")) {
                throw new ParameterException(spec.commandLine(), "--from/--to must be a month YYYY-MM, not " + month);
            }
        }
        if (from.compareTo("2020-01") > 0 || to.compareTo("2020-12") < 0) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " --to " + to + ": the months must"
                    + " cover the weight base year 2020 (from 2020-01 or earlier, to 2020-12 or later)");
        }
        if (rows != null && rows < 1) {
            throw new ParameterException(spec.commandLine(), "--rows must be 1 or more, not " + rows);
        }
        SyntheticSurvey.Size size = rows == null ? SyntheticSurvey.Size.bundled().between(from, to)
                : SyntheticSurvey.Size.ofRows(rows, from, to);
        var spark = Sessions.plain("iip generate-survey");
        SyntheticSurvey.write(spark, out, size);
        parent.out.printf("wrote a SYNTHETIC survey of about %,d rows to %s: %,d enterprises, %,d products, %s to %s,"
                + " weight bases 2015 and 2020, %d rounds file(s)%n", size.approximateRows(), out, size.enterprises(),
                size.products(), size.firstMonth(), size.lastMonth(), size.files());
        return 0;
    }
}
