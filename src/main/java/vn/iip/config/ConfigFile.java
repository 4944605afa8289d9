package vn.iip.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a job configuration file (Java properties, UTF-8) from a local path or any Hadoop URI, so a driver started
 * by spark-submit in cluster mode can read it from HDFS. Read before the SparkSession exists: it configures it.
 */
public final class ConfigFile {
    private ConfigFile() {}

    public static Map<String, String> read(String location) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(new Configuration());
            if (!fs.exists(path)) {
                throw new IllegalArgumentException("Configuration file " + location + " does not exist; pass --config"
                        + " with a file like jobs/conf/local.properties, or omit it to use the defaults");
            }
            Properties properties = new Properties();
            try (InputStream in = fs.open(path)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames()) {
                values.put(key.trim(), properties.getProperty(key));
            }
            return values;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read configuration file " + location + ": " + e.getMessage(), e);
        }
    }
}
