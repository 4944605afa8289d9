package vn.iip.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** One landing file read whole on the driver, from a local path or any Hadoop URI (what {@code iip inspect} reads). */
public final class LandingFiles {
    private LandingFiles() {}

    public static byte[] read(String location, Configuration hadoop) {
        byte[] content = readIfExists(location, hadoop);
        if (content == null) {
            throw new IllegalArgumentException("File " + location + " does not exist; give the path or URI of one"
                    + " extract file (e.g. data/nov-2021.xlsx or hdfs://NAMENODE:8020/iip/landing/nov-2021.xlsx)");
        }
        return content;
    }

    /** The file's bytes, or null when there is no such file. */
    public static byte[] readIfExists(String location, Configuration hadoop) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.exists(path) || !fs.getFileStatus(path).isFile()) {
                return null;
            }
            try (InputStream in = fs.open(path)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
