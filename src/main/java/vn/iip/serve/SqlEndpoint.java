package vn.iip.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
        settings.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension," + ReadOnlyExtension.class.getName());
        settings.put("spark.connect.grpc.binding.address", config.bind());
        settings.put("spark.connect.grpc.binding.port", String.valueOf(config.port()));
        if (config.token() != null) {
            settings.put("spark.connect.authenticate.token", config.token());
        }
        SparkSession spark = Sessions.forWarehouse(config.warehouse(), "iip serve", settings);
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
}
