package vn.iip.spark;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession for a warehouse. Settings already given by spark-submit (master, metastore, Delta
 * extensions) win; the defaults here only fill what is missing, so the same code runs locally and on a cluster.
 * Catalog: a local warehouse gets a Hive catalog on embedded Derby inside the warehouse folder; a configured
 * metastore (JDBC URL or thrift URIs) is used as given; otherwise the catalog is in memory and re-attached.
 */
public final class Sessions {
    private Sessions() {}

    /** The embedded default: everything in this JVM on two cores. */
    public static final String DEFAULT_MASTER = "local[2]";

    /** The master the session will get: spark-submit's (a system property), else the settings', else the default. */
    public static String master(java.util.Map<String, String> settings) {
        SparkConf conf = new SparkConf(true);
        return conf.contains("spark.master") ? conf.get("spark.master")
                : settings.getOrDefault("spark.master", DEFAULT_MASTER);
    }

    /** A session without a warehouse or catalog, for jobs that only read and write files. */
    public static SparkSession plain(String appName) {
        SparkConf conf = new SparkConf(true);
        setIfMissing(conf, "spark.master", DEFAULT_MASTER);
        setIfMissing(conf, "spark.app.name", appName);
        setIfMissing(conf, "spark.sql.session.timeZone", "UTC");
        setIfMissing(conf, "spark.sql.catalogImplementation", "in-memory");
        setIfMissing(conf, "spark.ui.enabled", "false");
        setIfMissing(conf, "spark.ui.showConsoleProgress", "false");
        return SparkSession.builder().config(conf).getOrCreate();
    }

    public static SparkSession forWarehouse(String warehouse, String appName) {
        return forWarehouse(warehouse, appName, java.util.Map.of());
    }

    /** @param settings Spark settings from the job configuration file; spark-submit's --conf wins over them */
    public static SparkSession forWarehouse(String warehouse, String appName, java.util.Map<String, String> settings) {
        SparkConf conf = new SparkConf(true);
        settings.forEach((key, value) -> setIfMissing(conf, key, value));
        setIfMissing(conf, "spark.master", DEFAULT_MASTER);
        setIfMissing(conf, "spark.app.name", appName);
        setIfMissing(conf, "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        setIfMissing(conf, "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        setIfMissing(conf, "spark.sql.warehouse.dir", warehouse);
        setIfMissing(conf, "spark.sql.session.timeZone", "UTC");
        // Small data: few partitions make every stage cheaper (TECH-NOTES: 78 s -> 45 s on a probe).
        setIfMissing(conf, "spark.sql.shuffle.partitions", "2");
        setIfMissing(conf, "spark.databricks.delta.snapshotPartitions", "2");
        setIfMissing(conf, "spark.sql.adaptive.enabled", "true");
        setIfMissing(conf, "spark.ui.enabled", "false");
        setIfMissing(conf, "spark.ui.showConsoleProgress", "false");
        // Embedded Derby only when everything runs here; on a cluster a path without a scheme means fs.defaultFS.
        String localWarehouse = localWarehouse(warehouse, conf.get("spark.master"));
        boolean metastoreGiven = conf.contains("spark.hadoop.javax.jdo.option.ConnectionURL")
                || conf.contains("spark.hadoop.hive.metastore.uris") || conf.contains("spark.sql.catalogImplementation");
        useLocalFiles(conf);
        if (!metastoreGiven && localWarehouse != null) {
            // Embedded Derby next to the tables: a warehouse folder is self-contained and names persist across JVMs.
            conf.set("spark.sql.catalogImplementation", "hive");
            try {
                java.nio.file.Files.createDirectories(Paths.get(localWarehouse));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot create warehouse folder " + localWarehouse, e);
            }
            String metastore = Paths.get(localWarehouse, "metastore_db").toString();
            conf.set("spark.hadoop.javax.jdo.option.ConnectionURL",
                    "jdbc:derby:;databaseName=" + metastore + ";create=true");
            if (System.getProperty("derby.stream.error.file") == null) {
                System.setProperty("derby.stream.error.file", Paths.get(localWarehouse, "derby.log").toString());
            }
        } else if (!metastoreGiven) {
            // A remote warehouse (hdfs://, s3a://) and no metastore given: nothing local to keep a catalog in, so
            // the session catalog lives in memory and Warehouse re-attaches every table from its Delta log.
            conf.set("spark.sql.catalogImplementation", "in-memory");
        } else if (conf.contains("spark.hadoop.javax.jdo.option.ConnectionURL")
                || conf.contains("spark.hadoop.hive.metastore.uris")) {
            setIfMissing(conf, "spark.sql.catalogImplementation", "hive");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * The folder of a warehouse whose catalog this machine may keep (embedded Derby, or iip serve's shared Derby):
     * a local folder with every JVM on this machine (local, local[N], local-cluster); null otherwise.
     */
    public static String localWarehouse(String warehouse, String master) {
        return master.startsWith("local") ? localDirectory(warehouse) : null;
    }

    /** The local directory behind a warehouse location, or null when it lives on another file system. */
    static String localDirectory(String warehouse) {
        URI uri;
        try {
            uri = new URI(warehouse);
        } catch (java.net.URISyntaxException e) {
            return Path.of(warehouse).toAbsolutePath().normalize().toString(); // e.g. a path with spaces
        }
        if (uri.getScheme() == null) {
            return Path.of(warehouse).toAbsolutePath().normalize().toString();
        }
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri).toString();
        }
        return null;
    }

    /**
     * The Hadoop configuration the session will have (spark.hadoop.* settings included), without starting Spark:
     * what checks of input and warehouse locations use before anything is created.
     */
    public static org.apache.hadoop.conf.Configuration hadoopConfiguration(java.util.Map<String, String> settings) {
        SparkConf conf = new SparkConf(true);
        settings.forEach((key, value) -> setIfMissing(conf, key, value));
        // The file system Hadoop caches for file: is the first one made, maybe by these checks: the same as the job's.
        useLocalFiles(conf);
        return org.apache.spark.deploy.SparkHadoopUtil.get().newConfiguration(conf);
    }

    /** With a local master every JVM is this one: file: without a forked process per file and commit. */
    private static void useLocalFiles(SparkConf conf) {
        if (conf.get("spark.master", DEFAULT_MASTER).startsWith("local")) {
            setIfMissing(conf, "spark.hadoop.fs.file.impl", LocalFiles.FileSystem.class.getName());
            setIfMissing(conf, "spark.hadoop.fs.AbstractFileSystem.file.impl", LocalFiles.Context.class.getName());
        }
    }

    private static void setIfMissing(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            conf.set(key, value);
        }
    }
}
