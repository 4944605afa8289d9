package vn.iip.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.iip.adjust.AdjustmentStage;
import vn.iip.adjust.SeasonalAdjustment;
import vn.iip.catalog.SurveyTables;
import vn.iip.conform.survey.SurveyConform;
import vn.iip.ingest.survey.SurveyFiles;
import vn.iip.ingest.survey.SurveyFiles.Kind;
import vn.iip.ingest.survey.SurveyFiles.SurveyFile;
import vn.iip.reference.ReferenceData;
import vn.iip.spark.DeltaWrites;

/**
 * The survey's run: new files of the survey folder into bronze (rounds) and silver (baskets, value added), the
 * rounds conformed into usable rows and quarantine, then, when anything new came, the IIP computed again and the
 * changed figures added to gold as a new vintage ({@link ComputedVintages}). A run without a new survey file
 * computes nothing. Files are registered last, so a run that dies leaves them to be loaded again.
 */
public final class SurveyStage {
    private SurveyStage() {}

    /** What the stage did, for the progress lines and the run report. */
    public record Outcome(int filesSeen, int filesNew, int filesRejected, long rowsRead, long stored,
                          List<Row> quarantinedByRule, long imputed, long unimputable, long figuresAdded,
                          long figuresTotal, boolean computed, boolean conserved,
                          ContributionCheck.Result contributions, long movedFromSilver,
                          vn.iip.adjust.AdjustmentStage.Outcome adjustment) {
        /** Whether every computed contribution set adds up to its parent's growth (trivially, when none). */
        public boolean contributionsAddUp() {
            return contributions == null || contributions.holds();
        }
    }

    /**
     * @param bundled the folder is the bundled synthetic survey's, written on the first run
     */
    public static Outcome run(SparkSession spark, String folder, boolean bundled, SeasonalAdjustment.Spec adjustment,
                              String runId, Timestamp now, Consumer<String> line) {
        if (bundled) {
            BundledSurvey.ensure(spark, folder);
        }
        List<SurveyFile> listed = SurveyFiles.list(spark, folder);
        Set<String> known = new HashSet<>();
        // The identities of loaded files: one small row per file.
        for (Row file : spark.table(SurveyTables.SURVEY_FILE.qualifiedName())
                .select("file_path", "file_size", "modified_at").collectAsList()) {
            known.add(file.getString(0) + "|" + file.getLong(1) + "|" + file.getTimestamp(2).getTime());
        }
        List<SurveyFile> fresh = new ArrayList<>();
        for (SurveyFile file : listed) {
            if (!known.contains(file.path() + "|" + file.size() + "|" + file.modifiedAt())) {
                fresh.add(SurveyFiles.identify(spark, file));
            }
        }
        List<Row> registrations = new ArrayList<>();
        int rejected = 0;
        for (SurveyFile file : fresh) {
            if (file.kind() == null) {
                rejected++;
                String unreadable = file.header().size() == 1 && file.header().get(0).startsWith(SurveyFiles.UNREADABLE)
                        ? file.header().get(0) : null;
                String message = unreadable != null ? file.name() + ": cannot be read ("
                        + unreadable.substring(SurveyFiles.UNREADABLE.length(), unreadable.length() - 1)
                        + "); write the file again (a complete CSV with a header, or Parquet)"
                        : file.name() + ": header " + String.join(",", file.header()) + " is none of the"
                        + " survey layouts (rounds: " + String.join(",", Kind.ROUNDS.columns()) + "; basket: "
                        + String.join(",", Kind.BASKET.columns()) + "; value added: "
                        + String.join(",", Kind.VALUE_ADDED.columns()) + "); rename its columns to one of them";
                line.accept("           rejected " + message);
                registrations.add(registration(file, "rejected", 0, message, runId, now));
            }
        }
        SurveyReferenceLoad.load(spark, byKind(fresh, Kind.BASKET), byKind(fresh, Kind.VALUE_ADDED), runId, now);
        List<SurveyFile> rounds = byKind(fresh, Kind.ROUNDS);
        SurveyRoundsLoad.Loaded loaded = SurveyRoundsLoad.load(spark, rounds, runId, now);
        boolean anything = fresh.size() > rejected;
        Outcome outcome = anything ? compute(spark, loaded, listed.size(), fresh.size(), rejected, adjustment, runId)
                : new Outcome(listed.size(), fresh.size(), rejected, 0, 0, List.of(), 0, 0, 0, 0, false, true, null, 0,
                readjusted(spark, adjustment, runId));
        for (SurveyFile file : fresh) {
            if (file.kind() != null) {
                registrations.add(registration(file, file.kind().name().toLowerCase(java.util.Locale.ROOT),
                        loaded.rowsByFile().getOrDefault(SurveyRoundsLoad.normalised(file.path()), 0L), null, runId,
                        now));
            }
        }
        if (!registrations.isEmpty()) {
            DeltaWrites.append(spark.createDataFrame(registrations, SurveyTables.SURVEY_FILE.structType()),
                    SurveyTables.SURVEY_FILE);
        }
        return outcome;
    }

    private static Outcome compute(SparkSession spark, SurveyRoundsLoad.Loaded loaded, int seen, int fresh,
                                   int rejected, SeasonalAdjustment.Spec adjustment, String runId) {
        Dataset<Row> responses = spark.table(SurveyTables.SURVEY_RESPONSE.qualifiedName());
        Row newest = responses.agg(max("period"), max("collected_on")).first();
        if (newest.isNullAt(0)) {
            return new Outcome(seen, fresh, rejected, loaded.rowsRead(), loaded.stored(), loaded.quarantinedByRule(),
                    0, 0, 0, 0, false, loaded.conserved(), null,
                    loaded.movedFromSilver(), null);
        }
        int newestMonth = Months.index(Integer.parseInt(newest.getString(0).substring(0, 4)),
                Integer.parseInt(newest.getString(0).substring(5, 7)));
        IipComputation.Result result = IipComputation.compute(new IipComputation.Inputs(responses,
                spark.table(SurveyTables.SURVEY_BASKET.qualifiedName()),
                spark.table(SurveyTables.SURVEY_VALUE_ADDED.qualifiedName()), newestMonth));
        Dataset<Row> finals = result.finalValues().withColumn("run_id", lit(runId)).localCheckpoint(true);
        DeltaWrites.replace(finals, SurveyTables.SURVEY_FINAL);
        Row counts = finals.agg(org.apache.spark.sql.functions.sum(when(col("imputed"), 1).otherwise(0)),
                org.apache.spark.sql.functions.sum(when(col("response").equalTo("no_report")
                        .and(col("quantity_used").isNull()), 1).otherwise(0))).first();
        Dataset<Row> figures = result.figures().localCheckpoint(true);
        ContributionCheck.Result contributions = ContributionCheck.check(figures);
        ComputedVintages.Added added = ComputedVintages.add(spark, figures, newest.getDate(1), runId);
        // The levels changed, or the specification did: the series are adjusted again (the past is revised), from
        // the run's figures in memory rather than from a scan of every vintage.
        AdjustmentStage.Outcome adjusted = added.rows() > 0 || AdjustmentStage.pending(spark, adjustment)
                ? AdjustmentStage.run(spark, ComputedVintages.monthlyLevels(figures), adjustment, newest.getDate(1),
                runId) : null;
        return new Outcome(seen, fresh, rejected, loaded.rowsRead(), loaded.stored(), loaded.quarantinedByRule(),
                counts.isNullAt(0) ? 0 : counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1),
                added.rows(), added.keys(), true, loaded.conserved(), contributions,
                loaded.movedFromSilver(), adjusted);
    }

    /**
     * A run without a new survey file adjusts again only when the specification changed since the newest
     * adjustment (a job setting), from the newest computed levels; otherwise null.
     */
    private static AdjustmentStage.Outcome readjusted(SparkSession spark, SeasonalAdjustment.Spec adjustment,
                                                      String runId) {
        if (!AdjustmentStage.pending(spark, adjustment)) {
            return null;
        }
        Row asOf = spark.table(vn.iip.catalog.GoldTables.FACT_IIP_COMPUTED.qualifiedName())
                .agg(max("computed_as_of")).first();
        return asOf.isNullAt(0) ? null : AdjustmentStage.run(spark, ComputedVintages.latestMonthlyLevels(spark),
                adjustment, asOf.getDate(0), runId);
    }

    private static List<SurveyFile> byKind(List<SurveyFile> files, Kind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    private static Row registration(SurveyFile file, String kind, long rows, String message, String runId,
                                    Timestamp now) {
        return RowFactory.create(file.path(), file.size(), new Timestamp(file.modifiedAt()), kind, rows, message,
                runId, now);
    }

    /** The geography lookups, for the conform step. */
    static Dataset<Row> provinces(SparkSession spark) {
        return SurveyGeography.provinces(spark, ReferenceData.get());
    }
}
