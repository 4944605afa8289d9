package vn.iip.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;

/**
 * What {@code jobs/iip status} prints: the newest release per publisher, the release calendar's state on a given day
 * (overdue and missing releases), the last run and its outcome, quarantine by rule over the last runs, the gold table
 * versions readers see, and the computed and seasonally adjusted IIP. Every part is an aggregate of a few rows.
 */
public final class WarehouseStatus {
    private WarehouseStatus() {}

    /** Runs whose quarantine is counted by rule. */
    public static final int RECENT_RUNS = 5;

    public static void print(SparkSession spark, String warehouse, LocalDate today, PrintStream out) {
        out.println("warehouse " + warehouse + " (status on " + today + ", Vietnam's date)");
        releases(spark, out);
        calendar(spark, today, out);
        runs(spark, out);
        publish(spark, out);
        computed(spark, out);
    }

    private static void releases(SparkSession spark, PrintStream out) {
        List<Row> newest = spark.table(GoldTables.DIM_RELEASE.qualifiedName()).groupBy("publisher")
                .agg(max_by(col("release_id"), col("release_date")), max(col("release_date")),
                        count(lit(1)), max_by(col("periods"), col("release_date")))
                .orderBy("publisher").collectAsList();
        out.println("newest release per publisher:" + (newest.isEmpty() ? " none loaded" : ""));
        for (Row row : newest) {
            out.printf("  %-32s %s  (%d release(s) in all; newest holds %s)%n", row.getString(0), row.getDate(2),
                    row.getLong(3), row.getString(4));
        }
    }

    private static void calendar(SparkSession spark, LocalDate today, PrintStream out) {
        Dataset<Row> calendar = spark.table(GoldTables.RELEASE_CALENDAR.qualifiedName());
        List<Row> rows = calendar.groupBy("publisher", "period_type")
                .agg(max(when(col("first_release_id").isNotNull(), col("period"))).as("newest"),
                        max(when(col("status").equalTo("awaited"), col("period"))).as("next"),
                        max(when(col("status").equalTo("awaited"), col("expected_date"))).as("due"),
                        max(when(col("status").equalTo("awaited"), col("grace_days"))).as("grace"),
                        sum(when(col("status").equalTo("missing"), 1).otherwise(0)).as("missing"),
                        sum(when(col("status").equalTo("late"), 1).otherwise(0)).as("late"),
                        max(when(col("status").equalTo("awaited"), datediff(lit(java.sql.Date.valueOf(today)),
                                col("expected_date")))).as("days"))
                .orderBy("publisher", "period_type").collectAsList();
        out.println("release calendar:" + (rows.isEmpty() ? " no scheduled publisher has a release" : ""));
        for (Row row : rows) {
            String next = row.isNullAt(3) ? "" : row.getInt(8) > row.getInt(5)
                    ? String.format("; %s was due %s: OVERDUE by %d day(s)", row.getString(3), row.getDate(4),
                            row.getInt(8))
                    : String.format("; %s due %s", row.getString(3), row.getDate(4));
            out.printf("  %-8s %-8s newest %s%s; %d missing, %d late%n", row.getString(0), row.getString(1),
                    row.getString(2), next, row.getLong(6), row.getLong(7));
        }
    }

    private static void runs(SparkSession spark, PrintStream out) {
        List<Row> last = spark.table(SilverTables.RUN_LOG.qualifiedName()).orderBy(col("started_at").desc())
                .limit(RECENT_RUNS).select("run_id", "started_at", "outcome", "elapsed_seconds", "files_new",
                        "observations_added", "quarantined_added", "total_observations", "total_quarantined",
                        "message").collectAsList();
        if (last.isEmpty()) {
            out.println("last run: none");
            return;
        }
        Row run = last.get(0);
        out.printf("last run: %s %s (started %s UTC%s): %s new file(s), %s observation(s) and %s quarantined row(s)"
                        + " added; %s observations and %s quarantined in all%s%n", run.getString(0), run.getString(2),
                run.getTimestamp(1).toInstant(), run.isNullAt(3) ? "" : String.format(", %.1f s", run.getDouble(3)),
                run.get(4), run.get(5), run.get(6), run.get(7), run.get(8),
                run.isNullAt(9) ? "" : ": " + run.getString(9));
        List<String> runIds = last.stream().map(r -> r.getString(0)).toList();
        List<Row> byRule = spark.table(SilverTables.QUARANTINE.qualifiedName())
                .filter(col("run_id").isin(runIds.toArray())).groupBy("run_id", "rule_id").count()
                .orderBy(col("run_id").desc(), col("count").desc(), col("rule_id")).collectAsList();
        out.println("quarantine by rule, last " + runIds.size() + " run(s):" + (byRule.isEmpty() ? " none" : ""));
        for (Row row : byRule) {
            out.printf("  %-30s %-28s %6d%n", row.getString(0), row.getString(1), row.getLong(2));
        }
    }

    private static void publish(SparkSession spark, PrintStream out) {
        List<Row> newest = spark.table(GoldTables.GOLD_PUBLISH.qualifiedName()).orderBy(col("publish_id").desc())
                .limit(1).collectAsList();
        if (newest.isEmpty()) {
            out.println("gold: never published");
            return;
        }
        Row row = newest.get(0);
        out.printf("gold published %s UTC by run %s; table versions readers see:%n",
                row.getTimestamp(2).toInstant(), row.getString(1));
        Map<String, Long> versions = new java.util.TreeMap<>(row.getJavaMap(3));
        StringBuilder line = new StringBuilder("  ");
        for (Map.Entry<String, Long> entry : versions.entrySet()) {
            String item = entry.getKey() + " v" + entry.getValue();
            if (line.length() + item.length() > 110) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder("  ");
            }
            line.append(item).append("  ");
        }
        out.println(line.toString().stripTrailing());
    }

    private static void computed(SparkSession spark, PrintStream out) {
        List<Row> computed = spark.table(GoldTables.FACT_IIP_COMPUTED.qualifiedName())
                .agg(max(col("computed_as_of")), max_by(col("run_id"), col("computed_as_of")), count(lit(1)),
                        max(when(col("period_type").equalTo("month"), col("period"))))
                .collectAsList();
        Row c = computed.get(0);
        out.println(c.getLong(2) == 0 ? "computed IIP: none (no survey computed)" : String.format("computed IIP: %d"
                + " vintage row(s), newest month %s, survey as of %s (run %s)", c.getLong(2), c.getString(3),
                c.getDate(0), c.getString(1)));
        List<Row> runs = spark.table(GoldTables.SA_DIAGNOSTICS.qualifiedName())
                .groupBy("method").agg(max(col("run_id")).as("run")).collectAsList();
        for (Row method : runs) {
            List<Row> statuses = spark.table(GoldTables.SA_DIAGNOSTICS.qualifiedName())
                    .filter(col("method").equalTo(method.getString(0)).and(col("run_id").equalTo(method.getString(1))))
                    .groupBy("status").count().orderBy("status").collectAsList();
            out.printf("seasonal adjustment %s (run %s): %s%n", method.getString(0), method.getString(1),
                    String.join(", ", statuses.stream().map(r -> r.getLong(1) + " " + r.getString(0)).toList()));
        }
        if (runs.isEmpty()) {
            out.println("seasonal adjustment: none");
        }
    }
}
