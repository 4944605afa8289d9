package vn.iip.testing;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An analyst's Spark Connect client, run in its own JVM on the client's classpath (target/connect-client-classpath.txt):
 * connects to the URL in the first argument and runs each further argument, printing one line per row or error.
 * "tables:SCHEMA" lists tables, "columns:TABLE" lists columns with their comments; anything else is SQL.
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
                } else {
                    for (Row row : spark.sql(statement).collectAsList()) {
                        System.out.println("ROW|" + row.mkString("|"));
                    }
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
}
