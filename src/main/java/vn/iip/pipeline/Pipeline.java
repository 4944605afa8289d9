package vn.iip.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.GoldViews;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.Warehouse;
import vn.iip.compute.SurveyStage;
import vn.iip.conform.ConformStage;
import vn.iip.ingest.ExtractSource;
import vn.iip.ingest.IngestResult;
import vn.iip.ingest.IngestStage;
import vn.iip.publish.PublishStage;
import vn.iip.quality.QualityChecks;
import vn.iip.spark.DeltaWrites;

/**
 * The whole run: ingest → conform → publish → quality, then the run log. Bronze and silver rows are appended first
 * and extract_file last, so a run that dies half-way leaves rows whose file is not registered; the next run removes
 * them and ingests the file again (re-running the same inputs changes nothing).
 */
public final class Pipeline {
    private final SparkSession spark;
    private final RunConfig config;
    private final Progress progress;
    private final Warehouse warehouse;

    public Pipeline(SparkSession spark, RunConfig config, PrintStream out) {
        this.spark = spark;
        this.config = config;
        this.progress = new Progress(out);
        this.warehouse = new Warehouse(spark, config.warehouse());
    }

    public RunReport run() {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        progress.line("run " + runId + ": " + config.inputLabel() + " -> " + config.warehouse());
        try (WarehouseLock lock = WarehouseLock.acquire(spark.sparkContext().hadoopConfiguration(), config.warehouse(),
                WarehouseLock.Holder.of(runId, started), config.lockWait(), progress::line);
             FatalExit guard = FatalExit.guard(spark, runId, started)) {
            return run(runId, started, guard);
        }
    }

    private RunReport run(String runId, Instant started, FatalExit guard) {
        Timestamp now = Timestamp.from(started);
        progress.start();
        WarehouseState before = vn.iip.catalog.MetastoreWait.attach(warehouse, progress::line,
                () -> WarehouseState.read(spark));
        // A reprocess that was killed may have replaced silver's observations but not its quarantine: do it again.
        reprocess = config.reprocess() || RunLog.interruptedReprocess(spark);
        RunRecovery.Recovery recovery = RunRecovery.recover(spark, before);
        RunLog.started(spark, config, runId, started, reprocess);
        guard.logged();
        try {
            return logged(runId, now, started, before, recovery);
        } catch (Throwable e) {
            // Every failure is logged, then rethrown (Spark throws its checked AnalysisException from Scala code).
            boolean logged = e instanceof ConservationFailure || RunLog.failed(spark, runId, started, e);
            guard.failed(logged);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private vn.iip.publish.ReleaseSchedule schedule;
    private vn.iip.reference.SynonymAdditions additions;
    private boolean reprocess;

    /** The name analysts query a gold table by: iip_gold's view of the published gold. */
    private static String readersName(vn.iip.catalog.TableSpec table) {
        return GoldTables.SCHEMA + "." + table.name();
    }

    private RunReport logged(String runId, Timestamp now, Instant started, WarehouseState before,
                             RunRecovery.Recovery recovery) {
        schedule = vn.iip.publish.ReleaseSchedule.load(config.releaseSchedule(),
                spark.sparkContext().hadoopConfiguration());
        additions = vn.iip.reference.SynonymAdditions.load(config.referenceAdditions(),
                spark.sparkContext().hadoopConfiguration());
        if (!additions.isEmpty()) {
            progress.line("           reference additions: " + additions.describe());
        }
        String recovered = recovery.describe();
        progress.stage("catalog", "schemas and tables ready" + (recovered != null ? "; " + recovered : ""));

        Dataset<Row> known = spark.table(BronzeTables.EXTRACT_FILE.qualifiedName()).select("sha256");
        IngestResult ingest = IngestStage.run(ExtractSource.select(spark, config.input(), knownFiles()),
                ExtractSource.sidecars(spark, config.input()), known, runId, now);
        progress.stage("ingest", String.format("%d file(s) seen: %d new, %d skipped (already ingested), %d rejected"
                + " whole; %d row(s) read", ingest.filesSeen(), ingest.filesNew(), ingest.filesSkipped(),
                ingest.filesRejected(), ingest.rowsRead()));
        for (IngestResult.FileSummary file : ingest.newFileSummaries()) {
            if (!"ingested".equals(file.outcome())) {
                progress.line("           rejected " + file.path() + ": " + file.reason());
            }
        }

        Stored added = new Stored(0, 0, new PublishStage.Scope(List.of(), List.of()));
        if (ingest.filesNew() > 0) {
            added = conformAndStore(ingest, runId, now);
        } else {
            progress.stage("conform", "no new rows");
        }
        Reprocess.Moves moves = reprocess ? reprocessSilver(runId, now) : null;
        SurveyStage.Outcome survey = SurveyLines.run(spark, config, runId, now, progress);
        boolean changed = reprocess || ingest.filesNew() > 0 || recovery.filesRemoved() > 0 || (survey != null
                && (survey.computed() || survey.adjustment() != null));
        boolean publish = changed || before.hasUnfinishedRun() || !recovery.interruptedRuns().isEmpty()
                || !spark.catalog().tableExists(GoldViews.LATEST.qualifiedName());
        // Gold is rewritten whole only when something else than this run's new rows may have changed silver.
        boolean rebuild = reprocess || recovery.filesRemoved() > 0 || before.hasUnfinishedRun()
                || !recovery.interruptedRuns().isEmpty() || !before.lastTotalsHold()
                || !spark.catalog().tableExists(GoldViews.LATEST.qualifiedName());
        PublishStage.Scope scope = rebuild ? PublishStage.Scope.everything() : added.scope();
        if (publish) {
            PublishStage.run(spark, warehouse, scope);
        }
        PublishStage.releaseCalendar(spark, warehouse, schedule);
        // A run that wrote nothing inherits the totals the previous run verified; a run that added rows counts its
        // own and adds them to those; any other run recounts the warehouse. The gold checks are made meanwhile.
        Dataset<Row> goldChecks = publish ? QualityChecks.run(scope.within(spark.table(
                GoldTables.FACT_IIP_RELEASE.qualifiedName())), scope.within(spark.table(
                GoldTables.FACT_IIP_REVISION.qualifiedName()))).persist(StorageLevel.MEMORY_AND_DISK()) : null;
        Totals totals = vn.iip.spark.Overlap.run(() -> !publish && before.lastTotalsHold() ? before.inheritedTotals()
                : rebuild ? WarehouseState.count(spark) : before.countAfter(spark, runId),
                () -> goldChecks == null ? 0L : goldChecks.count()).firstResult();
        progress.stage("publish", publish ? totals.facts() + " fact(s) in " + readersName(GoldTables.FACT_IIP_RELEASE)
                + " (all vintages), dimensions up to date" : "nothing new: gold left as it is (" + totals.facts()
                + " facts)");

        RunReport report = new RunReport(runId, ingest.filesSeen(), ingest.filesNew(), ingest.filesSkipped(),
                ingest.filesRejected(), ingest.rowsRead(), added.observations(), added.quarantined(), totals, publish,
                moves == null ? 0 : moves.toObservations(), moves == null ? 0 : moves.toQuarantine());
        runQualityChecks(report, survey, goldChecks, now);
        // Readers switch to this run's gold in one step, its quality checks included.
        vn.iip.catalog.GoldSnapshot.Publish published = vn.iip.catalog.GoldSnapshot.publish(spark, warehouse, runId);
        if (!report.conservationOk()) {
            RunLog.finished(spark, report, started, null);
            throw new ConservationFailure(String.format("Conservation check failed: this run read %d rows but"
                    + " stored %d observations + %d quarantined; %s. Rows were lost or duplicated: see run %s in"
                    + " iip_silver.run_log", report.rowsRead(), report.observationsAdded(), report.quarantinedAdded(),
                    totals.problem() == null ? "the warehouse's totals hold" : totals.problem(), runId));
        }
        // A computed table still at the version it was created with (0) is empty: no survey was ever computed.
        Long computedVersion = published.versions().get(GoldTables.FACT_IIP_COMPUTED.name());
        boolean computed = computedVersion != null && computedVersion > 0;
        // The summary reads the gold just published; logging the end writes only run_log.
        vn.iip.spark.Overlap.run(() -> RunLog.finished(spark, report, started, null), () -> {
            Headlines.print(spark, progress, computed);
            if (computed) {
                Headlines.printComputed(spark, progress);
                Headlines.printAdjusted(spark, progress);
            }
        });
        return report;
    }

    /** Each path's newest ingest (size, time): one row per landing file, metadata, not data. */
    private java.util.Map<String, ExtractSource.KnownFile> knownFiles() {
        java.util.Map<String, ExtractSource.KnownFile> known = new java.util.HashMap<>();
        for (Row row : spark.table(BronzeTables.EXTRACT_FILE.qualifiedName()).groupBy("path")
                .agg(org.apache.spark.sql.functions.max_by(col("size_bytes"), col("ingested_at")),
                        org.apache.spark.sql.functions.max(col("ingested_at")))
                .collectAsList()) {
            known.put(row.getString(0), new ExtractSource.KnownFile(row.getLong(1), row.getTimestamp(2)));
        }
        return known;
    }

    /** Every bronze row conformed again with the current rules (run --reprocess), silver replaced. */
    private Reprocess.Moves reprocessSilver(String runId, Timestamp now) {
        try {
            Reprocess.Moves moves = Reprocess.run(spark, additions, runId, now,
                    (rows, name) -> materialise(rows, runId, name));
            progress.stage("reprocess", moves.describe());
            return moves;
        } finally {
            removeCheckpoints();
        }
    }

    /** What a run stored: its observations, its quarantined rows, and the periods and releases they touch. */
    private record Stored(long observations, long quarantined, PublishStage.Scope scope) {}

    private Stored conformAndStore(IngestResult ingest, String runId, Timestamp now) {
        try {
            return conformAndStoreRows(ingest, runId, now);
        } finally {
            removeCheckpoints();
        }
    }

    private Stored conformAndStoreRows(IngestResult ingest, String runId, Timestamp now) {
        DeltaWrites.append(ingest.newRows(), BronzeTables.EXTRACT_ROW);
        Dataset<Row> existing = spark.table(SilverTables.OBSERVATION.qualifiedName());
        // Both materialised before anything is stored: the rows are conformed once, and the duplicate check is never
        // re-run against the observations this run writes.
        Dataset<Row> rows = materialise(ConformStage.conformRows(ingest.newRows(), additions), runId, "conformed");
        Dataset<Row> duplicates = materialise(ConformStage.duplicates(rows, ofSameReleases(existing, rows)), runId,
                "duplicates");
        Dataset<Row> conformed = ConformStage.withDuplicates(rows, duplicates)
                .withColumn("run_id", lit(runId)).withColumn("ingested_at", lit(now));
        Dataset<Row> observations = ConformStage.observations(conformed);
        Dataset<Row> quarantine = ConformStage.quarantine(conformed)
                .withColumn("run_id", lit(runId)).withColumn("ingested_at", lit(now));
        long observationCount = observations.count();
        long quarantineCount = quarantine.count();
        DeltaWrites.append(observations, SilverTables.OBSERVATION);
        DeltaWrites.append(quarantine, SilverTables.QUARANTINE);
        progress.stage("conform", String.format("%d row(s): %d observation(s), %d quarantined", ingest.rowsRead(),
                observationCount, quarantineCount));
        List<Row> rules = quarantineCount == 0 ? List.of() : quarantine.groupBy("rule_id").count()
                .orderBy(col("count").desc(), col("rule_id")).collectAsList();
        for (Row rule : rules) {
            progress.line(String.format("           %5d %s", rule.getLong(1), rule.getString(0)));
        }
        // Last: registering the files commits the run's bronze and silver rows.
        DeltaWrites.append(ingest.newFiles(), BronzeTables.EXTRACT_FILE);
        return new Stored(observationCount, quarantineCount, PublishStage.scopeOf(observations));
    }

    /** Releases up to this many in a run narrow the duplicate check's scan of the loaded observations. */
    private static final int NARROWED_RELEASES = 1000;

    /**
     * The loaded observations that may be copies of the run's rows: those of the same releases (an observation's id
     * includes its release). A filter by value, so that Delta's file statistics skip the files of other releases:
     * a new month's check reads its own release's files, not the whole history.
     */
    private static Dataset<Row> ofSameReleases(Dataset<Row> existing, Dataset<Row> rows) {
        // A handful of release ids (the labels of the run's files), not data.
        List<Row> releases = rows.filter(col("rule_id").isNull()).select("release_id").distinct()
                .limit(NARROWED_RELEASES + 1).collectAsList();
        if (releases.size() > NARROWED_RELEASES) {
            return existing;
        }
        return existing.filter(col("release_id").isin(releases.stream().map(r -> r.get(0)).toArray()));
    }

    /** The run's counts disagree; it is already logged as failed. */
    static final class ConservationFailure extends IllegalStateException {
        ConservationFailure(String message) {
            super(message);
        }
    }

    /**
     * The conformed rows are written once as Parquet under the warehouse (its file system, which every executor
     * reads) and read back: the observations and the quarantine are then two cheap scans of those files, and the
     * duplicate check is never re-run against the rows just written (a cached plan would be, once writing the
     * observation table invalidates it). Parquet rather than a checkpoint: compressed columns instead of serialized
     * rows, so a large load neither fills memory nor spends its time serializing. Removed when the run's rows are
     * stored.
     */
    private Dataset<Row> materialise(Dataset<Row> rows, String runId, String name) {
        checkpointFolder = config.warehouse() + "/" + CHECKPOINTS + "/" + runId;
        String location = checkpointFolder + "/" + name;
        rows.write().mode(org.apache.spark.sql.SaveMode.Overwrite).parquet(location);
        return spark.read().schema(rows.schema()).parquet(location);
    }

    /** Under the warehouse: the run's conformed rows while it stores them. */
    public static final String CHECKPOINTS = "_checkpoints";

    private String checkpointFolder;

    private void removeCheckpoints() {
        if (checkpointFolder == null) {
            return;
        }
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(checkpointFolder);
        try {
            folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(folder, true);
        } catch (java.io.IOException e) {
            progress.line("           could not remove the run's checkpoint folder " + checkpointFolder + ": "
                    + e.getMessage() + " (safe to delete by hand)");
        }
        checkpointFolder = null;
    }

    /**
     * Records the checks of the facts this run wrote (the years of its periods, or all; made and cached before,
     * null when gold was not published), then the run's own.
     */
    private void runQualityChecks(RunReport report, SurveyStage.Outcome survey, Dataset<Row> checks, Timestamp now) {
        Row conservation = RowFactory.create("conservation", report.conservationOk() ? "pass" : "fail",
                (double) report.rowsRead(), (double) (report.observationsAdded() + report.quarantinedAdded()),
                String.format("run: %d rows read = %d observations + %d quarantined; warehouse, by distinct keys:"
                        + " %d rows = %d + %d%s", report.rowsRead(), report.observationsAdded(),
                        report.quarantinedAdded(), report.totalRows(), report.totalObservations(),
                        report.totalQuarantined(), report.totals().problem() == null ? ""
                                : "; " + report.totals().problem()));
        List<Row> runChecks = new java.util.ArrayList<>(List.of(conservation));
        runChecks.addAll(SurveyLines.qualityRows(survey));
        Dataset<Row> conservationRow = spark.createDataFrame(runChecks, org.apache.spark.sql.types.StructType
                        .fromDDL("check_id STRING, status STRING, expected_value DOUBLE, actual_value DOUBLE, message STRING"))
                .withColumn("period", lit(null).cast("string")).withColumn("geo_code", lit(null).cast("string"))
                .withColumn("geo_version", lit(null).cast("string"))
                .withColumn("industry_code", lit(null).cast("string")).withColumn("comparison", lit(null).cast("string"))
                .withColumn("release_id", lit(null).cast("string"))
                .withColumn("difference", col("actual_value").minus(col("expected_value")))
                .withColumn("tolerance", lit(0.0));
        Dataset<Row> freshness = vn.iip.quality.FreshnessChecks.run(spark.table(
                GoldTables.RELEASE_CALENDAR.qualifiedName()), vn.iip.quality.FreshnessChecks.releaseDay(now.toInstant()));
        Dataset<Row> all = (checks != null ? checks.unionByName(conservationRow) : conservationRow)
                .unionByName(freshness);
        all = all.withColumn("run_id", lit(report.runId())).withColumn("checked_at", lit(now))
                .persist(StorageLevel.MEMORY_AND_DISK());
        DeltaWrites.append(all, GoldTables.QUALITY_CHECK);
        List<Row> statuses = all.groupBy("status").count().orderBy("status").collectAsList();
        StringBuilder summary = new StringBuilder();
        for (Row status : statuses) {
            summary.append(summary.length() == 0 ? "" : ", ").append(status.getLong(1)).append(' ').append(status.getString(0));
        }
        all.unpersist();
        if (checks != null) {
            checks.unpersist();
        }
        String described = report.published() ? "checks: " : "gold unchanged, conservation and freshness only: ";
        progress.stage("quality", described + summary + " (details in " + readersName(GoldTables.QUALITY_CHECK)
                + "); conservation " + (report.conservationOk() ? "ok" : "FAILED"));
    }

}
