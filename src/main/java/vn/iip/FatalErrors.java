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

    /** The last fatal error recorded in this JVM, or null. */
    public static String last() {
        return last;
    }
}
