package vn.iip.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Figures as SDMX-CSV 2.0 observations of the dataflow {@value #DATAFLOW}: the structure columns, the dimensions
 * FREQ, REF_AREA, ACTIVITY, COMPARISON, MEASURE and TIME_PERIOD, OBS_VALUE, and the attributes UNIT_MEASURE,
 * OBS_STATUS and RELEASE_DATE. The codelists map the warehouse's own codes (README, "Exports"). A pure transform of
 * any view with the figures' columns (v_iip_latest, v_iip_first_release, iip_as_of, v_iip_computed_latest).
 */
public final class SdmxCsv {
    private SdmxCsv() {}

    /** Agency, dataflow id and version: the warehouse's own, as no SDMX registry defines Vietnam's IIP. */
    public static final String DATAFLOW = "IIP_VN:DF_IIP(1.0)";

    public static final List<String> COLUMNS = List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "FREQ", "REF_AREA",
            "ACTIVITY", "COMPARISON", "MEASURE", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS",
            "RELEASE_DATE");

    /** What the source must have. */
    static final List<String> REQUIRED = List.of("period", "period_type", "geo_code", "geo_version", "industry_code",
            "comparison", "measure", "value_pct", "index_value", "status", "release_date");

    public static Dataset<Row> observations(Dataset<Row> figures, String source) {
        List<String> have = Arrays.asList(figures.columns());
        List<String> missing = REQUIRED.stream().filter(c -> !have.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new vn.iip.IipException("SDMX-CSV needs the figures' columns, and " + source + " lacks "
                    + String.join(", ", missing) + "; export v_iip_latest, v_iip_first_release, iip_as_of(…) or"
                    + " v_iip_computed_latest, or use --format csv");
        }
        Column value = when(col("measure").equalTo("index_level"), col("index_value")).otherwise(col("value_pct"));
        return figures.select(lit("dataflow").as("STRUCTURE"), lit(DATAFLOW).as("STRUCTURE_ID"),
                lit("I").as("ACTION"),
                when(col("period_type").equalTo("month"), lit("M")).when(col("period_type").equalTo("quarter"),
                        lit("Q")).otherwise(lit("A")).as("FREQ"),
                when(col("geo_code").equalTo("VN"), lit("VN"))
                        .when(col("geo_version").equalTo("region"), concat(lit("VN_"), col("geo_code")))
                        .otherwise(concat(lit("VN"), substring(col("geo_version"), 3, 2), lit("_"), col("geo_code")))
                        .as("REF_AREA"),
                when(col("industry_code").equalTo("TOTAL"), lit("_T")).otherwise(col("industry_code"))
                        .as("ACTIVITY"),
                upper(col("comparison")).as("COMPARISON"), upper(col("measure")).as("MEASURE"),
                col("period").as("TIME_PERIOD"), value.as("OBS_VALUE"),
                when(col("measure").equalTo("iip"), lit("PC")).when(col("measure").equalTo("contribution_pp"),
                        lit("PP")).otherwise(lit("IX")).as("UNIT_MEASURE"),
                when(value.isNull(), lit("M")).when(col("status").equalTo("final"), lit("A"))
                        .when(col("status").equalTo("preliminary"), lit("P"))
                        .when(col("status").equalTo("estimate"), lit("E")).otherwise(lit(null).cast("string"))
                        .as("OBS_STATUS"),
                col("release_date").cast("string").as("RELEASE_DATE"));
    }
}
