package vn.iip.testing;

import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * An analyst's Spark Connect client, run in its own JVM on the client's classpath (target/connect-client-classpath.txt):
 * connects to the URL in the first argument and runs each further argument, printing one line per row or error.
 * "tables:SCHEMA" lists tables, "columns:TABLE" lists columns with their comments, a few "api:…" probes use the
 * DataFrame API the way a client would try to get around SQL; anything else is SQL.
 */
public final class ConnectClientProbe {
    private ConnectClientProbe() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate();
        for (int i = 1; i < args.length; i++) {
            String statement = args[i];
            try {
                if (statement.startsWith("tables:")) {
                    spark.catalog().listTables(statement.substring(7)).collectAsList().forEach(t -> System.out.println(
                            "TABLE|" + t.name() + "|" + t.tableType()));
                } else if (statement.startsWith("columns:")) {
                    spark.catalog().listColumns(statement.substring(8)).collectAsList().forEach(c -> System.out.println(
                            "COLUMN|" + c.name() + "|" + c.description()));
                } else if (statement.startsWith("api:")) {
                    api(spark, statement.substring(4));
                } else {
                    print(spark.sql(statement).collectAsList());
                }
            } catch (Exception e) {
                String message = String.valueOf(e.getMessage()).replace('\n', ' ');
                System.out.println("ERROR|" + message);
            }
            System.out.println("DONE|" + i);
        }
        System.out.flush();
        // releaseSession fails on a server without Spark ML (the session cleanup asks for an ML helper class):
        // harmless for this probe, so the session is left to expire.
        System.exit(0);
    }

    private static void api(SparkSession spark, String probe) throws Exception {
        String argument = probe.contains(":") ? probe.substring(probe.indexOf(':') + 1) : "";
        switch (probe.contains(":") ? probe.substring(0, probe.indexOf(':')) : probe) {
            case "read-text" -> print(spark.read().text(argument).collectAsList());
            case "read-format" -> print(spark.read().format(argument.split("=")[0]).load(argument.split("=")[1])
                    .collectAsList());
            case "table" -> print(spark.table(argument).limit(3).collectAsList());
            case "register-udf" -> {
                spark.udf().register("probe_property", (UDF1<String, String>) System::getProperty, DataTypes.StringType);
                print(spark.sql("SELECT probe_property('user.home')").collectAsList());
            }
            case "inline-udf" -> print(spark.range(1).select(functions.udf((UDF1<Long, String>) x ->
                    System.getProperty("user.home"), DataTypes.StringType).apply(functions.col("id"))).collectAsList());
            case "typed-map" -> System.out.println("ROW|" + spark.range(3).map((MapFunction<Long, Long>) x -> x + 1,
                    Encoders.LONG()).collectAsList());
            case "artifact" -> {
                spark.addArtifact(argument);
                System.out.println("ROW|uploaded");
            }
            case "conf-set" -> {
                spark.conf().set(argument.split("=", 2)[0], argument.split("=", 2)[1]);
                System.out.println("ROW|set");
            }
            case "conf-get" -> System.out.println("ROW|" + spark.conf().get(argument));
            case "conf-all" -> spark.conf().getAll().foreach(pair -> {
                if (pair._1().contains(argument)) {
                    System.out.println("ROW|" + pair._1() + "=" + pair._2());
                }
                return null;
            });
            case "global-view" -> {
                spark.range(1).createGlobalTempView(argument);
                System.out.println("ROW|created");
            }
            case "create-table" -> {
                spark.catalog().createTable(argument.split("=")[0], argument.split("=")[1]);
                System.out.println("ROW|created");
            }
            case "write" -> {
                spark.range(1).write().mode("overwrite").parquet(argument);
                System.out.println("ROW|written");
            }
            default -> throw new IllegalArgumentException("unknown probe " + probe);
        }
    }

    private static void print(List<Row> rows) {
        for (Row row : rows) {
            System.out.println("ROW|" + row.mkString("|"));
        }
    }
}
