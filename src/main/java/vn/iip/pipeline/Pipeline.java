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
        vn.iip.catalog.MetastoreWait.attach(warehouse, progress::line);
        WarehouseState before = WarehouseState.read(spark);
        RunRecovery.Recovery recovery = RunRecovery.recover(spark, before);
        RunLog.started(spark, config, runId, started);
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

    /** The name analysts query a gold table by: iip_gold's view of the published gold. */
    private static String readersName(vn.iip.catalog.TableSpec table) {
        return GoldTables.SCHEMA + "." + table.name();
    }

    private RunReport logged(String runId, Timestamp now, Instant started, WarehouseState before,
                             RunRecovery.Recovery recovery) {
        String recovered = recovery.describe();
        progress.stage("catalog", "schemas and tables ready" + (recovered != null ? "; " + recovered : ""));

        Dataset<Row> known = spark.table(BronzeTables.EXTRACT_FILE.qualifiedName()).select("sha256");
        IngestResult ingest = IngestStage.run(ExtractSource.read(spark, config.input()),
                ExtractSource.sidecars(spark, config.input()), known, runId, now);
        progress.stage("ingest", String.format("%d file(s) seen: %d new, %d skipped (already ingested), %d rejected"
                + " whole; %d row(s) read", ingest.filesSeen(), ingest.filesNew(), ingest.filesSkipped(),
                ingest.filesRejected(), ingest.rowsRead()));
        for (IngestResult.FileSummary file : ingest.newFileSummaries()) {
            if (!"ingested".equals(file.outcome())) {
                progress.line("           rejected " + file.path() + ": " + file.reason());
            }
        }

        long[] added = new long[] {0, 0};
        if (ingest.filesNew() > 0) {
            added = conformAndStore(ingest, runId, now);
        } else {
            progress.stage("conform", "no new rows");
        }
        SurveyStage.Outcome survey = SurveyLines.run(spark, config, runId, now, progress);
        boolean changed = ingest.filesNew() > 0 || recovery.filesRemoved() > 0 || (survey != null && survey.computed());
        boolean publish = changed || before.hasUnfinishedRun() || !recovery.interruptedRuns().isEmpty()
                || !spark.catalog().tableExists(GoldViews.LATEST.qualifiedName());
        if (publish) {
            PublishStage.run(spark, warehouse);
        }
        // A run that wrote nothing inherits the totals the previous run verified; any other run recounts.
        Totals totals = !publish && before.lastTotalsHold() ? before.inheritedTotals() : WarehouseState.count(spark);
        progress.stage("publish", publish ? totals.facts() + " fact(s) in " + readersName(GoldTables.FACT_IIP_RELEASE)
                + " (all vintages), dimensions up to date" : "nothing new: gold left as it is (" + totals.facts()
                + " facts)");

        RunReport report = new RunReport(runId, ingest.filesSeen(), ingest.filesNew(), ingest.filesSkipped(),
                ingest.filesRejected(), ingest.rowsRead(), added[0], added[1], totals, publish);
        runQualityChecks(report, survey, now);
        // Readers switch to this run's gold in one step, its quality checks included.
        vn.iip.catalog.GoldSnapshot.publish(spark, warehouse, runId);
        RunLog.finished(spark, report, started, null);
        if (!report.conservationOk()) {
            throw new ConservationFailure(String.format("Conservation check failed: this run read %d rows but"
                    + " stored %d observations + %d quarantined; %s. Rows were lost or duplicated: see run %s in"
                    + " iip_silver.run_log", report.rowsRead(), report.observationsAdded(), report.quarantinedAdded(),
                    totals.problem() == null ? "the warehouse's totals hold" : totals.problem(), runId));
        }
        Headlines.print(spark, progress);
        Headlines.printComputed(spark, progress);
        return report;
    }

    private long[] conformAndStore(IngestResult ingest, String runId, Timestamp now) {
        try {
            return conformAndStoreRows(ingest, runId, now);
        } finally {
            removeCheckpoints();
        }
    }

    private long[] conformAndStoreRows(IngestResult ingest, String runId, Timestamp now) {
        DeltaWrites.append(ingest.newRows(), BronzeTables.EXTRACT_ROW);
        Dataset<Row> existing = spark.table(SilverTables.OBSERVATION.qualifiedName());
        // Checkpointed: writing the observation table would otherwise invalidate a cache and re-run the
        // duplicate check against the rows just written.
        Dataset<Row> conformed = materialise(ConformStage.conform(ingest.newRows(), existing)
                .withColumn("run_id", lit(runId)).withColumn("ingested_at", lit(now)), runId);
        Dataset<Row> observations = ConformStage.observations(conformed);
        Dataset<Row> quarantine = ConformStage.quarantine(conformed)
                .withColumn("run_id", lit(runId)).withColumn("ingested_at", lit(now));
        long observationCount = observations.count();
        long quarantineCount = quarantine.count();
        DeltaWrites.append(observations, SilverTables.OBSERVATION);
        DeltaWrites.append(quarantine, SilverTables.QUARANTINE);
        progress.stage("conform", String.format("%d row(s): %d observation(s), %d quarantined", ingest.rowsRead(),
                observationCount, quarantineCount));
        for (Row rule : quarantine.groupBy("rule_id").count().orderBy(col("count").desc(), col("rule_id"))
                .collectAsList()) {
            progress.line(String.format("           %5d %s", rule.getLong(1), rule.getString(0)));
        }
        // Last: registering the files commits the run's bronze and silver rows.
        DeltaWrites.append(ingest.newFiles(), BronzeTables.EXTRACT_FILE);
        return new long[] {observationCount, quarantineCount};
    }

    /** The run's counts disagree; it is already logged as failed. */
    static final class ConservationFailure extends IllegalStateException {
        ConservationFailure(String message) {
            super(message);
        }
    }

    /**
     * Locally, executor memory is enough; on a cluster a lost executor must not lose the rows, so they go to the
     * warehouse's file system (never a local folder, which executors on other hosts could not read), in a folder of
     * this run that is removed when the run's rows are stored. A checkpoint folder set with spark.checkpoint.dir is
     * the operator's: it is used and left alone.
     */
    private Dataset<Row> materialise(Dataset<Row> rows, String runId) {
        if (spark.sparkContext().isLocal()) {
            return rows.localCheckpoint(true);
        }
        if (!spark.sparkContext().getConf().contains("spark.checkpoint.dir")) {
            checkpointFolder = config.warehouse() + "/" + CHECKPOINTS + "/" + runId;
            spark.sparkContext().setCheckpointDir(checkpointFolder);
        }
        return rows.checkpoint(true);
    }

    /** Under the warehouse: the run's checkpointed rows while it conforms them. */
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

    private void runQualityChecks(RunReport report, SurveyStage.Outcome survey, Timestamp now) {
        Dataset<Row> checks = report.published()
                ? QualityChecks.run(spark.table(GoldTables.FACT_IIP_RELEASE.qualifiedName()),
                        spark.table(GoldTables.FACT_IIP_REVISION.qualifiedName()))
                : spark.emptyDataFrame();
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
        Dataset<Row> all = report.published() ? checks.unionByName(conservationRow) : conservationRow;
        all = all.withColumn("run_id", lit(report.runId())).withColumn("checked_at", lit(now))
                .persist(StorageLevel.MEMORY_AND_DISK());
        DeltaWrites.append(all, GoldTables.QUALITY_CHECK);
        List<Row> statuses = all.groupBy("status").count().orderBy("status").collectAsList();
        StringBuilder summary = new StringBuilder();
        for (Row status : statuses) {
            summary.append(summary.length() == 0 ? "" : ", ").append(status.getLong(1)).append(' ').append(status.getString(0));
        }
        all.unpersist();
        String scope = report.published() ? "checks: " : "gold unchanged, conservation only: ";
        progress.stage("quality", scope + summary + " (details in " + readersName(GoldTables.QUALITY_CHECK)
                + "); conservation " + (report.conservationOk() ? "ok" : "FAILED"));
    }

}
