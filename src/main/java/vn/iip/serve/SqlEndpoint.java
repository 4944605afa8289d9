package vn.iip.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import vn.iip.catalog.Warehouse;
import vn.iip.spark.Sessions;

/**
 * {@code iip serve}: a Spark Connect server over the warehouse's catalog and Delta tables, for analysts' SQL and
 * DataFrame clients. Read-only ({@link ReadOnlyExtension}); loopback unless a token is set ({@link ServeConfig}); a
 * local warehouse's metastore is shared through a Derby network server while it runs ({@link SharedMetastore}).
 */
public final class SqlEndpoint {
    private SqlEndpoint() {}

    /** Starts the endpoint and blocks until the JVM is stopped (Ctrl-C, SIGTERM). */
    public static void run(ServeConfig config, Map<String, String> jobSettings, String localWarehouse,
                           PrintStream out) throws InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>(jobSettings);
        SharedMetastore metastore = null;
        if (localWarehouse != null && !settings.containsKey("spark.hadoop.javax.jdo.option.ConnectionURL")
                && !settings.containsKey("spark.hadoop.hive.metastore.uris")) {
            metastore = SharedMetastore.start(Path.of(localWarehouse));
            settings.put("spark.sql.catalogImplementation", "hive");
            settings.put("spark.hadoop.javax.jdo.option.ConnectionURL", metastore.url());
            settings.put("spark.hadoop.javax.jdo.option.ConnectionDriverName", "org.apache.derby.jdbc.ClientDriver");
        }
        Map<String, String> required = new LinkedHashMap<>();
        required.put("spark.sql.extensions", extensions(new SparkConf(true).get("spark.sql.extensions", "")));
        required.put("spark.connect.grpc.binding.address", config.bind());
        required.put("spark.connect.grpc.binding.port", String.valueOf(config.port()));
        if (config.token() != null) {
            required.put("spark.connect.authenticate.token", config.token());
        }
        // Spark settings given as system properties (spark-submit --conf, IIP_JAVA_OPTS) win over these: set them
        // as properties too, then check what the session really has, so nothing can quietly drop the guard.
        required.forEach(System::setProperty);
        settings.putAll(required);
        SparkSession spark = Sessions.forWarehouse(config.warehouse(), "iip serve", settings);
        String conflict = conflict(required, key -> spark.conf().get(key, null));
        if (conflict != null) {
            throw new IllegalStateException(conflict);
        }
        new Warehouse(spark, config.warehouse()).attach();
        SharedMetastore shared = metastore;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SparkConnectService.stop(scala.Option.empty(), scala.Option.empty());
            if (shared != null) {
                shared.close();
            }
        }));
        SparkConnectService.start(spark.sparkContext());
        out.println("serving   " + config.clientUrl() + "  (read-only; warehouse " + config.warehouse() + ")");
        if (shared != null) {
            out.println("metastore shared with jobs/iip run through " + shared.url());
        }
        out.flush();
        Thread.currentThread().join();
    }

    /** The configured session extensions with Delta's and the read-only guard added (each once). */
    static String extensions(String configured) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (String extension : configured.split(",")) {
            if (!extension.isBlank()) {
                all.add(extension.trim());
            }
        }
        all.add("io.delta.sql.DeltaSparkSessionExtension");
        all.add(ReadOnlyExtension.class.getName());
        return String.join(",", all);
    }

    /** Null when the session has every required setting; else what differs (a token's value is never shown). */
    static String conflict(Map<String, String> required, java.util.function.Function<String, String> effective) {
        for (Map.Entry<String, String> setting : required.entrySet()) {
            String actual = effective.apply(setting.getKey());
            if (!setting.getValue().equals(actual)) {
                boolean secret = setting.getKey().contains("token");
                return "Refusing to serve: the session's " + setting.getKey() + " is "
                        + (secret ? "not the token given" : "'" + actual + "'") + " instead of "
                        + (secret ? "IIP_SERVE_TOKEN" : "'" + setting.getValue() + "'") + "; a setting from"
                        + " spark-submit --conf or IIP_JAVA_OPTS overrides it: remove that setting";
            }
        }
        return null;
    }
}
