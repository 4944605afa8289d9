package vn.iip.pipeline;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.iip.adjust.AdjustmentStage;
import vn.iip.adjust.AdjustmentStage.Status;
import vn.iip.catalog.GoldTables;
import vn.iip.compute.ContributionCheck;
import vn.iip.compute.SurveyStage;

/** The run's survey part: the stage, its progress lines, its quality checks and a failed conservation check. */
final class SurveyLines {
    private SurveyLines() {}

    /** @return what the survey stage did, or null when the run has no survey */
    static SurveyStage.Outcome run(SparkSession spark, RunConfig config, String runId, Timestamp now,
                                   Progress progress) {
        String folder = config.surveyFolder();
        if (folder == null) {
            return null;
        }
        SurveyStage.Outcome outcome = SurveyStage.run(spark, folder, config.bundledSurvey(), config.adjustment(), runId, now,
                progress::line);
        progress.stage("survey", String.format("%d file(s) seen: %d new, %d rejected whole; %d row(s) read: %d"
                + " stored, %d quarantined%s", outcome.filesSeen(), outcome.filesNew(), outcome.filesRejected(),
                outcome.rowsRead(), outcome.stored(), outcome.rowsRead() - outcome.stored(),
                config.bundledSurvey() ? " (bundled synthetic survey)" : ""));
        for (Row rule : outcome.quarantinedByRule()) {
            progress.line(String.format("           %5d %s", rule.getLong(1), rule.getString(0)));
        }
        if (outcome.movedFromSilver() > 0) {
            progress.line(String.format("           %5d stored row(s) moved to quarantine: a new file contradicts them"
                    + " (survey_conflicting_rows)", outcome.movedFromSilver()));
        }
        progress.stage("compute", outcome.computed() ? String.format("%d imputed, %d unimputable; %d figure(s)"
                + " computed, %d new vintage row(s) in %s.%s; contributions add up: %s", outcome.imputed(),
                outcome.unimputable(), outcome.figuresTotal(), outcome.figuresAdded(), GoldTables.SCHEMA,
                GoldTables.FACT_IIP_COMPUTED.name(), outcome.contributionsAddUp() ? "yes" : "NO")
                : "no new survey file: nothing recomputed");
        AdjustmentStage.Outcome adjusted = outcome.adjustment();
        if (adjusted != null) {
            progress.stage("adjust", String.format("%d series by %s (spec %s) in %.1f s: %d adjusted with a"
                    + " significant Tết effect, %d without, %d not adjusted, %d failed; %d month(s), %d new vintage"
                    + " row(s) in %s.%s", adjusted.series(), adjusted.method(), adjusted.specId(), adjusted.seconds(),
                    adjusted.count(Status.ADJUSTED), adjusted.count(Status.ADJUSTED_TET_NOT_SIGNIFICANT),
                    adjusted.count(Status.NOT_ADJUSTED), adjusted.count(Status.FAILED), adjusted.months(),
                    adjusted.rowsAdded(), GoldTables.SCHEMA, GoldTables.FACT_IIP_SA.name()));
        }
        if (!outcome.conserved()) {
            throw new vn.iip.IipException("Conservation check failed for the survey: rows read " + outcome.rowsRead()
                    + " != stored + quarantined, or bronze survey rows differ from stored + quarantined by distinct"
                    + " (file, row, run); see run " + runId + " in iip_silver.run_log");
        }
        return outcome;
    }

    /**
     * The survey's rows of quality_check (check_id, status, expected_value, actual_value, message): conservation of
     * the rows read, the seasonal adjustment's series, and when the run computed, the contributions' sums and the
     * unimputable values.
     */
    static List<Row> qualityRows(SurveyStage.Outcome outcome) {
        List<Row> rows = new ArrayList<>();
        if (outcome == null) {
            return rows;
        }
        if (outcome.filesNew() > 0) {
            rows.add(RowFactory.create("survey_conservation", outcome.conserved() ? "pass" : "fail",
                    (double) outcome.rowsRead(), (double) outcome.rowsRead(), String.format("survey rows read %d = %d"
                            + " stored + %d quarantined; bronze = silver + quarantine by distinct (file, row, run): %s",
                            outcome.rowsRead(), outcome.stored(), outcome.rowsRead() - outcome.stored(),
                            outcome.conserved() ? "yes" : "NO")));
        }
        AdjustmentStage.Outcome adjusted = outcome.adjustment();
        if (adjusted != null) {
            long notAdjusted = adjusted.count(Status.NOT_ADJUSTED) + adjusted.count(Status.FAILED);
            rows.add(RowFactory.create("seasonal_adjustment", adjusted.count(Status.FAILED) > 0 ? "warn" : "pass",
                    (double) adjusted.series(), (double) (adjusted.series() - notAdjusted), String.format("%d of %d"
                            + " computed series seasonally adjusted by %s (spec %s); %d too short or incomplete, %d"
                            + " failed: see %s.%s for each series' reason and tests", adjusted.series() - notAdjusted,
                            adjusted.series(), adjusted.method(), adjusted.specId(),
                            adjusted.count(Status.NOT_ADJUSTED), adjusted.count(Status.FAILED), GoldTables.SCHEMA,
                            GoldTables.SA_DIAGNOSTICS.name())));
        }
        if (!outcome.computed()) {
            return rows;
        }
        ContributionCheck.Result sums = outcome.contributions();
        rows.add(RowFactory.create("computed_contributions_add_up", sums.holds() ? "pass" : "fail", 0.0,
                sums.largestDifference(), String.format("sum of computed contributions vs the parent's growth on %d"
                        + " key(s): largest difference %.3g pp (tolerance %.0e)", sums.keys(),
                        sums.largestDifference(), ContributionCheck.TOLERANCE)));
        rows.add(RowFactory.create("computed_unimputable", outcome.unimputable() == 0 ? "pass" : "warn", 0.0,
                (double) outcome.unimputable(), String.format("%d final no_report value(s) without an earlier reported"
                        + " value for the enterprise and product: excluded from the computation (%d imputed)",
                        outcome.unimputable(), outcome.imputed())));
        return rows;
    }
}
