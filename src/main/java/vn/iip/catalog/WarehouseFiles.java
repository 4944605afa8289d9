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

    private static final java.util.regex.Pattern COMMIT = java.util.regex.Pattern.compile("(\\d{20})\\.json");

    /**
     * The newest committed version of the Delta table at {@code table}: the highest commit file in its log (the
     * Delta protocol names each commit {@code _delta_log/<version, 20 digits>.json}). A listing, not a Spark job.
     */
    static long newestDeltaVersion(SparkSession spark, String table) {
        Path log = new Path(table + "/_delta_log");
        try {
            long newest = -1;
            for (org.apache.hadoop.fs.FileStatus file : log.getFileSystem(spark.sparkContext().hadoopConfiguration())
                    .listStatus(log)) {
                java.util.regex.Matcher commit = COMMIT.matcher(file.getPath().getName());
                if (commit.matches()) {
                    newest = Math.max(newest, Long.parseLong(commit.group(1)));
                }
            }
            if (newest < 0) {
                throw new IllegalStateException("No Delta commit in " + log + "; the table is damaged");
            }
            return newest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + log + ": " + e.getMessage(), e);
        }
    }

    /** The file's text (trimmed), or null when there is none. */
    static String readText(SparkSession spark, String location) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                return null;
            }
            try (InputStream in = fs.open(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
        } catch (IOException e) {
            return null;
        }
    }

    static void writeText(SparkSession spark, String location, String text) {
        Path path = new Path(location);
        try (OutputStream out = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(path, true)) {
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + location + ": " + e.getMessage(), e);
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
