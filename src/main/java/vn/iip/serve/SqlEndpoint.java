package vn.iip.serve;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import vn.iip.catalog.Warehouse;
import vn.iip.spark.Sessions;

/**
 * {@code iip serve}: a Spark Connect server over the warehouse's catalog and Delta tables, for analysts' SQL and
 * DataFrame clients. Read-only at three depths: each gRPC request ({@link ConnectRequestGuard}), each SQL text
 * ({@link GuardedParser}) and each analysed plan ({@link ReadOnlyGuard}); loopback unless a strong token is set
 * ({@link ServeConfig}); a local warehouse's metastore is shared, with credentials, through a Derby network server
 * while it runs ({@link SharedMetastore}).
 */
public final class SqlEndpoint {
    private SqlEndpoint() {}

    /** Starts the endpoint and blocks until the JVM is stopped (Ctrl-C, SIGTERM). */
    public static void run(ServeConfig config, Map<String, String> jobSettings, String localWarehouse,
                           PrintStream out) throws InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>(jobSettings);
        SparkConf given = new SparkConf(true);
        Map<String, String> required = new LinkedHashMap<>();
        required.put("spark.sql.extensions", joined(given.get("spark.sql.extensions", ""),
                "io.delta.sql.DeltaSparkSessionExtension", ReadOnlyExtension.class.getName()));
        required.put("spark.connect.grpc.interceptor.classes", joined(given.get(
                "spark.connect.grpc.interceptor.classes", ""), ConnectRequestGuard.class.getName()));
        // Files by path are refused by the guards; this makes Spark itself not even try.
        required.put("spark.sql.runSQLOnFiles", "false");
        required.put("spark.connect.grpc.binding.address", config.bind());
        required.put("spark.connect.grpc.binding.port", String.valueOf(config.port()));
        if (config.token() != null) {
            required.put("spark.connect.authenticate.token", config.token());
        }
        if (localWarehouse != null && !settings.containsKey("spark.hadoop.javax.jdo.option.ConnectionURL")
                && !settings.containsKey("spark.hadoop.hive.metastore.uris")) {
            // Its own catalog in memory, attached from the Delta logs: the warehouse's embedded metastore stays free
            // for runs, and no database server is opened for every local user to reach.
            required.put("spark.sql.catalogImplementation", "in-memory");
        }
        // Spark settings given as system properties (spark-submit --conf, IIP_JAVA_OPTS) win over these: set them
        // as properties too, then check what the session really has, so nothing can quietly drop a guard.
        required.forEach(System::setProperty);
        settings.putAll(required);
        SparkSession spark = Sessions.forWarehouse(config.warehouse(), "iip serve", settings);
        String conflict = conflict(required, key -> spark.conf().get(key, null));
        if (conflict != null) {
            throw new vn.iip.IipException(conflict);
        }
        Warehouse warehouse = new Warehouse(spark, config.warehouse());
        ReadOnlyExtension.preparing(warehouse::attach);
        GoldFollower follower = new GoldFollower(spark, warehouse, warehouse.readPublishPointer());
        ConnectRequestGuard.beforeEachRequest(follower::follow);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SparkConnectService.stop(scala.Option.empty(),
                scala.Option.empty())));
        SparkConnectService.start(spark.sparkContext());
        out.println("serving   " + config.clientUrl() + "  (read-only; warehouse " + config.warehouse() + ")");
        out.flush();
        Thread.currentThread().join();
    }

    /** The configured classes with the endpoint's own added (each once). */
    static String joined(String configured, String... own) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (String name : configured.split(",")) {
            if (!name.isBlank()) {
                all.add(name.trim());
            }
        }
        all.addAll(java.util.List.of(own));
        return String.join(",", all);
    }

    /** The configured session extensions with Delta's and the read-only guard added (each once). */
    static String extensions(String configured) {
        return joined(configured, "io.delta.sql.DeltaSparkSessionExtension", ReadOnlyExtension.class.getName());
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
