package vn.iip.catalog;

/** SQL text helpers. */
public final class Sql {
    private Sql() {}

    /** Escapes a value for a single-quoted SQL string literal. */
    public static String quote(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
