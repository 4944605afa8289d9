package vn.iip.pipeline;

import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;

/**
 * What a run needs to know about the warehouse before it writes: bronze rows vs the rows registered files declare
 * (unequal = an interrupted run left rows behind), whether the newest registered files belong to a run that never
 * logged its end (gold may be behind), and the totals the last finished run verified.
 */
record WarehouseState(long rows, long registeredRows, Timestamp newestFile, Timestamp lastRunStart,
                      LastRun lastRun) {

    /** Totals recorded by the newest run in run_log (null when there is none). */
    record LastRun(long rows, long observations, long quarantined, long facts, boolean succeeded) {}

    static WarehouseState read(SparkSession spark) {
        String files = BronzeTables.EXTRACT_FILE.qualifiedName();
        String runs = SilverTables.RUN_LOG.qualifiedName();
        Row counts = spark.sql("SELECT (SELECT count(*) FROM " + BronzeTables.EXTRACT_ROW.qualifiedName() + "),"
                + " (SELECT coalesce(sum(data_rows), 0) FROM " + files + "), (SELECT max(ingested_at) FROM " + files
                + "), (SELECT max(started_at) FROM " + runs + " WHERE outcome = 'succeeded')").first();
        Row last = spark.sql("SELECT total_rows, total_observations, total_quarantined, facts_published, outcome FROM "
                + runs + " WHERE outcome IN ('succeeded', 'failed') AND total_rows IS NOT NULL"
                + " ORDER BY started_at DESC LIMIT 1").collectAsList().stream().findFirst().orElse(null);
        LastRun lastRun = last == null ? null : new LastRun(last.getLong(0), last.getLong(1), last.getLong(2),
                last.getLong(3), "succeeded".equals(last.getString(4)));
        return new WarehouseState(counts.getLong(0), counts.getLong(1), counts.getTimestamp(2), counts.getTimestamp(3),
                lastRun);
    }

    boolean hasUnregisteredRows() {
        return rows != registeredRows;
    }

    /** Files were registered after the newest successful run started: their run died or failed before the end. */
    boolean hasUnfinishedRun() {
        return newestFile != null && (lastRunStart == null || newestFile.after(lastRunStart));
    }

    /** Whether the last run's verified totals still describe the warehouse (nothing written since). */
    boolean lastTotalsHold() {
        return lastRun != null && lastRun.succeeded() && lastRun.rows() == rows && !hasUnfinishedRun();
    }

    /** The totals the last successful run verified, for a run that writes nothing (its counts cannot change). */
    Totals inheritedTotals() {
        long stored = lastRun.observations() + lastRun.quarantined();
        return new Totals(rows, rows, lastRun.observations(), lastRun.observations(), lastRun.quarantined(),
                lastRun.quarantined(), stored, 0, 0, 0, lastRun.facts());
    }

    /** Recounts bronze, silver and gold by rows and by distinct keys (a run that cannot build on the last totals). */
    static Totals count(SparkSession spark) {
        return count(spark, null);
    }

    /**
     * The last verified totals plus this run's rows, counted by rows and by distinct keys. Exact: a run only appends
     * rows of files no earlier run ingested (their sha256 is new), so its keys cannot meet an earlier run's, and
     * nothing else changed since those totals were verified ({@link #lastTotalsHold}).
     */
    Totals countAfter(SparkSession spark, String runId) {
        Totals run = count(spark, runId);
        Totals last = inheritedTotals();
        return new Totals(last.rows() + run.rows(), last.distinctRows() + run.distinctRows(),
                last.observations() + run.observations(), last.distinctObservations() + run.distinctObservations(),
                last.quarantined() + run.quarantined(), last.distinctQuarantined() + run.distinctQuarantined(),
                last.storedKeys() + run.storedKeys(), last.storedWithoutBronze() + run.storedWithoutBronze(),
                last.files() + run.files(), last.distinctFiles() + run.distinctFiles(), run.facts());
    }

    /**
     * @param runId only this run's rows (null = all). The row keys of bronze, observations and quarantine are tagged
     * and grouped once by key, so each table is scanned once and every count, the anti-join included, comes out of
     * that one aggregation.
     */
    private static Totals count(SparkSession spark, String runId) {
        String ofRun = runId == null ? "" : " WHERE run_id = '" + runId.replace("'", "''") + "'";
        String keys = "SELECT file_sha256, row_number, sum(bronze) AS bronze, sum(observed) AS observed,"
                + " sum(quarantined) AS quarantined FROM ("
                + "SELECT file_sha256, row_number, 1 AS bronze, 0 AS observed, 0 AS quarantined FROM "
                + BronzeTables.EXTRACT_ROW.qualifiedName() + ofRun
                + " UNION ALL SELECT file_sha256, row_number, 0, 1, 0 FROM " + SilverTables.OBSERVATION.qualifiedName()
                + ofRun + " UNION ALL SELECT file_sha256, row_number, 0, 0, 1 FROM "
                + SilverTables.QUARANTINE.qualifiedName() + ofRun + ") GROUP BY file_sha256, row_number";
        String files = "(SELECT * FROM " + BronzeTables.EXTRACT_FILE.qualifiedName() + ofRun + ")";
        Row row = spark.sql("SELECT coalesce(sum(bronze), 0), count_if(bronze > 0), coalesce(sum(observed), 0),"
                + " count_if(observed > 0), coalesce(sum(quarantined), 0), count_if(quarantined > 0),"
                + " count_if(observed > 0 OR quarantined > 0), count_if((observed > 0 OR quarantined > 0)"
                + " AND bronze = 0), (SELECT count(*) FROM " + files + "), (SELECT count(DISTINCT sha256) FROM "
                + files + "), (SELECT count(*) FROM " + GoldTables.FACT_IIP_RELEASE.qualifiedName() + ") FROM ("
                + keys + ")").first();
        return new Totals(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10));
    }
}
