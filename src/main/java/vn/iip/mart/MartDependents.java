package vn.iip.mart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects outside the mart schema that depend on it: analysts' views and materialized views over mart tables,
 * foreign keys that reference them, functions whose bodies use them, columns of a mart table's row type. The swap
 * drops the old schema with CASCADE, which would drop those silently; so a publish finding any is refused, naming
 * them, and the mart stays as it is.
 */
final class MartDependents {
    private MartDependents() {}

    /** Normal dependencies on a mart table or type, from objects that are not themselves in the mart schema. */
    private static final String QUERY = """
            WITH mart AS (SELECT oid FROM pg_namespace WHERE nspname = ?)
            SELECT DISTINCT CASE WHEN d.classid = 'pg_rewrite'::regclass
                       THEN (SELECT CASE v.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END
                                    || r.ev_class::regclass::text
                             FROM pg_rewrite r JOIN pg_class v ON v.oid = r.ev_class WHERE r.oid = d.objid)
                       ELSE pg_describe_object(d.classid, d.objid, 0) END AS dependent
            FROM pg_depend d
            WHERE d.deptype = 'n'
              AND ((d.refclassid = 'pg_class'::regclass
                    AND d.refobjid IN (SELECT c.oid FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM mart)))
                OR (d.refclassid = 'pg_type'::regclass
                    AND d.refobjid IN (SELECT t.oid FROM pg_type t WHERE t.typnamespace = (SELECT oid FROM mart))))
              AND NOT EXISTS (SELECT 1 FROM pg_rewrite r JOIN pg_class v ON v.oid = r.ev_class
                              WHERE d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
                                AND v.relnamespace = (SELECT oid FROM mart))
              AND NOT EXISTS (SELECT 1 FROM pg_class x WHERE d.classid = 'pg_class'::regclass AND x.oid = d.objid
                                AND x.relnamespace = (SELECT oid FROM mart))
              AND NOT EXISTS (SELECT 1 FROM pg_type x WHERE d.classid = 'pg_type'::regclass AND x.oid = d.objid
                                AND x.typnamespace = (SELECT oid FROM mart))
              AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE d.classid = 'pg_constraint'::regclass
                                AND x.oid = d.objid AND x.connamespace = (SELECT oid FROM mart))
              AND NOT EXISTS (SELECT 1 FROM pg_attrdef a JOIN pg_class x ON x.oid = a.adrelid
                              WHERE d.classid = 'pg_attrdef'::regclass AND a.oid = d.objid
                                AND x.relnamespace = (SELECT oid FROM mart))
            ORDER BY 1
            """;

    static List<String> of(Connection connection, String schema) throws SQLException {
        List<String> dependents = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    dependents.add(rows.getString(1));
                }
            }
        }
        return dependents;
    }

    static void refuseIfAny(Connection connection, String schema) throws SQLException {
        List<String> dependents = of(connection, schema);
        if (!dependents.isEmpty()) {
            throw new vn.iip.IipException("Refusing to publish the BI mart: " + String.join(", ", dependents)
                    + " depend" + (dependents.size() == 1 ? "s" : "") + " on " + schema + ", and replacing the schema"
                    + " would drop " + (dependents.size() == 1 ? "it" : "them") + "; save the definition (SELECT"
                    + " pg_get_viewdef('NAME')), drop " + (dependents.size() == 1 ? "it" : "them") + ", publish, then"
                    + " create " + (dependents.size() == 1 ? "it" : "them") + " again. The mart is unchanged.");
        }
    }
}
