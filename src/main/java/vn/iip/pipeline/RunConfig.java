package vn.iip.pipeline;

import java.time.Duration;

/**
 * What a run reads and where it writes. {@code input} null means the samples bundled in the jar; {@code lockWait}
 * is how long it waits for another run that holds the warehouse.
 */
public record RunConfig(String input, String warehouse, Duration lockWait) {
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

    public RunConfig(String input, String warehouse) {
        this(input, warehouse, DEFAULT_LOCK_WAIT);
    }

    public String inputLabel() {
        return input == null ? vn.iip.ingest.ExtractSource.BUNDLED : input;
    }
}
