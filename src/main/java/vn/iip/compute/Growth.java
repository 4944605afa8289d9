package vn.iip.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Step 9, growth from the linked index L, defined only when every input is defined and the denominator &gt; 0:
 * {@code mom} L(t)/L(t−1), {@code yoy} L(t)/L(t−12), {@code ytd_yoy} the sums of January..m of year y and y−1,
 * {@code q_yoy} and {@code annual_yoy} the quarter's and the year's sums (all months defined).
 * Rows: geo_code, geo_kind, industry_code, period, period_type, last_month (index of the period's last month),
 * comparison, ratio (growth factor), weight_base_year (of the last month's range).
 */
final class Growth {
    private Growth() {}

    static Dataset<Row> all(Dataset<Row> linked) {
        return monthOnMonth(linked, 1, "mom").unionByName(monthOnMonth(linked, 12, "yoy"))
                .unionByName(yearToDate(linked)).unionByName(quarters(linked)).unionByName(years(linked));
    }

    private static Dataset<Row> monthOnMonth(Dataset<Row> linked, int lag, String comparison) {
        Dataset<Row> earlier = linked.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                col("month_index").plus(lag).as("month_index"), col("linked_index").as("earlier_index"));
        return linked.join(earlier, new String[] {"geo_code", "geo_kind", "industry_code", "month_index"})
                .filter(col("earlier_index").gt(0))
                .select(col("geo_code"), col("geo_kind"), col("industry_code"),
                        Months.text(col("month_index")).as("period"), lit("month").as("period_type"),
                        col("month_index").as("last_month"), lit(comparison).as("comparison"),
                        col("linked_index").divide(col("earlier_index")).as("ratio"), col("weight_base_year"));
    }

    private static Dataset<Row> yearToDate(Dataset<Row> linked) {
        var toDate = Window.partitionBy(col("geo_code"), col("geo_kind"), col("industry_code"),
                        Months.year(col("month_index")))
                .orderBy("month_index").rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> cumulated = linked
                .withColumn("sum_to_date", sum("linked_index").over(toDate))
                .withColumn("months_to_date", count(lit(1)).over(toDate))
                .filter(col("months_to_date").equalTo(Months.month(col("month_index"))));
        Dataset<Row> earlier = cumulated.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                col("month_index").plus(12).as("month_index"), col("sum_to_date").as("earlier_sum"));
        return cumulated.join(earlier, new String[] {"geo_code", "geo_kind", "industry_code", "month_index"})
                .filter(col("earlier_sum").gt(0))
                .select(col("geo_code"), col("geo_kind"), col("industry_code"),
                        Months.text(col("month_index")).as("period"), lit("month").as("period_type"),
                        col("month_index").as("last_month"), lit("ytd_yoy").as("comparison"),
                        col("sum_to_date").divide(col("earlier_sum")).as("ratio"), col("weight_base_year"));
    }

    private static Dataset<Row> quarters(Dataset<Row> linked) {
        Dataset<Row> sums = periodSums(linked.withColumn("year", Months.year(col("month_index")))
                .withColumn("quarter", Months.quarter(col("month_index"))), 3, "year", "quarter");
        Dataset<Row> earlier = sums.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                col("year").plus(1).as("year"), col("quarter"), col("period_sum").as("earlier_sum"));
        return sums.join(earlier, new String[] {"geo_code", "geo_kind", "industry_code", "year", "quarter"})
                .filter(col("earlier_sum").gt(0))
                .select(col("geo_code"), col("geo_kind"), col("industry_code"),
                        Months.quarterText(col("year"), col("quarter")).as("period"), lit("quarter").as("period_type"),
                        col("last_month"), lit("q_yoy").as("comparison"),
                        col("period_sum").divide(col("earlier_sum")).as("ratio"), col("weight_base_year"));
    }

    private static Dataset<Row> years(Dataset<Row> linked) {
        Dataset<Row> sums = periodSums(linked.withColumn("year", Months.year(col("month_index"))), 12, "year");
        Dataset<Row> earlier = sums.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                col("year").plus(1).as("year"), col("period_sum").as("earlier_sum"));
        return sums.join(earlier, new String[] {"geo_code", "geo_kind", "industry_code", "year"})
                .filter(col("earlier_sum").gt(0))
                .select(col("geo_code"), col("geo_kind"), col("industry_code"), col("year").cast("string").as("period"),
                        lit("year").as("period_type"), col("last_month"), lit("annual_yoy").as("comparison"),
                        col("period_sum").divide(col("earlier_sum")).as("ratio"), col("weight_base_year"));
    }

    /** Sums of L over complete periods (quarters or years), with the last month and its range's base. */
    private static Dataset<Row> periodSums(Dataset<Row> linked, int months, String... period) {
        Column[] keys = new Column[3 + period.length];
        keys[0] = col("geo_code");
        keys[1] = col("geo_kind");
        keys[2] = col("industry_code");
        for (int i = 0; i < period.length; i++) {
            keys[3 + i] = col(period[i]);
        }
        return linked.groupBy(keys)
                .agg(sum("linked_index").as("period_sum"), count(lit(1)).as("months"),
                        max("month_index").as("last_month"),
                        max(org.apache.spark.sql.functions.struct(col("month_index"), col("weight_base_year")))
                                .getField("weight_base_year").as("weight_base_year"))
                .filter(col("months").equalTo(months)).drop("months");
    }
}
