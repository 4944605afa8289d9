package vn.iip.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.iip.reference.GeoUnit;
import vn.iip.reference.ReferenceData;

/**
 * The geographies an enterprise counts in, from its province code: the country, its vn63 province and GSO region
 * (periods up to 2025-06), and its vn34 unit (for every period: a vn63 province through the 2025 bridge). Small
 * lookup tables built from the bundled reference lists; joined by broadcast.
 */
public final class SurveyGeography {
    private SurveyGeography() {}

    static final Map<String, String> REGION_CODES = ReferenceData.REGION_CODES;

    public static final String NATIONAL = "national";
    public static final String REGION = ReferenceData.REGION;

    static final StructType PROVINCES = StructType.fromDDL("province_code STRING, code_version STRING,"
            + " province_vn63 STRING, unit_vn34 STRING, region_code STRING");

    /**
     * One row per (code, version) a survey row may carry: vn63 codes with their vn34 successor and region, vn34
     * codes as themselves. Code 46 is one vn63 province under two names; it appears once.
     */
    static Dataset<Row> provinces(SparkSession spark, ReferenceData reference) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (GeoUnit unit : reference.geography()) {
            if (unit.isCountry()) {
                continue;
            }
            String key = unit.code() + "/" + unit.version();
            if (ReferenceData.VN63.equals(unit.version())) {
                rows.putIfAbsent(key, RowFactory.create(unit.code(), unit.version(), unit.code(), unit.successorCode(),
                        REGION_CODES.get(unit.regionEn())));
            } else {
                rows.putIfAbsent(key, RowFactory.create(unit.code(), unit.version(), null, unit.code(), null));
            }
        }
        return spark.createDataFrame(new ArrayList<>(rows.values()), PROVINCES);
    }

    static final StructType VALUE_ADDED_GEOGRAPHIES = StructType.fromDDL(
            "province_vn63 STRING, geo_code STRING, geo_kind STRING");

    /** Every geography a vn63 province's value added counts in: VN, itself, its vn34 unit and its region. */
    static Dataset<Row> valueAddedGeographies(SparkSession spark, ReferenceData reference) {
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (GeoUnit unit : reference.geography()) {
            if (unit.isCountry() || !ReferenceData.VN63.equals(unit.version()) || !seen.add(unit.code())) {
                continue;
            }
            rows.add(RowFactory.create(unit.code(), "VN", NATIONAL));
            rows.add(RowFactory.create(unit.code(), unit.code(), ReferenceData.VN63));
            rows.add(RowFactory.create(unit.code(), unit.successorCode(), ReferenceData.VN34));
            rows.add(RowFactory.create(unit.code(), REGION_CODES.get(unit.regionEn()), REGION));
        }
        return spark.createDataFrame(rows, VALUE_ADDED_GEOGRAPHIES);
    }
}
