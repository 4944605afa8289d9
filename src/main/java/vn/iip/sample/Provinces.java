package vn.iip.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.iip.reference.GeoUnit;
import vn.iip.reference.ReferenceData;

/** The 63 provinces numbered 0–62 with their vn34 successor, as a temporary view for the generator's SQL. */
final class Provinces {
    private Provinces() {}

    static final String VIEW = "synthetic_province";

    static void register(SparkSession spark) {
        TreeMap<String, String> successors = new TreeMap<>();
        for (GeoUnit unit : ReferenceData.get().geography()) {
            if (!unit.isCountry() && ReferenceData.VN63.equals(unit.version())) {
                successors.putIfAbsent(unit.code(), unit.successorCode());
            }
        }
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (var entry : successors.entrySet()) {
            rows.add(RowFactory.create(index++, entry.getKey(), entry.getValue()));
        }
        spark.createDataFrame(rows, StructType.fromDDL("idx INT, code STRING, successor STRING"))
                .createOrReplaceTempView(VIEW);
    }
}
