package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.iip.testing.SharedWarehouse;

/** Known, unchanged landing files are left unread; changed, new and differently sized ones are read. */
class ExtractSourceTest {

    @Test
    void filesIngestedBeforeFromTheSamePathAndUnchangedSinceAreNotRead() throws Exception {
        SparkSession spark = SharedWarehouse.spark();
        Path folder = Files.createTempDirectory("iip-landing");
        Path unchanged = Files.writeString(folder.resolve("unchanged.csv"), "release_date,publisher\n");
        Path resized = Files.writeString(folder.resolve("resized.csv"), "release_date,publisher,period\n");
        Path touched = Files.writeString(folder.resolve("touched.csv"), "release_date\n");
        Path fresh = Files.writeString(folder.resolve("new.csv"), "period\n");
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Timestamp ingested = new Timestamp(System.currentTimeMillis() + 60_000);
        Timestamp beforeTouch = new Timestamp(System.currentTimeMillis() - 60_000);
        Map<String, ExtractSource.KnownFile> known = Map.of(
                hadoopPath(unchanged), new ExtractSource.KnownFile(Files.size(unchanged), ingested),
                hadoopPath(resized), new ExtractSource.KnownFile(Files.size(resized) + 1, ingested),
                hadoopPath(touched), new ExtractSource.KnownFile(Files.size(touched), beforeTouch));

        ExtractSource.Selection selection = ExtractSource.select(spark, folder.toString(), known);

        assertEquals(1, selection.unchanged());
        List<String> read = selection.files().select("path").orderBy("path").collectAsList().stream()
                .map(r -> r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1)).toList();
        assertEquals(List.of("new.csv", "resized.csv", "touched.csv"), read);
        assertEquals(fresh.getFileName().toString(), read.get(0));
        // With nothing known, every file is read (the folder as Spark lists it: _SUCCESS is not data).
        assertEquals(4L, ExtractSource.select(spark, folder.toString(), Map.of()).files().count());
    }

    private static String hadoopPath(Path file) {
        return new org.apache.hadoop.fs.Path(file.toUri()).toString();
    }
}
