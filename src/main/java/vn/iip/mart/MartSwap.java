package vn.iip.mart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the mart by the loaded staging schema in one transaction. It first takes an exclusive lock on every
 * table of the old mart: from then on no statement is reading it, and a statement that starts meanwhile waits, then
 * resolves the names again and reads the new mart (PostgreSQL re-checks a name after waiting for its lock). So a
 * reader sees the old mart or the new one, never a mix. The wait for readers is bounded (lock_timeout): a publisher
 * that would wait longer, or close a deadlock with a reader, gives up that attempt and tries again, so readers are
 * never the ones aborted. Grants of the old mart (roles with USAGE on the schema) are carried over, and so is the
 * history in mart_release.
 */
final class MartSwap {
    private MartSwap() {}

    static final int LOCK_WAIT_MILLIS = 200;
    static final int ATTEMPTS = 300;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Returns the number of attempts it took. */
    static int swap(Connection connection, String staging, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    swapOnce(connection, staging, schema);
                    connection.commit();
                    return attempt;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || attempt >= ATTEMPTS) {
                        throw e;
                    }
                    pause();
                } catch (RuntimeException refused) {
                    connection.rollback();
                    throw refused;
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void swapOnce(Connection connection, String staging, String schema) throws SQLException {
        MartPublisher.execute(connection, "SET LOCAL lock_timeout = '" + LOCK_WAIT_MILLIS + "ms'");
        List<String> old = tables(connection, schema);
        if (!old.isEmpty()) {
            MartPublisher.execute(connection, "LOCK TABLE " + String.join(", ", old) + " IN ACCESS EXCLUSIVE MODE");
        }
        for (String role : readers(connection, schema)) {
            MartPublisher.execute(connection, "GRANT USAGE ON SCHEMA " + staging + " TO " + role);
            MartPublisher.execute(connection, "GRANT SELECT ON ALL TABLES IN SCHEMA " + staging + " TO " + role);
        }
        // Checked again under the locks: a view created since the publish began must not be dropped either.
        MartDependents.refuseIfAny(connection, schema);
        if (old.contains(schema + "." + MartTables.RELEASE.name())) {
            MartPublisher.execute(connection, "INSERT INTO " + staging + "." + MartTables.RELEASE.name() + " SELECT * FROM "
                    + schema + "." + MartTables.RELEASE.name());
        }
        MartPublisher.execute(connection, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        MartPublisher.execute(connection, "ALTER SCHEMA " + staging + " RENAME TO " + schema);
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname = ?"
                + " ORDER BY tablename", schema);
    }

    /** Roles (or PUBLIC) that may use the old mart schema, other than its owner. */
    private static List<String> readers(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text"
                + " END FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = ? AND a.privilege_type = 'USAGE'"
                + " AND a.grantee <> n.nspowner", schema);
    }

    private static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to swap the BI mart in", e);
        }
    }
}
