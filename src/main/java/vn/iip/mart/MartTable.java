package vn.iip.mart;

import java.util.List;
import vn.iip.catalog.ColumnSpec;

/**
 * A table of the PostgreSQL BI mart: its name and bilingual comment, its columns (with their Spark types and
 * comments, taken from the gold definitions), the primary key, the indexes for the usual filters, the gold table or
 * view it is copied from, and the gold Delta table whose version it reflects.
 */
public record MartTable(String name, String comment, List<ColumnSpec> columns, List<String> primaryKey,
                        List<List<String>> indexes, String source, String versionOf) {

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }
}
