package vn.iip.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;

/**
 * What a run finds left by runs that did not finish (killed, out of memory): rows of files they wrote but never
 * registered in extract_file, which it removes, and their run_log rows still saying {@code running}, which it marks
 * {@code interrupted} with what was removed. The warehouse lock guarantees those runs are gone.
 */
final class RunRecovery {
    private RunRecovery() {}

    /** What recovery did: the interrupted runs, and the bronze rows and files of theirs it removed. */
    record Recovery(List<String> interruptedRuns, int filesRemoved, long rowsRemoved, List<String> surveyRuns) {
        String describe() {
            if (interruptedRuns.isEmpty() && filesRemoved == 0 && surveyRuns.isEmpty()) {
                return null;
            }
            String survey = surveyRuns.isEmpty() ? "" : "; survey rows of unfinished run(s) "
                    + String.join(", ", surveyRuns) + " removed (their files are read again)";
            if (interruptedRuns.isEmpty() && filesRemoved == 0) {
                return survey.substring(2);
            }
            return (interruptedRuns.isEmpty() ? "an interrupted run" : "interrupted run(s) "
                    + String.join(", ", interruptedRuns)) + ": removed " + rowsRemoved + " row(s) of " + filesRemoved
                    + " file(s) left unregistered" + survey;
        }
    }

    static Recovery recover(SparkSession spark, WarehouseState state) {
        List<String> interrupted = RunLog.interruptedRuns(spark);
        int files = 0;
        long rows = 0;
        // Every registered file's rows are in extract_row, so equal counts mean there is nothing to remove.
        if (state.hasUnregisteredRows()) {
            Dataset<Row> rowFiles = spark.table(BronzeTables.EXTRACT_ROW.qualifiedName()).groupBy("file_sha256").count();
            Dataset<Row> registered = spark.table(BronzeTables.EXTRACT_FILE.qualifiedName()).select("sha256");
            // The hashes of a crashed run's files with their row counts (tens of rows), not table content.
            List<Row> orphans = rowFiles.join(registered, rowFiles.col("file_sha256")
                    .equalTo(registered.col("sha256")), "left_anti").collectAsList();
            if (!orphans.isEmpty()) {
                String in = orphans.stream().map(r -> "'" + r.getString(0) + "'").collect(Collectors.joining(", "));
                // extract_row last: its count is how the next run notices leftovers, should this one die half-way.
                for (TableSpec table : List.of(SilverTables.OBSERVATION, SilverTables.QUARANTINE,
                        BronzeTables.EXTRACT_ROW)) {
                    spark.sql("DELETE FROM " + table.qualifiedName() + " WHERE file_sha256 IN (" + in + ")");
                }
                files = orphans.size();
                rows = orphans.stream().mapToLong(r -> r.getLong(1)).sum();
            }
        }
        List<String> surveyRuns = SurveyRecovery.recover(spark);
        Recovery recovery = new Recovery(interrupted, files, rows, surveyRuns);
        RunLog.interrupted(spark, interrupted, "stopped before it finished (killed, out of memory, or the machine"
                + " stopped); the next run removed " + rows + " row(s) of " + files + " file(s) it had not registered"
                + " and published gold again");
        return recovery;
    }
}
