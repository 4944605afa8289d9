package vn.iip.pipeline;

/** What a run reads and where it writes. {@code input} null means the samples bundled in the jar. */
public record RunConfig(String input, String warehouse) {
    public String inputLabel() {
        return input == null ? vn.iip.ingest.ExtractSource.BUNDLED : input;
    }
}
