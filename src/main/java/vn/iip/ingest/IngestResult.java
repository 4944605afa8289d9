package vn.iip.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What ingest found: new files (as extract_file rows, not yet written: they are the commit marker, written last),
 * their rows (extract_row shape plus file path and read reason), and the per-file summaries for the progress report.
 */
public record IngestResult(Dataset<Row> newFiles, Dataset<Row> newRows, int filesSeen, List<FileSummary> newFileSummaries) {

    /** One new file, for the report. */
    public record FileSummary(String path, int rows, String outcome, String reason) {}

    public int filesNew() {
        return newFileSummaries.size();
    }

    public int filesSkipped() {
        return filesSeen - filesNew();
    }

    public int filesRejected() {
        return (int) newFileSummaries.stream().filter(f -> !"ingested".equals(f.outcome())).count();
    }

    public long rowsRead() {
        return newFileSummaries.stream().mapToLong(FileSummary::rows).sum();
    }
}
