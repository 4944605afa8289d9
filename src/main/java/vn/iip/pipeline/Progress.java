package vn.iip.pipeline;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per stage with its elapsed time. */
final class Progress {
    private final PrintStream out;
    private long stageStart = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void start() {
        stageStart = System.nanoTime();
    }

    void stage(String stage, String message) {
        double seconds = (System.nanoTime() - stageStart) / 1e9;
        out.printf(Locale.ROOT, "%-8s %s  (%.1f s)%n", stage, message, seconds);
        out.flush();
        stageStart = System.nanoTime();
    }

    void line(String message) {
        out.println(message);
        out.flush();
    }
}
