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
        try {
            return run(runId, started);
        } catch (Exception e) {
            // Spark throws its checked AnalysisException from Scala code: every failure is logged, then rethrown.
            if (!(e instanceof ConservationFailure)) {
                RunLog.appendFailure(spark, config, runId, started, e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
    }

    private RunReport run(String runId, Instant started) {
        Timestamp now = Timestamp.from(started);
        progress.line("run " + runId + ": " + config.inputLabel() + " -> " + config.warehouse());
        progress.start();
        warehouse.attach();
        WarehouseState before = WarehouseState.read(spark);
        int removed = RunRecovery.removeUnregisteredRows(spark, before);
        progress.stage("catalog", "schemas and tables ready" + (removed > 0
                ? "; removed rows of " + removed + " file(s) left by an interrupted run" : ""));

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
        boolean changed = ingest.filesNew() > 0 || removed > 0;
        boolean publish = changed || before.hasUnfinishedRun()
                || !spark.catalog().tableExists(GoldViews.LATEST.qualifiedName());
        long facts = publish ? PublishStage.run(spark, warehouse) : -1;
        // A run that wrote nothing inherits the totals the previous run verified; any other run recounts.
        long[] totals = !publish && before.lastTotalsHold()
                ? new long[] {before.rows(), before.lastRun().observations(), before.lastRun().quarantined(),
                        before.lastRun().facts()}
                : WarehouseState.count(spark);
        long totalRows = totals[0];
        long totalObservations = totals[1];
        long totalQuarantined = totals[2];
        facts = totals[3];
        progress.stage("publish", publish ? facts + " fact(s) in " + GoldTables.FACT_IIP_RELEASE.qualifiedName()
                + " (all vintages), dimensions and views rebuilt" : "nothing new: gold left as it is (" + facts
                + " facts)");

        RunReport report = new RunReport(runId, ingest.filesSeen(), ingest.filesNew(), ingest.filesSkipped(),
                ingest.filesRejected(), ingest.rowsRead(), added[0], added[1], totalRows, totalObservations,
                totalQuarantined, facts, publish);
        runQualityChecks(report, now);
        RunLog.append(spark, config, report, started, null);
        if (!report.conservationOk()) {
            throw new ConservationFailure(String.format("Conservation check failed: this run read %d rows but"
                    + " stored %d observations + %d quarantined; the warehouse holds %d rows, %d observations, %d"
                    + " quarantined. Rows were lost or duplicated: see run %s in iip_silver.run_log", report.rowsRead(),
                    report.observationsAdded(), report.quarantinedAdded(), totalRows, totalObservations,
                    totalQuarantined, runId));
        }
        Headlines.print(spark, progress);
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

    private void runQualityChecks(RunReport report, Timestamp now) {
        Dataset<Row> checks = report.published()
                ? QualityChecks.run(spark.table(GoldTables.FACT_IIP_RELEASE.qualifiedName()),
                        spark.table(GoldTables.FACT_IIP_REVISION.qualifiedName()))
                : spark.emptyDataFrame();
        Row conservation = RowFactory.create("conservation", report.conservationOk() ? "pass" : "fail",
                (double) report.rowsRead(), (double) (report.observationsAdded() + report.quarantinedAdded()),
                String.format("run: %d rows read = %d observations + %d quarantined; warehouse: %d rows = %d + %d",
                        report.rowsRead(), report.observationsAdded(), report.quarantinedAdded(), report.totalRows(),
                        report.totalObservations(), report.totalQuarantined()));
        Dataset<Row> conservationRow = spark.createDataFrame(List.of(conservation), org.apache.spark.sql.types.StructType
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
        progress.stage("quality", scope + summary + " (details in " + GoldTables.QUALITY_CHECK.qualifiedName()
                + "); conservation " + (report.conservationOk() ? "ok" : "FAILED"));
    }

}
