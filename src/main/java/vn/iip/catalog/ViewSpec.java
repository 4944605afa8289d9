package vn.iip.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A gold view: name, bilingual comment, commented columns (in select order) and the SELECT behind it. */
public record ViewSpec(String name, String comment, List<ColumnSpec> columns, String select) {

    public String qualifiedName() {
        return GoldTables.SCHEMA + "." + name;
    }

    public String createStatement() {
        return "CREATE OR REPLACE VIEW " + qualifiedName() + " (\n  "
                + columns.stream().map(c -> c.name() + " COMMENT '" + Sql.quote(c.comment()) + "'")
                        .collect(Collectors.joining(",\n  "))
                + "\n) COMMENT '" + Sql.quote(comment) + "'\nAS " + select;
    }
}
