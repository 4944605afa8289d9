package vn.iip.docs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.SilverTables;
import vn.iip.conform.Rules;

/** Every quarantine rule with how many rows broke it and the newest example's reason (problem, cause, fix). */
final class RulePage {
    private RulePage() {}

    /** The rule ids, in the order {@link Rules} declares them. */
    static List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (Field field : Rules.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    ids.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ids;
    }

    static String page(SparkSession spark) {
        Map<String, Row> seen = new HashMap<>();
        // One row per rule met (a few dozen at most).
        for (Row row : spark.table(SilverTables.QUARANTINE.qualifiedName()).groupBy("rule_id")
                .agg(count(lit(1)), max_by(col("reason"), col("ingested_at")), max_by(col("raw_value"),
                        col("ingested_at"))).collectAsList()) {
            seen.put(row.getString(0), row);
        }
        List<List<Object>> cells = new ArrayList<>();
        for (String rule : ruleIds()) {
            Row row = seen.remove(rule);
            cells.add(List.of(rule, row == null ? 0L : row.getLong(1), row == null ? "" : row.getString(3) == null
                    ? "" : row.getString(3), row == null ? "(no row has broken it in this warehouse)"
                    : row.getString(2)));
        }
        for (Row row : seen.values()) {
            cells.add(List.of(row.getString(0), row.getLong(1), "", row.getString(2)));
        }
        return "<p>A row that breaks a rule goes to " + SilverTables.QUARANTINE.qualifiedName() + " with the rule id"
                + " and a reason naming the file, the place, the value and the fix; nothing is dropped. The README"
                + " (\"Quarantine rules\") explains each rule.</p>\n"
                + Html.table(List.of("rule_id", "rows", "newest offending value", "newest example's reason"), cells);
    }
}
