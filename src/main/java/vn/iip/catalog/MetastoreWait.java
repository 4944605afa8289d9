package vn.iip.catalog;

/**
 * A local warehouse's embedded Derby metastore admits one JVM. The run before this one released the warehouse lock
 * at its end, but its JVM keeps the database open until it exits (a moment later, or after publishing the BI mart),
 * and a query (jobs/iip sql) holds it while it runs: Derby's "another instance has booted the database" (XSDB6)
 * then only means "wait".
 */
public final class MetastoreWait {
    private MetastoreWait() {}

    private static final int ATTEMPTS = 90;

    /** Attaches the warehouse, waiting while another process holds its metastore; {@code say} gets one line. */
    public static void attach(Warehouse warehouse, java.util.function.Consumer<String> say) {
        waiting(() -> {
            warehouse.attach();
            return null;
        }, say);
    }

    /** {@link Warehouse#attach(java.util.function.Supplier)}, waiting like {@link #attach(Warehouse, java.util.function.Consumer)}. */
    public static <T> T attach(Warehouse warehouse, java.util.function.Consumer<String> say,
                               java.util.function.Supplier<T> alongside) {
        return waiting(() -> warehouse.attach(alongside), say);
    }

    private static <T> T waiting(java.util.function.Supplier<T> attach, java.util.function.Consumer<String> say) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attach.get();
            } catch (RuntimeException e) {
                if (!heldByAnotherJvm(e) || attempt >= ATTEMPTS) {
                    if (heldByAnotherJvm(e)) {
                        throw new vn.iip.IipException("The warehouse's metastore (embedded Derby in its metastore_db"
                                + " folder) stayed open in another process for " + ATTEMPTS + " s; stop that process"
                                + " (a jobs/iip run or sql on the same warehouse) and run again", e);
                    }
                    throw e;
                }
                if (attempt == 1) {
                    say.accept("waiting  for another process to close the warehouse's metastore (embedded Derby)");
                }
                sleep();
            }
        }
    }

    static boolean heldByAnotherJvm(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("XSDB6")) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && "XSDB6".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new vn.iip.IipException("Interrupted while waiting for the warehouse's metastore", e);
        }
    }
}
