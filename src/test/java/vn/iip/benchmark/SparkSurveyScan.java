package vn.iip.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.iip.spark.Sessions;

/**
 * The floor of the survey benchmark: Spark's bare scan of the survey rounds, on the job's own session settings. It
 * reads every row and parses the columns the computation uses, and computes nothing. Benchmark only.
 * <p>Usage: {@code SparkSurveyScan SURVEY_DIR}; prints {@code floor: <rows> rows in <seconds> s}.
 */
public final class SparkSurveyScan {
    private SparkSurveyScan() {}

    private static final StructType ROUNDS = StructType.fromDDL("period STRING, collected_on DATE,"
            + " enterprise_id STRING, province_code STRING, vsic4 STRING, product_code STRING, unit STRING,"
            + " quantity DOUBLE, response STRING");

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SparkSurveyScan SURVEY_DIR");
            System.exit(2);
        }
        SparkSession spark = Sessions.plain("iip survey floor");
        long started = System.nanoTime();
        Row totals = spark.read().schema(ROUNDS).option("header", "true").csv(args[0] + "/rounds")
                .agg(count(col("period")), sum(col("quantity")), count(col("collected_on")))
                .first();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("floor: %d rows in %.1f s (quantity sum %.1f, %d dated)%n", totals.getLong(0),
                seconds, totals.isNullAt(1) ? 0.0 : totals.getDouble(1), totals.getLong(2));
        spark.stop();
    }
}
