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

    /**
     * Whether the caller is the first to report this JVM's failure: when Spark ends the JVM while the run's own
     * thread also sees the failure, the terminal gets one line, not two.
     */
    public static boolean firstToReport() {
        return REPORTED.compareAndSet(false, true);
    }

    /** The last fatal error recorded in this JVM, or null. */
    public static String last() {
        return last;
    }
}
