package vn.iip.serve;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Decides whether an analysed plan may run on the analysts' SQL endpoint: queries and the commands that only look
 * (SHOW, DESCRIBE, EXPLAIN, SET, USE, CACHE, temporary views) may; every other command — INSERT, UPDATE, DELETE,
 * MERGE, CREATE, ALTER, DROP, TRUNCATE, OPTIMIZE, VACUUM, RESTORE and writes through the DataFrame API — is refused,
 * whatever it targets. An allow-list, not a deny-list: a command Spark or Delta adds later is refused until reviewed.
 */
public final class ReadOnlyGuard {
    private ReadOnlyGuard() {}

    private static final List<String> LOOKING_PREFIXES = List.of("Show", "Describe", "Explain", "Refresh",
            "CacheTable", "UncacheTable", "ClearCache");
    private static final Set<String> LOOKING = Set.of("SetCommand", "ResetCommand", "SetCatalogAndNamespace",
            "SetNamespaceCommand", "SetCatalogCommand", "CreateTempViewUsing");

    /** Empty when the plan may run; else the message it is refused with. */
    public static Optional<String> refusal(LogicalPlan plan) {
        if (plan instanceof Command && !looks(plan)) {
            String name = plan.getClass().getSimpleName();
            return Optional.of("The IIP SQL endpoint is read-only: " + verb(name) + " (" + name + ") would change the"
                    + " warehouse. Analysts read here; the warehouse changes only through jobs/iip run. For results"
                    + " of your own, use CREATE TEMPORARY VIEW … AS SELECT (it lives in your session only).");
        }
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
            Optional<String> refused = refusal(child);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static boolean looks(LogicalPlan command) {
        String name = command.getClass().getSimpleName();
        if (LOOKING.contains(name) || LOOKING_PREFIXES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        // CREATE TEMPORARY VIEW: session-local, the warehouse is untouched.
        return name.equals("CreateViewCommand") && !viewType(command).equals("PersistedView");
    }

    private static String viewType(LogicalPlan command) {
        try {
            return String.valueOf(command.getClass().getMethod("viewType").invoke(command));
        } catch (ReflectiveOperationException e) {
            return "PersistedView";
        }
    }

    static String verb(String command) {
        for (String verb : List.of("Drop", "Create", "Replace", "Alter", "Rename", "Add", "Insert", "Append",
                "Overwrite", "Delete", "Update", "Merge", "Truncate", "Optimize", "Vacuum", "Restore", "Clone",
                "Convert", "Repair", "Analyze", "Comment")) {
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
