package vn.iip.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.SurveyTables;
import vn.iip.catalog.TableSpec;

/**
 * Survey rows left by runs that did not succeed (killed, out of memory, failed) and never registered their survey
 * files: the survey stage registers its files last, in one commit, so such rows belong to files the next run reads
 * again; they are removed first, or they would come back as copies. A run that registered its files keeps its rows
 * (its data are complete; the next run publishes them).
 */
final class SurveyRecovery {
    private SurveyRecovery() {}

    /** Tables a survey run writes before it registers its files, the table that tells leftovers last. */
    private static final List<TableSpec> WRITTEN = List.of(GoldTables.FACT_IIP_SA, GoldTables.SA_DIAGNOSTICS,
            GoldTables.SA_SPEC, GoldTables.FACT_IIP_COMPUTED,
            SurveyTables.SURVEY_QUARANTINE, SurveyTables.SURVEY_RESPONSE, SurveyTables.SURVEY_BASKET,
            SurveyTables.SURVEY_VALUE_ADDED, SurveyTables.SURVEY_ROW);

    /** @return the runs whose survey rows were removed */
    static List<String> recover(SparkSession spark) {
        // Runs that did not succeed: a few run ids, not data. Most warehouses have none, and then the survey tables,
        // which a run without a survey never reads otherwise, are left unopened (each costs a Delta log replay).
        List<String> unfinished = spark.sql("SELECT run_id FROM " + SilverTables.RUN_LOG.qualifiedName()
                + " WHERE outcome <> 'succeeded'").collectAsList().stream().map(r -> r.getString(0)).toList();
        if (unfinished.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> registered = new java.util.HashSet<>(spark.table(SurveyTables.SURVEY_FILE
                        .qualifiedName()).filter(org.apache.spark.sql.functions.col("run_id").isin(unfinished.toArray()))
                .select("run_id").distinct().collectAsList().stream().map(r -> r.getString(0)).toList());
        List<String> runs = unfinished.stream().filter(run -> !registered.contains(run)).toList();
        if (runs.isEmpty()) {
            return List.of();
        }
        String in = runs.stream().map(r -> "'" + r.replace("'", "''") + "'").collect(Collectors.joining(", "));
        List<String> left = spark.sql("SELECT DISTINCT run_id FROM (" + WRITTEN.stream()
                        .map(t -> "SELECT run_id FROM " + t.qualifiedName() + " WHERE run_id IN (" + in + ")")
                        .collect(Collectors.joining(" UNION ALL ")) + ")").collectAsList().stream()
                .map(r -> r.getString(0)).sorted().toList();
        if (left.isEmpty()) {
            return List.of();
        }
        String leftIn = left.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", "));
        for (TableSpec table : WRITTEN) {
            spark.sql("DELETE FROM " + table.qualifiedName() + " WHERE run_id IN (" + leftIn + ")");
        }
        return left;
    }
}
