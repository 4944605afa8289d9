package vn.iip.serve;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.AnalysisOnlyCommand;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Decides whether an analysed plan may run on the analysts' SQL endpoint. Everything is an allow-list, so what Spark
 * or Delta adds later is refused until reviewed:
 * <ul>
 * <li>commands: only those that look (SHOW, DESCRIBE, EXPLAIN, SET of a few session settings, USE, CACHE, temporary
 * views of a query); INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP, TRUNCATE, OPTIMIZE, VACUUM, RESTORE and
 * DataFrame writes are refused, whatever they target;</li>
 * <li>what a plan reads: tables and views of the warehouse schemas ({@link GuardedRelations}), values, ranges; never
 * a file by path or a data source the client names;</li>
 * <li>expressions: none that calls Java or user code ({@link GuardedExpressions}): reflect, UDFs, Hive functions.</li>
 * </ul>
 * Plans inside expressions (subqueries) and inside commands (a view's query) are judged the same way.
 */
public final class ReadOnlyGuard {
    private ReadOnlyGuard() {}

    static final String READ_ONLY = "The IIP SQL endpoint is read-only: ";

    private static final List<String> LOOKING_PREFIXES = List.of("Show", "Describe", "Explain", "CacheTable",
            "UncacheTable", "ClearCache");
    private static final Set<String> LOOKING = Set.of("SetCommand", "ResetCommand", "SetCatalogAndNamespace",
            "SetNamespaceCommand", "SetCatalogCommand", "RefreshTable", "RefreshTableCommand", "RefreshFunctionCommand",
            "CreateViewCommand");

    /** Empty when the plan may run; else the message it is refused with. */
    public static Optional<String> refusal(LogicalPlan plan) {
        return judged(plan);
    }

    private static Optional<String> judged(LogicalPlan plan) {
        Optional<String> here = node(plan);
        if (here.isPresent()) {
            return here;
        }
        for (Expression expression : CollectionConverters.asJava(plan.expressions())) {
            Optional<String> refused = expression(expression);
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (LogicalPlan child : inner(plan)) {
            Optional<String> refused = judged(child);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** The children, and the query an analysis-only command (CREATE TEMPORARY VIEW … AS) carries. */
    private static List<LogicalPlan> inner(LogicalPlan plan) {
        List<LogicalPlan> inner = new java.util.ArrayList<>(CollectionConverters.asJava(plan.children()));
        if (plan instanceof AnalysisOnlyCommand command && plan.children().isEmpty()) {
            inner.addAll(CollectionConverters.asJava(command.childrenToAnalyze()));
        }
        return inner;
    }

    private static Optional<String> node(LogicalPlan plan) {
        if (plan instanceof Command) {
            return command(plan);
        }
        if (plan.children().isEmpty()) {
            return GuardedRelations.refusal(plan);
        }
        return GuardedRelations.deltaTableRefusal(plan);
    }

    /**
     * The refusal of a statement as parsed, before anything is resolved: writes are told as writes even when their
     * target would not resolve as one (iip_gold's names are views), and so are commands that are not reads.
     */
    static Optional<String> parsedRefusal(LogicalPlan parsed) {
        if (parsed instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement) {
            return Optional.of(writeRefusal("InsertIntoStatement"));
        }
        return parsed instanceof Command ? command(parsed) : Optional.empty();
    }

    private static Optional<String> command(LogicalPlan command) {
        String name = command.getClass().getSimpleName();
        if (name.equals("CreateTempViewUsing")) {
            return Optional.of(READ_ONLY + "CREATE TEMPORARY VIEW … USING defines a data source of the client, which"
                    + " is not allowed; use CREATE TEMPORARY VIEW … AS SELECT over the warehouse. "
                    + WarehouseNames.whatAnalystsRead());
        }
        boolean looks = LOOKING.contains(name) || LOOKING_PREFIXES.stream().anyMatch(name::startsWith);
        if (!looks) {
            return Optional.of(writeRefusal(name));
        }
        // CREATE TEMPORARY VIEW lives in the analyst's session; a global one would change what others read.
        if (name.equals("CreateViewCommand") && !"LocalTempView".equals(String.valueOf(property(command, "viewType")))) {
            return Optional.of(writeRefusal(name));
        }
        if (name.equals("SetCommand")) {
            return SessionSettings.setCommandRefusal(command);
        }
        return GuardedRelations.deltaTableRefusal(command);
    }

    private static Optional<String> expression(Expression expression) {
        Optional<String> refused = GuardedExpressions.refusal(expression);
        if (refused.isPresent()) {
            return refused;
        }
        if (expression instanceof SubqueryExpression subquery) {
            refused = judged(subquery.plan());
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (Expression child : CollectionConverters.asJava(expression.children())) {
            refused = expression(child);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    static String writeRefusal(String command) {
        return READ_ONLY + verb(command) + " (" + command + ") would change the warehouse. Analysts read here; the"
                + " warehouse changes only through jobs/iip run. For results of your own, use CREATE TEMPORARY VIEW …"
                + " AS SELECT (it lives in your session only).";
    }

    /** A case-class field of a plan node by name (null when the node has none). */
    static Object property(Object node, String name) {
        try {
            return node.getClass().getMethod(name).invoke(node);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static String verb(String command) {
        if (command.matches("Add(Jars|Files|Archives)Command")) {
            return "ADD " + command.substring(3, command.length() - "sCommand".length()).toUpperCase(java.util.Locale.ROOT);
        }
        for (String verb : List.of("Drop", "Create", "Replace", "Alter", "Rename", "Add", "Insert", "Append",
                "Overwrite", "Delete", "Update", "Merge", "Truncate", "Optimize", "Vacuum", "Restore", "Clone",
                "Convert", "Repair", "Analyze", "Comment", "Refresh")) {
            if (command.startsWith(verb) || command.startsWith("Delta" + verb)) {
                return switch (verb) {
                    case "Replace" -> "CREATE OR REPLACE";
                    case "Rename", "Add" -> "ALTER";
                    case "Append", "Overwrite" -> "INSERT";
                    default -> verb.toUpperCase(java.util.Locale.ROOT);
                };
            }
        }
        if (command.contains("Column") || command.contains("Properties") || command.contains("Location")) {
            return "ALTER";
        }
        if (command.contains("Write") || command.contains("Save")) {
            return "a write";
        }
        return "a command";
    }
}
