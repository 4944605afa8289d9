package vn.iip.pipeline;

/**
 * The counts a run records in iip_silver.run_log; the moved counts are those of a reprocess (0 for a load): rows
 * that left quarantine and rows that entered it.
 */
public record RunReport(String runId, int filesSeen, int filesNew, int filesSkipped, int filesRejected, long rowsRead,
                        long observationsAdded, long quarantinedAdded, Totals totals, boolean published,
                        long movedFromQuarantine, long movedToQuarantine) {

    /**
     * This run's rows read = observations + quarantined it added (each read row has one distinct key), and the whole
     * warehouse conserved by distinct keys ({@link Totals#problem}).
     */
    public boolean conservationOk() {
        return rowsRead == observationsAdded + quarantinedAdded && totals.problem() == null;
    }

    public long totalRows() {
        return totals.distinctRows();
    }

    public long totalObservations() {
        return totals.distinctObservations();
    }

    public long totalQuarantined() {
        return totals.distinctQuarantined();
    }

    public long factsPublished() {
        return totals.facts();
    }
}
