package vn.iip.mart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.iip.catalog.ColumnSpec;

/** PostgreSQL statements for the mart (pure text; {@link MartPublisher} runs them). */
public final class MartDdl {
    private MartDdl() {}

    public static String createTable(String schema, MartTable table) {
        return "CREATE TABLE " + schema + "." + table.name() + " (\n  "
                + table.columns().stream().map(c -> c.name() + " " + postgresType(c.type()))
                        .collect(Collectors.joining(",\n  "))
                + (table.primaryKey().isEmpty() ? "" : ",\n  PRIMARY KEY (" + String.join(", ", table.primaryKey())
                        + ")") + "\n)";
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
