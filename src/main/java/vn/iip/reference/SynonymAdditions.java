package vn.iip.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.iip.IipException;

/**
 * Synonyms an operator adds to the bundled ones (setting iip.reference-additions: a folder with
 * geography_synonyms.csv and/or industry_synonyms.csv in the bundled files' columns). Read once on the driver and
 * shipped with the conform tasks; {@code jobs/iip run --reprocess} applies them to rows already loaded.
 */
public record SynonymAdditions(String origin, List<String[]> geography, List<String[]> industry)
        implements Serializable {
    public static final String GEOGRAPHY_FILE = "geography_synonyms.csv";
    public static final String INDUSTRY_FILE = "industry_synonyms.csv";
    static final String GEOGRAPHY_HEADER = "alias,code_or_name";
    static final String INDUSTRY_HEADER = "label,industry_code";

    public static SynonymAdditions none() {
        return new SynonymAdditions(null, List.of(), List.of());
    }

    public boolean isEmpty() {
        return geography.isEmpty() && industry.isEmpty();
    }

    /** Rows added, for the run's output. */
    public String describe() {
        return geography.size() + " geography and " + industry.size() + " industry synonym(s) from " + origin;
    }

    /** The folder's files (a missing file adds nothing); null or empty: none. Any Hadoop file system. */
    public static SynonymAdditions load(String folder, org.apache.hadoop.conf.Configuration hadoop) {
        if (folder == null || folder.isEmpty()) {
            return none();
        }
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(folder);
        try {
            org.apache.hadoop.fs.FileSystem fs = root.getFileSystem(hadoop);
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new IipException("Reference additions " + folder + " (setting iip.reference-additions) is a file,"
                        + " not a folder; give the folder holding " + GEOGRAPHY_FILE + " and/or " + INDUSTRY_FILE);
            }
            return new SynonymAdditions(folder, read(fs, new org.apache.hadoop.fs.Path(root, GEOGRAPHY_FILE),
                    GEOGRAPHY_HEADER), read(fs, new org.apache.hadoop.fs.Path(root, INDUSTRY_FILE), INDUSTRY_HEADER));
        } catch (java.io.FileNotFoundException e) {
            throw new IipException("Reference additions folder " + folder + " (setting iip.reference-additions) does"
                    + " not exist; create it with " + GEOGRAPHY_FILE + " and/or " + INDUSTRY_FILE + ", or remove the"
                    + " setting");
        } catch (IOException e) {
            throw new IipException("Cannot read the reference additions in " + folder + ": " + e.getMessage());
        }
    }

    /** Pairs of a two-column CSV with the given header; '#' lines are comments. */
    static List<String[]> parse(String text, String header, String place) {
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new IipException(place + " line 1: the header is '" + (lines.isEmpty() ? "" : lines.get(0).strip())
                    + "', not '" + header + "'; write that header, as in the bundled file");
        }
        List<String[]> pairs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = CsvResource.split(line);
            if (cells.size() != 2 || cells.get(0).isBlank() || cells.get(1).isBlank()) {
                throw new IipException(place + " line " + (i + 1) + ": '" + line + "' is not two non-empty fields ("
                        + header + "); write one synonym per line");
            }
            pairs.add(new String[] {cells.get(0).strip(), cells.get(1).strip()});
        }
        return List.copyOf(pairs);
    }

    private static List<String[]> read(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path file,
                                       String header) throws IOException {
        if (!fs.exists(file)) {
            return List.of();
        }
        try (InputStream in = fs.open(file)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), header, file.toString());
        }
    }
}
