package vn.iip.compute;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * Months as one integer, {@code year × 12 + month − 1}, so that "the month before" is {@code t − 1} and "the same
 * month a year earlier" is {@code t − 12} in joins, without date arithmetic in every step.
 */
final class Months {
    private Months() {}

    /** The first month of the 34-unit geography, 2025-07. */
    static final int VN34_FROM = index(2025, 7);

    static int index(int year, int month) {
        return year * 12 + month - 1;
    }

    /** The month index of a YYYY-MM text column (already validated). */
    static Column index(Column period) {
        return period.substr(1, 4).cast("int").multiply(12).plus(period.substr(6, 2).cast("int")).minus(1);
    }

    static Column year(Column monthIndex) {
        return floor(monthIndex.divide(12)).cast("int");
    }

    /** 1..12 */
    static Column month(Column monthIndex) {
        return monthIndex.minus(year(monthIndex).multiply(12)).plus(1);
    }

    /** 1..4 */
    static Column quarter(Column monthIndex) {
        return floor(month(monthIndex).minus(1).divide(3)).cast("int").plus(1);
    }

    static Column text(Column monthIndex) {
        return format_string("%04d-%02d", year(monthIndex), month(monthIndex));
    }

    static Column quarterText(Column year, Column quarter) {
        return concat(year.cast("string"), lit("-Q"), quarter.cast("string"));
    }
}
