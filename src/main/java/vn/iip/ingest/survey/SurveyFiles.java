package vn.iip.ingest.survey;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The files of a survey landing folder (any Hadoop file system): listed with their size and modification time, so
 * a file already loaded is known without reading it; a new file's kind is told by its header (first line, or the
 * Parquet schema), and its rows are read by Spark's own splittable readers, each with its line number.
 */
public final class SurveyFiles {
    private SurveyFiles() {}

    /** What a survey file holds, told by its columns (any order, any case). */
    public enum Kind {
        ROUNDS("period", "collected_on", "enterprise_id", "province_code", "vsic4", "product_code", "unit",
                "quantity", "response"),
        BASKET("weight_base_year", "product_code", "vsic4", "unit", "output_value"),
        VALUE_ADDED("weight_base_year", "geo_code", "vsic4", "value_added");

        private final List<String> columns;

        Kind(String... columns) {
            this.columns = List.of(columns);
        }

        public List<String> columns() {
            return columns;
        }

        /** The kind whose columns the header has (exactly those, any order), or null. */
        static Kind of(List<String> header) {
            for (Kind kind : values()) {
                if (header.size() == kind.columns.size() && header.containsAll(kind.columns)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** A listed file: its identity (path, size, modification time) and, once looked at, its kind and header. */
    public record SurveyFile(String path, long size, long modifiedAt, Kind kind, List<String> header) {
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        boolean parquet() {
            return path.toLowerCase(Locale.ROOT).endsWith(".parquet");
        }
    }

    /** Every data file under the folder (subfolders included; names starting with '.' or '_' skipped). */
    public static List<SurveyFile> list(SparkSession spark, String folder) {
        Path root = new Path(folder);
        List<SurveyFile> files = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
            while (listing.hasNext()) {
                FileStatus status = listing.next();
                String name = status.getPath().getName();
                if (status.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                    files.add(new SurveyFile(status.getPath().toString(), status.getLen(), status.getModificationTime(),
                            null, null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the survey folder " + folder + ": " + e.getMessage(), e);
        }
        files.sort(java.util.Comparator.comparing(SurveyFile::path));
        return files;
    }

    /** The file with its header and kind (null when the header is none of the kinds'). */
    public static SurveyFile identify(SparkSession spark, SurveyFile file) {
        List<String> header;
        try {
            header = file.parquet() ? parquetHeader(spark, file.path()) : csvHeader(spark, file.path());
        } catch (Exception e) {
            // A corrupt or half-written file: rejected whole, with the reader's reason, and the run goes on (Spark
            // throws its checked SparkException from Scala code).
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            header = List.of(UNREADABLE + reason.lines().findFirst().orElse("") + ")");
        }
        return new SurveyFile(file.path(), file.size(), file.modifiedAt(), Kind.of(header), header);
    }

    /** The first field beyond the header's, when a CSV row has more (null otherwise). */
    public static final String EXTRA_FIELDS = "extra_fields";

    /** How the header of a file that cannot be read starts. */
    public static final String UNREADABLE = "(unreadable: ";

    private static List<String> csvHeader(SparkSession spark, String location) {
        Path path = new Path(location);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String name : line.replace("\uFEFF", "").split(",", -1)) {
                names.add(name.trim().replace("\"", "").toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    private static List<String> parquetHeader(SparkSession spark, String location) {
        List<String> names = new ArrayList<>();
        for (String name : spark.read().parquet(location).schema().fieldNames()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /**
     * The rows of files of one kind as strings in the kind's column order, with file_path (as Spark names it) and
     * row_number (the line in the file, header = 1; for Parquet the row's position + 1). Files with the same header
     * are read together; a row number is the rows of the file's earlier splits plus the row's place in its split.
     */
    public static Dataset<Row> rows(SparkSession spark, List<SurveyFile> files, Kind kind) {
        Map<String, List<SurveyFile>> byLayout = new LinkedHashMap<>();
        for (SurveyFile file : files) {
            byLayout.computeIfAbsent((file.parquet() ? "parquet:" : "csv:") + file.header(), k -> new ArrayList<>())
                    .add(file);
        }
        Dataset<Row> all = null;
        for (List<SurveyFile> group : byLayout.values()) {
            String[] paths = group.stream().map(SurveyFile::path).toArray(String[]::new);
            if (group.get(0).parquet()) {
                // One read per file: files with the same names may differ in types (INT32 vs DOUBLE quantities).
                for (String path : paths) {
                    Dataset<Row> numbered = numbered(spark.read().parquet(path), kind);
                    all = all == null ? numbered : all.unionByName(numbered);
                }
                continue;
            }
            // The file's own header order, every value a string, and one column more: a row with more fields than
            // the header (an unquoted decimal comma) is told, not silently cut.
            org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
            for (String name : group.get(0).header()) {
                schema = schema.add(name, org.apache.spark.sql.types.DataTypes.StringType);
            }
            schema = schema.add(EXTRA_FIELDS, org.apache.spark.sql.types.DataTypes.StringType);
            Dataset<Row> read = spark.read().schema(schema).option("header", "true").option("enforceSchema", "true")
                    .option("mode", "PERMISSIVE").option("encoding", "UTF-8").csv(paths);
            Dataset<Row> numbered = numbered(read, kind);
            all = all == null ? numbered : all.unionByName(numbered);
        }
        return all;
    }

    private static Dataset<Row> numbered(Dataset<Row> read, Kind kind) {
        Map<String, String> byLowerName = new LinkedHashMap<>();
        for (String name : read.columns()) {
            byLowerName.put(name.trim().replace("\uFEFF", "").toLowerCase(Locale.ROOT), name);
        }
        List<Column> columns = new ArrayList<>();
        for (String name : kind.columns()) {
            columns.add(col("`" + byLowerName.get(name) + "`").cast("string").as(name));
        }
        // Spark's file_path is URL-encoded (a Vietnamese or spaced name becomes %C4%91…); stored and matched decoded,
        // as the listing spells it ('+' is a plus in a path, not a space).
        columns.add(org.apache.spark.sql.functions.url_decode(org.apache.spark.sql.functions.regexp_replace(
                col("_metadata.file_path"), "\\+", "%2B")).as("file_path"));
        columns.add(col("_metadata.file_block_start").as("block_start"));
        columns.add(byLowerName.containsKey(EXTRA_FIELDS) ? col(EXTRA_FIELDS)
                : lit(null).cast("string").as(EXTRA_FIELDS));
        Dataset<Row> withIds = read.select(columns.toArray(Column[]::new))
                .withColumn("record_id", monotonically_increasing_id());
        var earlierBlocks = Window.partitionBy("file_path").orderBy("block_start")
                .rowsBetween(Window.unboundedPreceding(), -1);
        Dataset<Row> blocks = withIds.groupBy("file_path", "block_start")
                .agg(count(lit(1)).as("block_rows"), min("record_id").as("first_record"))
                .withColumn("rows_before", coalesce(sum("block_rows").over(earlierBlocks), lit(0L)));
        return withIds.join(broadcast(blocks), new String[] {"file_path", "block_start"})
                .withColumn("row_number", col("rows_before").plus(col("record_id")).minus(col("first_record")).plus(2))
                .drop("block_start", "record_id", "block_rows", "first_record", "rows_before");
    }
}
