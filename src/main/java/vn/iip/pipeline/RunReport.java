package vn.iip.pipeline;

/** The counts a run records in iip_silver.run_log. */
public record RunReport(String runId, int filesSeen, int filesNew, int filesSkipped, int filesRejected, long rowsRead,
                        long observationsAdded, long quarantinedAdded, long totalRows, long totalObservations,
                        long totalQuarantined, long factsPublished, boolean published) {

    /** Rows read = observations + quarantined, for this run and for the whole warehouse. */
    public boolean conservationOk() {
        return rowsRead == observationsAdded + quarantinedAdded && totalRows == totalObservations + totalQuarantined;
    }
}
