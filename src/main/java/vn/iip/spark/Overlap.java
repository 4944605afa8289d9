package vn.iip.spark;

import java.util.function.Supplier;

/**
 * Two independent steps of a run at once, on the same session. Most of a run on a long history is a fixed cost
 * per query (planning, Delta's snapshot of each table, a commit), spent on one driver thread while the other core
 * waits; two queries that neither read what the other writes can share the machine. The second step runs on a
 * thread of its own (which inherits the session and the job's local properties); the first on the caller's.
 * Both always finish before this returns, so a failure never leaves the other step writing in the background.
 */
public final class Overlap {
    private Overlap() {}

    /** The two results, in the order of the steps. */
    public record Both<A, B>(A firstResult, B secondResult) {}

    /**
     * Runs both and returns both results. When a step fails, its exception is thrown once both have finished (the
     * first step's when both fail, with the second's suppressed).
     */
    public static <A, B> Both<A, B> run(Supplier<A> first, Supplier<B> second) {
        Side<B> side = new Side<>(second);
        Thread thread = new Thread(side, "iip-overlap");
        thread.setDaemon(true);
        thread.start();
        A a;
        try {
            a = first.get();
        } catch (RuntimeException | Error e) {
            Throwable other = side.await(thread);
            if (other != null && other != e) {
                e.addSuppressed(other);
            }
            throw e;
        }
        Throwable failure = side.await(thread);
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return new Both<>(a, side.result);
    }

    /** Runs both steps that return nothing. */
    public static void run(Runnable first, Runnable second) {
        run(() -> {
            first.run();
            return null;
        }, () -> {
            second.run();
            return null;
        });
    }

    private static final class Side<B> implements Runnable {
        private final Supplier<B> step;
        private volatile B result;
        private volatile Throwable failure;

        Side(Supplier<B> step) {
            this.step = step;
        }

        @Override
        public void run() {
            try {
                result = step.get();
            } catch (Throwable e) {
                failure = e;
            }
        }

        /** Waits for the step (an interrupt is kept for the caller, never abandons the step) and returns its failure. */
        Throwable await(Thread thread) {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return failure;
        }
    }
}
