package vn.iip.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/** The Spark shape of a {@link ParsedExtract}: one row per file with its rows nested. */
public final class ParsedExtractRows {
    private ParsedExtractRows() {}

    public static final StructType SCHEMA = StructType.fromDDL("path STRING, size_bytes BIGINT, sha256 STRING,"
            + " format STRING, encoding STRING, delimiter STRING, file_rule_id STRING, file_message STRING,"
            + " reader_notes STRING,"
            + " rows ARRAY<STRUCT<row_number: INT, place: STRING, raw_text: STRING, fields: MAP<STRING, STRING>,"
            + " rule_id: STRING, reason: STRING>>");

    /**
     * Reads one binaryFile row (path, length, content) with the matching reader. Runs on executors.
     *
     * @param sidecars sidecar bytes by the path of the file they describe (small; shipped with the closure)
     */
    public static MapFunction<Row, Row> reader(java.util.Map<String, byte[]> sidecars) {
        java.util.HashMap<String, byte[]> shipped = new java.util.HashMap<>(sidecars);
        return file -> {
            try {
                return toRow(ExtractReaders.read(file.getString(0), (byte[]) file.get(2),
                        shipped.get(file.getString(0))));
            } catch (OutOfMemoryError e) {
                // The memory this task took is garbage once it fails: an ordinary failure (no OutOfMemoryError as
                // its cause, which Spark would take as fatal and end the JVM with) lets the run log it and exit 1.
                String reason = "Ran out of memory reading " + file.getString(0) + " (" + file.getLong(1) / (1 << 20)
                        + " MB; a file is read whole by one task): give the job more memory with IIP_DRIVER_MEMORY"
                        + " (default 4g), or split the file";
                vn.iip.FatalErrors.record(reason);
                throw new vn.iip.IipException(reason);
            }
        };
    }

    static Row toRow(ParsedExtract parsed) {
        List<Row> rows = new ArrayList<>(parsed.rows().size());
        for (RawRecord record : parsed.rows()) {
            rows.add(RowFactory.create(record.rowNumber(), record.place(), record.rawText(),
                    CollectionConverters.asScala(record.fields()), record.ruleId(), record.reason()));
        }
        return RowFactory.create(parsed.path(), parsed.sizeBytes(), parsed.sha256(), parsed.format(),
                parsed.encoding(), parsed.delimiter(), parsed.fileRuleId(), parsed.fileMessage(), parsed.readerNotes(),
                CollectionConverters.asScala(rows).toSeq());
    }
}
