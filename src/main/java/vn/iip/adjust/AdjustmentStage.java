package vn.iip.adjust;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldTables;
import vn.iip.reference.ReferenceData;
import vn.iip.spark.DeltaWrites;

/**
 * The pipeline's seasonal adjustment: every computed monthly index series adjusted ({@link SeasonalAdjustment}),
 * the months that changed added to {@code fact_iip_sa} as a new vintage ({@link SaVintages}), one diagnostics row
 * per series to {@code sa_diagnostics}, and the specification to {@code sa_spec} the first time it is used.
 */
public final class AdjustmentStage {
    private AdjustmentStage() {}

    /** The statuses a series can end in, as written to sa_diagnostics. */
    public enum Status { ADJUSTED, ADJUSTED_TET_NOT_SIGNIFICANT, NOT_ADJUSTED, FAILED }

    /** What the stage did: series by status, months adjusted, vintage rows added, and how long it took. */
    public record Outcome(String specId, String method, Map<Status, Long> seriesByStatus, long months,
                          long rowsAdded, double seconds) {
        public long series() {
            return seriesByStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(Status status) {
            return seriesByStatus.getOrDefault(status, 0L);
        }
    }

    /** The national series is one series across the change of geography (vn63 to 2025-06, vn34 after). */
    static final String NATIONAL = "VN";
    private static final String NATIONAL_SERIES = "national";
    private static final String VN34_FIRST_MONTH = ReferenceData.VN34_FROM.toString().substring(0, 7);

    /** Whether the newest adjustment in the warehouse used another specification (or there is none yet). */
    public static boolean pending(SparkSession spark, SeasonalAdjustment.Spec spec) {
        Row newest = spark.table(GoldTables.SA_DIAGNOSTICS.qualifiedName())
                .agg(max_by(col("spec_id"), col("run_id"))).first();
        return newest.isNullAt(0) || !newest.getString(0).equals(spec.id());
    }

    /**
     * @param levels the newest computed monthly levels: geo_code, geo_version, industry_code, period, index_value
     * @param asOf   the newest collected_on of the survey the levels came from
     */
    public static Outcome run(SparkSession spark, Dataset<Row> levels, SeasonalAdjustment.Spec spec, Date asOf,
                              String runId) {
        long started = System.nanoTime();
        Dataset<Row> series = SeasonalAdjustment.adjust(asSeries(inScope(levels, spec.scope())), spec)
                .localCheckpoint(true);
        Dataset<Row> months = withGeographyVersion(SeasonalAdjustment.months(series), col("period"))
                .withColumn("spec_id", lit(spec.id()));
        long added = SaVintages.add(spark, months, spec.methodName(), spec.id(), asOf, runId);
        Dataset<Row> diagnostics = withGeographyVersion(SeasonalAdjustment.diagnostics(series), col("last_period"))
                .withColumn("run_id", lit(runId)).withColumn("sa_as_of", lit(asOf))
                .withColumn("spec_id", lit(spec.id()))
                .selectExpr(GoldTables.SA_DIAGNOSTICS.columns().stream().map(c -> c.name()).toArray(String[]::new));
        DeltaWrites.append(diagnostics, GoldTables.SA_DIAGNOSTICS);
        recordSpec(spark, spec, runId);
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        long adjustedMonths = 0;
        // One row per status: four at most.
        for (Row row : series.groupBy("status").agg(count(lit(1)), sum("months_count")).collectAsList()) {
            Status status = Status.valueOf(row.getString(0).toUpperCase(java.util.Locale.ROOT));
            byStatus.put(status, row.getLong(1));
            adjustedMonths += status == Status.ADJUSTED || status == Status.ADJUSTED_TET_NOT_SIGNIFICANT
                    ? row.getLong(2) : 0;
        }
        return new Outcome(spec.id(), spec.methodName(), byStatus, adjustedMonths, added,
                (System.nanoTime() - started) / 1e9);
    }

    /** The levels of the series the scope adjusts. */
    static Dataset<Row> inScope(Dataset<Row> levels, SeasonalAdjustment.Scope scope) {
        return scope == SeasonalAdjustment.Scope.ALL ? levels
                : levels.filter(col("geo_code").equalTo(NATIONAL).or(col("industry_code").equalTo("TOTAL")));
    }

    /** The national rows of both geography versions as one series; every other series as it is. */
    static Dataset<Row> asSeries(Dataset<Row> levels) {
        return levels.withColumn("geo_version", when(col("geo_code").equalTo(NATIONAL), lit(NATIONAL_SERIES))
                .otherwise(col("geo_version")));
    }

    /** Back from one national series to the geography version of each month (or of the series' newest month). */
    static Dataset<Row> withGeographyVersion(Dataset<Row> rows, Column month) {
        return rows.withColumn("geo_version", when(col("geo_version").equalTo(NATIONAL_SERIES),
                when(month.lt(VN34_FIRST_MONTH), lit(ReferenceData.VN63)).otherwise(lit(ReferenceData.VN34)))
                .otherwise(col("geo_version")));
    }

    private static void recordSpec(SparkSession spark, SeasonalAdjustment.Spec spec, String runId) {
        if (!spark.table(GoldTables.SA_SPEC.qualifiedName()).filter(col("spec_id").equalTo(spec.id())).isEmpty()) {
            return;
        }
        Row row = RowFactory.create(spec.id(), spec.methodName(), SeasonalAdjustment.SOFTWARE,
                spec.baseSpecification(), spec.regression(), spec.tetDaysBefore(), spec.tetDaysAfter(),
                SeasonalAdjustment.Spec.TET_REGRESSOR, SeasonalAdjustment.MINIMUM_MONTHS, runId);
        DeltaWrites.append(spark.createDataFrame(List.of(row), GoldTables.SA_SPEC.structType()), GoldTables.SA_SPEC);
    }
}
