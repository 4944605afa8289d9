package vn.iip.serve;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iip.catalog.BronzeTables;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;

/**
 * What analysts may name on the SQL endpoint: the tables, views and functions of the warehouse schemas, or a
 * one-part name (their own temporary views, CTEs, a table of the current schema). Anything else — a file by path
 * ({@code text.`/etc/passwd`}, {@code delta.`/tmp/x`}), another catalog, another schema — is refused before
 * Spark resolves it, so no file is even opened.
 */
final class WarehouseNames {
    private WarehouseNames() {}

    static final Set<String> SCHEMAS = Set.of(BronzeTables.SCHEMA, SilverTables.SCHEMA, GoldTables.SCHEMA,
            GoldTables.STORE_SCHEMA);
    private static final String SESSION_CATALOG = "spark_catalog";

    /** Whether a relation named by these parts is one of the warehouse's (or a one-part, session name). */
    static boolean allowed(List<String> parts) {
        return switch (parts.size()) {
            case 1 -> true;
            case 2 -> isSchema(parts.get(0));
            case 3 -> parts.get(0).toLowerCase(Locale.ROOT).equals(SESSION_CATALOG) && isSchema(parts.get(1));
            default -> false;
        };
    }

    static boolean isSchema(String name) {
        return name != null && SCHEMAS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** `a`.`b` as SQL writes it, for messages. */
    static String quoted(List<String> parts) {
        return String.join(".", parts.stream().map(p -> p.matches("[A-Za-z_][A-Za-z0-9_]*") ? p
                : "`" + p.replace("`", "``") + "`").toList());
    }

    /** The sentence every refusal ends with. */
    static String whatAnalystsRead() {
        return "Analysts read the tables, views and functions of " + String.join(", ", SCHEMAS.stream().sorted()
                .toList()) + " (time travel included) by their names; other data comes in through jobs/iip run.";
    }
}
