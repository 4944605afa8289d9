package vn.iip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.iip.spark.Sessions;

/**
 * One warehouse and one SparkSession per test JVM (Hive's embedded Derby admits one JVM, and a session is costly).
 * The warehouse is first built by the real command line in child JVMs (iip run, then iip sql --csv); only then
 * does this JVM open it, so every test here also proves that another JVM reads the tables by name.
 */
public final class SharedWarehouse {
    private SharedWarehouse() {}

    private static Path root;
    private static SparkSession spark;
    private static ChildJvm.Result firstRun;
    private static ChildJvm.Result csvQuery;

    public static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("iip-warehouse-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Without the bundled survey: SurveyEndToEndTest computes it in this JVM, so only its fork pays.
            firstRun = ChildJvm.main("run", "--warehouse", root.toString(), "--survey", "none");
            csvQuery = ChildJvm.main("sql", "--warehouse", root.toString(), "--csv", "SELECT value_pct FROM"
                    + " iip_gold.v_iip_latest WHERE period='2021-11' AND geo_code='22' AND industry_code='TOTAL'"
                    + " AND measure='iip'");
        }
        return root;
    }

    public static synchronized ChildJvm.Result firstRun() {
        root();
        return firstRun;
    }

    public static synchronized ChildJvm.Result csvQuery() {
        root();
        return csvQuery;
    }

    public static synchronized SparkSession spark() {
        if (spark == null) {
            spark = Sessions.forWarehouse(root().toString(), "iip tests");
        }
        return spark;
    }

    public static List<Row> rows(String sql) {
        return spark().sql(sql).collectAsList();
    }

    /** The single value of a one-row, one-column query. */
    public static Object value(String sql) {
        List<Row> rows = rows(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row but got " + rows.size() + " from: " + sql + " -> " + rows);
        }
        return rows.get(0).get(0);
    }
}
