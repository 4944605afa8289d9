package vn.iip.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;
import vn.iip.catalog.Warehouse;
import vn.iip.conform.Measures;
import vn.iip.reference.ReferenceData;
import vn.iip.spark.DeltaWrites;

/**
 * Brings gold up to date with silver: dimensions, all-vintage facts, revisions. A run that only added observations
 * rewrites the periods and releases they touch (replaceWhere), nothing else: a key's releases all share its period,
 * so ranks, first/latest flags and revisions of the other periods cannot change. Any other run rebuilds gold whole.
 * Readers go on seeing the previous gold until the run switches them over ({@code GoldSnapshot.publish}).
 */
public final class PublishStage {
    private PublishStage() {}

    /**
     * What to rewrite: everything, or the periods and releases of the observations one run added.
     *
     * @param periods    periods whose facts change (null = all)
     * @param releaseIds releases whose dimension row changes (null = all)
     */
    public record Scope(List<String> periods, List<String> releaseIds) {
        public static Scope everything() {
            return new Scope(null, null);
        }

        public boolean isEverything() {
            return periods == null;
        }

        /** The years of the periods: the quality checks pair a December with its year. */
        public List<String> years() {
            return periods == null ? null : periods.stream().map(p -> p.substring(0, 4)).distinct().sorted().toList();
        }

        /** Facts within the scope (for the quality checks of this run). */
        public Dataset<Row> within(Dataset<Row> facts) {
            return isEverything() ? facts : facts.filter(substring(col("period"), 1, 4).isin(years().toArray()));
        }
    }

    /**
     * The periods and releases of a run's observations (a few hundred labels at most), read from the run's own rows
     * rather than by scanning silver for them. One pass: the pairs, then each side's distinct values.
     */
    public static Scope scopeOf(Dataset<Row> observations) {
        List<Row> pairs = observations.select("period", "release_id").distinct().collectAsList();
        List<String> periods = pairs.stream().map(r -> r.getString(0)).distinct().sorted().toList();
        List<String> releases = pairs.stream().map(r -> r.getString(1)).distinct().sorted().toList();
        return new Scope(periods, releases);
    }

    /**
     * Returns the number of fact rows written. The facts and the dimensions are written at once: neither reads
     * what the other writes, and on a long history most of each is a fixed cost of queries and commits.
     */
    public static long run(SparkSession spark, Warehouse warehouse, Scope scope) {
        Dataset<Row> observations = spark.table(SilverTables.OBSERVATION.qualifiedName());
        return vn.iip.spark.Overlap.run(() -> facts(observations, scope), () -> {
            dimensions(spark, warehouse, observations, scope);
            return null;
        }).firstResult();
    }

    /**
     * The release calendar, written when the schedule or dim_release changed since it was last written (so a
     * warehouse gets it on its first run with this version, and an edited schedule on the next run). Returns whether
     * it was written.
     */
    public static boolean releaseCalendar(SparkSession spark, Warehouse warehouse, ReleaseSchedule schedule) {
        String hash = vn.iip.ingest.Sha256.hex((schedule.rules() + " dim_release@"
                + warehouse.newestVersion(GoldTables.DIM_RELEASE))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (warehouse.holdsContent(GoldTables.RELEASE_CALENDAR, hash)) {
            return false;
        }
        DeltaWrites.replace(ReleaseCalendar.build(ReleaseCalendar.expectations(spark, schedule),
                spark.table(GoldTables.DIM_RELEASE.qualifiedName())), GoldTables.RELEASE_CALENDAR);
        warehouse.recordContent(GoldTables.RELEASE_CALENDAR, hash);
        return true;
    }

    private static long facts(Dataset<Row> observations, Scope scope) {
        if (scope.isEverything()) {
            return writeFacts(observations, null);
        }
        return scope.periods().isEmpty() ? 0 : writeFacts(observations, col("period").isin(scope.periods().toArray()));
    }

    private static void dimensions(SparkSession spark, Warehouse warehouse, Dataset<Row> observations, Scope scope) {
        ReferenceData reference = ReferenceData.get();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        replace(spark, warehouse, Dimensions.geography(reference, today), GoldTables.DIM_GEOGRAPHY);
        List<Row> industries = new java.util.ArrayList<>(Dimensions.industry(reference));
        // The classes of the survey's baskets (a few hundred codes at most).
        List<String> classes = warehouse.neverWritten(vn.iip.catalog.SurveyTables.SURVEY_BASKET) ? List.of()
                : spark.table(vn.iip.catalog.SurveyTables.SURVEY_BASKET.qualifiedName()).select("vsic4").distinct()
                        .orderBy("vsic4").collectAsList().stream().map(r -> r.getString(0)).toList();
        industries.addAll(Dimensions.classes(classes, reference));
        replace(spark, warehouse, industries, GoldTables.DIM_INDUSTRY);
        replace(spark, warehouse, Dimensions.period(reference), GoldTables.DIM_PERIOD);
        calendar(spark, warehouse, vn.iip.adjust.TetRegressor.standard());
        replace(spark, warehouse, Dimensions.comparison(), GoldTables.DIM_COMPARISON);
        if (scope.isEverything()) {
            DeltaWrites.replace(Dimensions.release(observations), GoldTables.DIM_RELEASE);
        } else if (!scope.releaseIds().isEmpty()) {
            Column releases = col("release_id").isin(scope.releaseIds().toArray());
            DeltaWrites.replaceWhere(Dimensions.release(observations.filter(releases)), GoldTables.DIM_RELEASE, releases);
        }
    }

    /** Facts and revisions of the periods (null = all): a whole key is always inside or outside. */
    private static long writeFacts(Dataset<Row> observations, Column periods) {
        Dataset<Row> iip = observations.filter(col("measure").isin(Measures.IIP, Measures.CONTRIBUTION_PP));
        if (periods != null) {
            iip = iip.filter(periods);
        }
        Dataset<Row> facts = Facts.releaseFacts(iip).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (periods == null) {
                DeltaWrites.replace(facts, GoldTables.FACT_IIP_RELEASE);
                DeltaWrites.replace(Facts.revisions(facts), GoldTables.FACT_IIP_REVISION);
            } else {
                DeltaWrites.replaceWhere(facts, GoldTables.FACT_IIP_RELEASE, periods);
                DeltaWrites.replaceWhere(Facts.revisions(facts), GoldTables.FACT_IIP_REVISION, periods);
            }
            return facts.count();
        } finally {
            facts.unpersist();
        }
    }

    /**
     * A dimension made from reference data is written only when its rows differ from those it holds: most runs
     * leave it as it is (no new Delta version), which spares a commit per dimension.
     */
    /** The day and month calendars, written when missing or when their rules or Tết window changed. */
    private static void calendar(SparkSession spark, Warehouse warehouse, vn.iip.adjust.TetRegressor window) {
        String hash = vn.iip.ingest.Sha256.hex(Calendar.contentLabel(window)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!warehouse.holdsContent(GoldTables.DIM_CALENDAR, hash)) {
            DeltaWrites.replace(Calendar.days(spark, window.daysBefore(), window.daysAfter()),
                    GoldTables.DIM_CALENDAR);
            warehouse.recordContent(GoldTables.DIM_CALENDAR, hash);
        }
        if (!warehouse.holdsContent(GoldTables.DIM_CALENDAR_MONTH, hash)) {
            DeltaWrites.replace(Calendar.months(spark, window.daysBefore(), window.daysAfter()),
                    GoldTables.DIM_CALENDAR_MONTH);
            warehouse.recordContent(GoldTables.DIM_CALENDAR_MONTH, hash);
        }
    }

    private static void replace(SparkSession spark, Warehouse warehouse, List<Row> rows, TableSpec table) {
        String hash = contentHash(rows, table);
        if (warehouse.holdsContent(table, hash)) {
            return;
        }
        DeltaWrites.replace(spark.createDataFrame(rows, table.structType()), table);
        warehouse.recordContent(table, hash);
    }

    static String contentHash(List<Row> rows, TableSpec table) {
        StringBuilder content = new StringBuilder(table.structType().toDDL());
        rows.forEach(row -> content.append('\n').append(row.mkString("\u0001")));
        return vn.iip.ingest.Sha256.hex(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
