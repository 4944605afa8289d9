package vn.iip.pipeline;

import java.time.Duration;
import vn.iip.adjust.SeasonalAdjustment;

/**
 * What a run reads and where it writes. {@code input} null means the samples bundled in the jar; {@code lockWait}
 * is how long it waits for another run that holds the warehouse; {@code survey} is the enterprise survey's
 * folder, {@link #NO_SURVEY}, or null for the default: the bundled synthetic survey when the input is the bundled
 * samples, else none; {@code adjustment} is how the computed series are seasonally adjusted;
 * {@code releaseSchedule} is the operator's release schedule file (null: the bundled one); {@code referenceAdditions}
 * is a folder of synonyms added to the bundled ones (null: none); {@code reprocess} re-conforms everything in bronze.
 */
public record RunConfig(String input, String warehouse, Duration lockWait, String survey,
                        SeasonalAdjustment.Spec adjustment, String releaseSchedule, String referenceAdditions,
                        boolean reprocess) {
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);
    /** --survey none: the run computes nothing from a survey. */
    public static final String NO_SURVEY = "none";

    public RunConfig(String input, String warehouse) {
        this(input, warehouse, DEFAULT_LOCK_WAIT);
    }

    public RunConfig(String input, String warehouse, Duration lockWait) {
        this(input, warehouse, lockWait, null);
    }

    public RunConfig(String input, String warehouse, Duration lockWait, String survey) {
        this(input, warehouse, lockWait, survey, SeasonalAdjustment.Spec.standard());
    }

    public RunConfig(String input, String warehouse, Duration lockWait, String survey,
                     SeasonalAdjustment.Spec adjustment) {
        this(input, warehouse, lockWait, survey, adjustment, null, null, false);
    }

    /** The same run with this survey setting. */
    public RunConfig withSurvey(String folder) {
        return new RunConfig(input, warehouse, lockWait, folder, adjustment, releaseSchedule, referenceAdditions,
                reprocess);
    }

    /** The same run with this seasonal adjustment. */
    public RunConfig withAdjustment(SeasonalAdjustment.Spec spec) {
        return new RunConfig(input, warehouse, lockWait, survey, spec, releaseSchedule, referenceAdditions, reprocess);
    }

    /** The same run, re-conforming everything in bronze (or not). */
    public RunConfig withReprocess(boolean again) {
        return new RunConfig(input, warehouse, lockWait, survey, adjustment, releaseSchedule, referenceAdditions, again);
    }

    /** The same run with these rule files (null: the bundled ones only). */
    public RunConfig withRules(String schedule, String additions) {
        return new RunConfig(input, warehouse, lockWait, survey, adjustment, schedule, additions, reprocess);
    }

    /** Whether the run computes from the bundled synthetic survey. */
    public boolean bundledSurvey() {
        return survey == null && input == null;
    }

    /** The survey folder the run reads (the bundled one is made under the warehouse), or null for none. */
    public String surveyFolder() {
        if (bundledSurvey()) {
            return warehouse + "/" + BUNDLED_SURVEY;
        }
        return survey == null || NO_SURVEY.equals(survey) ? null : survey;
    }

    /** Where the bundled synthetic survey is written (once) for the warehouse's runs to read. */
    public static final String BUNDLED_SURVEY = "_bundled_survey";

    public String inputLabel() {
        return input == null ? vn.iip.ingest.ExtractSource.BUNDLED : input;
    }
}
