package vn.iip.catalog;

/** A column: snake_case name, Spark SQL type, and its comment in English and Vietnamese ("English / Tiếng Việt"). */
public record ColumnSpec(String name, String type, String comment) {
    public static ColumnSpec of(String name, String type, String english, String vietnamese) {
        return new ColumnSpec(name, type, english + " / " + vietnamese);
    }

    public String ddl() {
        return name + " " + type + " COMMENT '" + Sql.quote(comment) + "'";
    }
}
