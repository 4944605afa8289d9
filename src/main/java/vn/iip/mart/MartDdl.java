package vn.iip.mart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.iip.catalog.ColumnSpec;

/** PostgreSQL statements for the mart (pure text; {@link MartPublisher} runs them). */
public final class MartDdl {
    private MartDdl() {}

    /** Which Delta table versions each publish copied, and how many rows each mart table got. */
    public static final String RELEASE_TABLE = "mart_release";

    public static String createTable(String schema, MartTable table) {
        return "CREATE TABLE " + schema + "." + table.name() + " (\n  "
                + table.columns().stream().map(c -> c.name() + " " + postgresType(c.type()))
                        .collect(Collectors.joining(",\n  "))
                + ",\n  PRIMARY KEY (" + String.join(", ", table.primaryKey()) + ")\n)";
    }

    public static List<String> indexes(String schema, MartTable table) {
        List<String> statements = new ArrayList<>();
        for (List<String> columns : table.indexes()) {
            statements.add("CREATE INDEX " + table.name() + "_by_" + String.join("_", columns) + " ON " + schema + "."
                    + table.name() + " (" + String.join(", ", columns) + ")");
        }
        return statements;
    }

    public static List<String> comments(String schema, MartTable table) {
        List<String> statements = new ArrayList<>();
        statements.add("COMMENT ON TABLE " + schema + "." + table.name() + " IS " + literal(table.comment()));
        for (ColumnSpec column : table.columns()) {
            statements.add("COMMENT ON COLUMN " + schema + "." + table.name() + "." + column.name() + " IS "
                    + literal(column.comment()));
        }
        return statements;
    }

    public static List<String> createReleaseTable(String schema) {
        String table = schema + "." + RELEASE_TABLE;
        return List.of("CREATE TABLE " + table + " (\n  publish_id text,\n  published_at timestamptz,\n"
                        + "  warehouse text,\n  table_name text,\n  source text,\n  delta_table text,\n"
                        + "  delta_version bigint,\n  row_count bigint,\n  PRIMARY KEY (publish_id, table_name)\n)",
                "COMMENT ON TABLE " + table + " IS " + literal("One row per mart table and publish: the Delta table"
                        + " version it was copied from / Mỗi lần xuất bản: phiên bản bảng Delta đã sao chép"),
                "COMMENT ON COLUMN " + table + ".publish_id IS " + literal("Publish (UTC time + random suffix) /"
                        + " Mã lần xuất bản"),
                "COMMENT ON COLUMN " + table + ".published_at IS " + literal("When the mart was swapped in /"
                        + " Thời điểm xuất bản"),
                "COMMENT ON COLUMN " + table + ".warehouse IS " + literal("Warehouse location / Vị trí kho dữ liệu"),
                "COMMENT ON COLUMN " + table + ".table_name IS " + literal("Mart table / Bảng trong mart"),
                "COMMENT ON COLUMN " + table + ".source IS " + literal("Gold table or view copied / Bảng hoặc"
                        + " view nguồn"),
                "COMMENT ON COLUMN " + table + ".delta_table IS " + literal("Delta table whose version is given /"
                        + " Bảng Delta"),
                "COMMENT ON COLUMN " + table + ".delta_version IS " + literal("Its Delta version (time travel:"
                        + " VERSION AS OF) / Phiên bản Delta"),
                "COMMENT ON COLUMN " + table + ".row_count IS " + literal("Rows copied / Số dòng đã sao chép"));
    }

    static String postgresType(String sparkType) {
        return switch (sparkType) {
            case "STRING" -> "text";
            case "INT" -> "integer";
            case "BIGINT" -> "bigint";
            case "DOUBLE" -> "double precision";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamptz";
            default -> throw new IllegalArgumentException("No PostgreSQL type for Spark type " + sparkType
                    + "; add it to MartDdl.postgresType");
        };
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
