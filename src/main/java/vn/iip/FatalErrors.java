package vn.iip;

/**
 * What the job was doing when a fatal error (out of memory) struck a task. In local mode Spark then ends the whole
 * JVM before any exception reaches the command line; the shutdown that follows reports this instead of a bare exit
 * code. Executors in their own JVMs lose it with them, and the driver reports their failure as a failed job.
 */
public final class FatalErrors {
    private FatalErrors() {}

    private static volatile String last;

    public static void record(String what) {
        last = what;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean REPORTED = new java.util.concurrent.atomic.AtomicBoolean();
    private static volatile boolean watched;

    /** A run is under watch for a fatal end (its shutdown hook reports one): failures are reported once. */
    public static void watch(boolean on) {
        watched = on;
        if (on) {
            REPORTED.set(false);
        }
    }

    /**
     * Whether the caller should report the failure: always, unless a watched run's failure was reported already
     * (when Spark ends the JVM while the run's own thread also sees the failure, the terminal gets one line).
     */
    public static boolean firstToReport() {
        return !watched || REPORTED.compareAndSet(false, true);
    }

    /** The last fatal error recorded in this JVM, or null. */
    public static String last() {
        return last;
    }
}
