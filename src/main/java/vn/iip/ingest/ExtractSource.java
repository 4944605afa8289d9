package vn.iip.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where landing files come from: a folder on any Hadoop file system (read by executors with Spark's binaryFile
 * source), or the sample extracts bundled in the jar (read from the classpath, so they work on any cluster).
 */
public final class ExtractSource {
    private ExtractSource() {}

    public static final String BUNDLED = "bundled:samples";
    private static final String SAMPLE_INDEX = "/samples/INDEX";
    public static final StructType FILES = StructType.fromDDL("path STRING, length BIGINT, content BINARY");

    public static Dataset<Row> read(SparkSession spark, String input) {
        if (input == null || BUNDLED.equals(input)) {
            return bundled(spark);
        }
        Path folder = new Path(input);
        try {
            requireFolder(folder.getFileSystem(spark.sparkContext().hadoopConfiguration()), folder, input);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach input folder " + input + ": " + e.getMessage(), e);
        }
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(input)
                .select("path", "length", "content");
    }

    /** A file an earlier run ingested from this path: its size and when (the newest such ingest). */
    public record KnownFile(long sizeBytes, java.sql.Timestamp ingestedAt) {}

    /** The files to read, and how many extracts were left unread as already ingested and unchanged. */
    public record Selection(Dataset<Row> files, int unchanged) {}

    /**
     * The landing files, without reading those an earlier run ingested from the same path that have not changed since
     * (same size, last modified before that ingest): a run that adds one month to ten years of releases reads one
     * file, not all of them. Every other file is read and known by its SHA-256 as before, so a copy of a known file
     * under another name is still skipped. The listing (names, sizes, times) is metadata, done on the driver.
     */
    public static Selection select(SparkSession spark, String input, java.util.Map<String, KnownFile> known) {
        if (input == null || BUNDLED.equals(input) || known.isEmpty()) {
            return new Selection(read(spark, input), 0);
        }
        List<String> toRead = new ArrayList<>();
        int unchanged = 0;
        for (FileStatus file : listed(spark, input)) {
            String path = file.getPath().toString();
            KnownFile before = known.get(path);
            if (before != null && before.sizeBytes() == file.getLen()
                    && file.getModificationTime() < before.ingestedAt().getTime()) {
                unchanged += path.endsWith(ReleaseMetadata.SIDECAR_SUFFIX) ? 0 : 1;
            } else {
                toRead.add(path);
            }
        }
        if (unchanged == 0) {
            return new Selection(read(spark, input), 0);
        }
        if (toRead.isEmpty()) {
            return new Selection(spark.createDataFrame(List.of(), FILES), unchanged);
        }
        // A path with glob characters would be read as a pattern: read the folder and keep the files instead.
        if (toRead.stream().anyMatch(p -> p.matches(".*[\\[\\]{}*?\\\\].*"))) {
            return new Selection(read(spark, input).filter(org.apache.spark.sql.functions.col("path")
                    .isin(toRead.toArray())), unchanged);
        }
        return new Selection(spark.read().format("binaryFile").load(toRead.toArray(String[]::new))
                .select("path", "length", "content"), unchanged);
    }

    /**
     * The sidecars ({@code FILE.release.properties}) of the input folder, by the path of the file each describes,
     * as binaryFile writes paths. Listed and read on the driver: they are few and small, and a Hadoop listing costs
     * far less than a Spark job. The bundled samples have none.
     */
    public static java.util.Map<String, byte[]> sidecars(SparkSession spark, String input) {
        java.util.Map<String, byte[]> sidecars = new java.util.HashMap<>();
        if (input == null || BUNDLED.equals(input)) {
            return sidecars;
        }
        Path folder = new Path(input);
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (FileStatus file : listed(spark, input)) {
                String name = file.getPath().toString();
                if (name.endsWith(ReleaseMetadata.SIDECAR_SUFFIX)) {
                    try (InputStream in = fs.open(file.getPath())) {
                        sidecars.put(name.substring(0, name.length() - ReleaseMetadata.SIDECAR_SUFFIX.length()),
                                in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sidecars in " + input + ": " + e.getMessage(), e);
        }
        return sidecars;
    }

    /**
     * The input folder's files, as Spark's file listing sees them (hidden names left out), listed once per folder
     * with {@code listStatus}: a recursive {@code listFiles} builds a located status per file, and on the local file
     * system each asks a forked {@code ls} for its permissions (about 25 ms a file: 3 s on ten years of releases).
     */
    private static List<FileStatus> listed(SparkSession spark, String input) {
        Path folder = new Path(input);
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            requireFolder(fs, folder, input);
            List<FileStatus> files = new ArrayList<>();
            java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>(List.of(folder));
            while (!folders.isEmpty()) {
                for (FileStatus entry : fs.listStatus(folders.pop())) {
                    String name = entry.getPath().getName();
                    if (name.startsWith(".") || name.startsWith("_")) {
                        continue;
                    }
                    if (entry.isDirectory()) {
                        folders.push(entry.getPath());
                    } else {
                        files.add(entry);
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list input folder " + input + ": " + e.getMessage(), e);
        }
    }

    private static void requireFolder(FileSystem fs, Path folder, String input) throws IOException {
        if (!fs.exists(folder)) {
            throw new IllegalArgumentException("Input folder " + input + " does not exist; pass --input with a folder"
                    + " of extract files, or omit it to load the bundled samples");
        }
    }

    private static Dataset<Row> bundled(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (String name : resourceText(SAMPLE_INDEX).split("\n")) {
            if (!name.isBlank() && !name.startsWith("#")) {
                byte[] content = resourceBytes("/samples/" + name.trim());
                rows.add(RowFactory.create(BUNDLED + "/" + name.trim(), (long) content.length, content));
            }
        }
        return spark.createDataFrame(rows, FILES);
    }

    private static String resourceText(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = ExtractSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Bundled sample " + name + " is missing from the jar; rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
