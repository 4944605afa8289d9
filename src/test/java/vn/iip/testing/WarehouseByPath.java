package vn.iip.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;
import vn.iip.catalog.Warehouse;

/**
 * A query over another warehouse's stored Delta tables, read by path in the shared test session: no second JVM, and
 * none of that warehouse's catalog (so no view of it either). Each {@code schema.table} of the warehouse becomes a
 * temporary view of the table's folder. Answers as CSV-like lines ({@code Row.mkString(",")}), the header first.
 */
public final class WarehouseByPath {
    private WarehouseByPath() {}

    private static final Pattern NAME = Pattern.compile("\\b(iip_\\w+)\\.(\\w+)\\b");

    public static List<String> sql(String warehouse, String query) {
        var spark = SharedWarehouse.spark();
        Warehouse folders = new Warehouse(null, warehouse);
        List<TableSpec> tables = new ArrayList<>(BronzeTables.all());
        tables.addAll(SilverTables.all());
        tables.addAll(GoldTables.all());
        StringBuilder text = new StringBuilder();
        Matcher name = NAME.matcher(query);
        int end = 0;
        while (name.find()) {
            TableSpec table = tables.stream().filter(t -> t.qualifiedName().equals(name.group())).findFirst()
                    .orElse(null);
            // A name left unmapped (iip_gold's views) would read the shared test warehouse instead of this one.
            assertFalse(table == null, name.group() + " is no stored table; query " + GoldTables.STORE_SCHEMA
                    + "'s tables by path, not iip_gold's views");
            String view = "by_path_" + name.group(1) + "_" + name.group(2);
            spark.read().format("delta").load(folders.location(table)).createOrReplaceTempView(view);
            text.append(query, end, name.start()).append(view);
            end = name.end();
        }
        text.append(query.substring(end));
        var result = spark.sql(text.toString());
        List<String> lines = new ArrayList<>(List.of(String.join(",", result.columns())));
        result.collectAsList().forEach(row -> lines.add(row.mkString(",")));
        return lines;
    }
}
