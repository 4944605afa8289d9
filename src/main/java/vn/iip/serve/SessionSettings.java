package vn.iip.serve;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.Option;
import scala.Tuple2;

/**
 * The session settings an analyst may change (SET key = value, or the client's conf.set): presentation and time
 * zone, nothing that decides where data comes from. {@code spark.sql.catalog.x = <class>} would instantiate any
 * class and read any JDBC database, {@code spark.sql.runSQLOnFiles} would reopen reading files by path. Values of
 * secret settings (the endpoint's token, a metastore password) are never shown.
 */
final class SessionSettings {
    private SessionSettings() {}

    static final Set<String> ANALYST_SETTABLE = Set.of("spark.sql.session.timeZone", "spark.sql.ansi.enabled",
            "spark.sql.shuffle.partitions", "spark.sql.caseSensitive", "spark.sql.legacy.timeParserPolicy",
            "spark.sql.datetime.java8API.enabled", "spark.sql.execution.arrow.maxRecordsPerBatch",
            "spark.sql.repl.eagerEval.enabled", "spark.sql.repl.eagerEval.maxNumRows",
            "spark.sql.repl.eagerEval.truncate", "spark.sql.pivotMaxValues", "spark.sql.debug.maxToStringFields");

    /** Spark's own redaction pattern (spark.redaction.regex default), applied to the whole key. */
    private static final Pattern SECRET = Pattern.compile("(?i)secret|password|token|access[.]?key");

    static boolean settable(String key) {
        return ANALYST_SETTABLE.contains(key);
    }

    static boolean secret(String key) {
        return SECRET.matcher(key).find();
    }

    static String setRefusal(String key) {
        return ReadOnlyGuard.READ_ONLY + "setting " + key + " is not allowed: it could change where data is read"
                + " from or how the server runs. Analysts may set " + String.join(", ", ANALYST_SETTABLE.stream()
                .sorted().toList()) + ".";
    }

    /** SET key = value: only the settable keys; SET, SET -v and SET key (which show, redacted) are fine. */
    @SuppressWarnings("unchecked")
    static Optional<String> setCommandRefusal(LogicalPlan command) {
        Object kv = ReadOnlyGuard.property(command, "kv");
        if (!(kv instanceof Option<?> option) || option.isEmpty()) {
            return Optional.empty();
        }
        Tuple2<String, Option<String>> pair = (Tuple2<String, Option<String>>) option.get();
        if (pair._2().isEmpty() || settable(pair._1().trim())) {
            return Optional.empty();
        }
        return Optional.of(setRefusal(pair._1().trim()));
    }
}
