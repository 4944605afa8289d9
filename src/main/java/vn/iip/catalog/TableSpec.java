package vn.iip.catalog;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table of the warehouse: schema (database), name, comment (en / vi), columns in order, and the columns it
 * is partitioned by (none for small tables).
 */
public record TableSpec(String schema, String name, String comment, List<ColumnSpec> columns,
                        List<String> partitionColumns) {

    public TableSpec(String schema, String name, String comment, List<ColumnSpec> columns) {
        this(schema, name, comment, columns, List.of());
    }

    /** The same table partitioned by these columns. */
    public TableSpec partitionedBy(String... columns) {
        return new TableSpec(schema, name, comment, this.columns, List.of(columns));
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    /** The folder under the warehouse that holds the table: its schema's, but the gold store keeps iip_gold. */
    String folder() {
        return schema.equals(GoldTables.STORE_SCHEMA) ? GoldTables.FOLDER : schema;
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public StructType structType() {
        return StructType.fromDDL(columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", ")));
    }

    public String createStatement(String location) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (\n  "
                + columns.stream().map(ColumnSpec::ddl).collect(Collectors.joining(",\n  "))
                + "\n) USING DELTA"
                + (partitionColumns.isEmpty() ? "" : "\nPARTITIONED BY (" + String.join(", ", partitionColumns) + ")")
                + "\nCOMMENT '" + Sql.quote(comment) + "'\nLOCATION '" + Sql.quote(location) + "'"
                + "\nTBLPROPERTIES (" + retentionProperties() + ")";
    }

    /**
     * Time travel keeps its promise: the Delta log (every version's description) is kept ten years, and files a
     * newer version no longer uses stay 180 days before VACUUM may delete them. A version readers or the BI mart
     * point at is always readable: gold_publish and mart_release name either a table's current version (whose files
     * VACUUM never deletes) or one younger than 180 days (README, "Retention and VACUUM").
     */
    public static final String LOG_RETENTION = "interval 3650 days";
    public static final String DELETED_FILE_RETENTION = "interval 180 days";

    public static String retentionProperties() {
        return "'delta.logRetentionDuration' = '" + LOG_RETENTION + "', 'delta.deletedFileRetentionDuration' = '"
                + DELETED_FILE_RETENTION + "'";
    }
}
