package vn.iip.compute;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The VSIC 2018 hierarchy of the computed indices: class (section letter + 4 digits, {@code C1010}) → division
 * ({@code C10}) → section ({@code C}) → {@code TOTAL}. Divisions 05–09 are mining (B), 10–33 manufacturing (C), 35
 * electricity (D), 36–39 water and waste (E).
 */
final class Industries {
    private Industries() {}

    static final String TOTAL = "TOTAL";

    /** The section letter of a 4-digit VSIC class text (null outside B–E). */
    static Column section(Column vsic4) {
        Column division = vsic4.substr(1, 2).cast("int");
        return when(division.between(5, 9), lit("B")).when(division.between(10, 33), lit("C"))
                .when(division.equalTo(35), lit("D")).when(division.between(36, 39), lit("E"));
    }

    static Column classCode(Column vsic4) {
        return concat(section(vsic4), vsic4);
    }

    static Column divisionCode(Column vsic4) {
        return concat(section(vsic4), vsic4.substr(1, 2));
    }
}
