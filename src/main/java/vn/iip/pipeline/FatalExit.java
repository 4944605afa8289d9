package vn.iip.pipeline;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;

/**
 * A run the JVM ends before it finishes: in local mode Spark ends the whole JVM with exit code 52 when a task runs
 * out of memory, and a kill signal ends it too, so no exception reaches the command line. A shutdown hook, run
 * before Spark stops, logs the run as failed with the reason (the file a task was reading when memory ran out, if
 * known), prints one line, and makes the exit code 1, as for every failed run.
 */
final class FatalExit implements AutoCloseable {
    /** Before the executor's hook (100) and SparkContext's (50), so Spark still runs the run_log update. */
    private static final int LOG_PRIORITY = 110;
    /** After Spark's cleanup (temporary folders: 25). */
    private static final int EXIT_PRIORITY = 1;

    private final Object logHook;
    private final Object exitHook;
    private volatile boolean running = true;
    private volatile boolean logged;
    private volatile boolean failed;
    private volatile boolean failureLogged;

    private FatalExit(SparkSession spark, String runId, Instant started) {
        vn.iip.FatalErrors.watch(true);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        logHook = org.apache.spark.util.ShutdownHookManager.addShutdownHook(LOG_PRIORITY, new AbstractFunction0<>() {
            @Override
            public BoxedUnit apply() {
                if (running || failed && !failureLogged) {
                    boolean wasRunning = running;
                    failed = true;
                    String reason = "run " + runId + " was stopped before it finished: " + (vn.iip.FatalErrors.last()
                            != null ? vn.iip.FatalErrors.last() : "Spark ended the JVM after a fatal error in a task (exit code 52 means out of"
                            + " memory: give the job more with IIP_DRIVER_MEMORY, default 4g), or it was killed")
                            + "; the next run removes what it left";
                    if (logged && !failureLogged) {
                        logWithin(spark, runId, started, reason);
                    }
                    if (wasRunning && vn.iip.FatalErrors.firstToReport()) {
                        err.println("iip: " + reason);
                    }
                }
                return BoxedUnit.UNIT;
            }
        });
        exitHook = org.apache.spark.util.ShutdownHookManager.addShutdownHook(EXIT_PRIORITY, new AbstractFunction0<>() {
            @Override
            public BoxedUnit apply() {
                if (failed) {
                    Runtime.getRuntime().halt(1);
                }
                return BoxedUnit.UNIT;
            }
        });
    }

    static FatalExit guard(SparkSession spark, String runId, Instant started) {
        return new FatalExit(spark, runId, started);
    }

    /** The run's start is in run_log: a fatal end can update that row. */
    void logged() {
        logged = true;
    }

    /** The run failed with an exception the command line reports (and exits 1 for). */
    void failed(boolean logged) {
        running = false;
        failed = true;
        failureLogged = logged;
    }

    private static void logWithin(SparkSession spark, String runId, Instant started, String reason) {
        Thread log = new Thread(() -> RunLog.failed(spark, runId, started, new vn.iip.IipException(reason)),
                "iip-log-fatal-exit");
        log.setDaemon(true);
        log.start();
        try {
            log.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        // After a failure the command line reports, the hooks go too, unless the JVM is already ending (Spark ended
        // it meanwhile): then they still make the exit code 1 and log the failure.
        if (!org.apache.spark.util.ShutdownHookManager.inShutdown()) {
            vn.iip.FatalErrors.watch(false);
            org.apache.spark.util.ShutdownHookManager.removeShutdownHook(logHook);
            org.apache.spark.util.ShutdownHookManager.removeShutdownHook(exitHook);
        }
    }
}
