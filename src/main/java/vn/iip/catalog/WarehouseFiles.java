package vn.iip.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Small files of the warehouse itself (the layout marker), on whatever Hadoop file system holds it. */
final class WarehouseFiles {
    private WarehouseFiles() {}

    static boolean exists(SparkSession spark, String location) {
        try {
            Path path = new Path(location);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + location + ": " + e.getMessage(), e);
        }
    }

    /** The integer in the file, or 0 when there is none. */
    static int readInt(SparkSession spark, String location) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                return 0;
            }
            try (InputStream in = fs.open(path)) {
                return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static void writeInt(SparkSession spark, String location, int value) {
        Path path = new Path(location);
        try (OutputStream out = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(path, true)) {
            out.write((value + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + location + ": " + e.getMessage(), e);
        }
    }
}
