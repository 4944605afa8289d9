package vn.iip.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;

/** Removes rows of files that an interrupted run wrote but never registered in extract_file. */
final class RunRecovery {
    private RunRecovery() {}

    /** Returns the number of unregistered files whose rows were removed. */
    static int removeUnregisteredRows(SparkSession spark, WarehouseState state) {
        // Every registered file's rows are in extract_row, so equal counts mean there is nothing to remove.
        if (!state.hasUnregisteredRows()) {
            return 0;
        }
        Dataset<Row> rowFiles = spark.table(BronzeTables.EXTRACT_ROW.qualifiedName()).select("file_sha256").distinct();
        Dataset<Row> registered = spark.table(BronzeTables.EXTRACT_FILE.qualifiedName()).select("sha256");
        // A list of file hashes (tens of rows), not table content.
        List<String> orphans = rowFiles.join(registered, rowFiles.col("file_sha256").equalTo(registered.col("sha256")),
                "left_anti").collectAsList().stream().map(r -> r.getString(0)).toList();
        if (orphans.isEmpty()) {
            return 0;
        }
        String in = orphans.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        // extract_row last: its count is how the next run notices leftovers, should this one die half-way.
        for (TableSpec table : List.of(SilverTables.OBSERVATION, SilverTables.QUARANTINE, BronzeTables.EXTRACT_ROW)) {
            spark.sql("DELETE FROM " + table.qualifiedName() + " WHERE file_sha256 IN (" + in + ")");
        }
        return orphans.size();
    }
}
