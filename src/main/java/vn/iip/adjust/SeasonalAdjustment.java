package vn.iip.adjust;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.iip.reference.ReferenceData;

/**
 * Every monthly index series adjusted on the executors, one group per series (a grouped map: the series are
 * independent, so they spread over the cores and the cluster, never one by one on the driver). A group holds one
 * series' months, a few hundred values at most. Each series gives one row: its status and diagnostics, and its
 * months as an array, from which {@link #months} and {@link #diagnostics} are selected.
 */
public final class SeasonalAdjustment {
    private SeasonalAdjustment() {}

    /** Fewer months than this are not adjusted: five years, the least for a stable seasonal estimate. */
    public static final int MINIMUM_MONTHS = 60;

    /** Which computed series are adjusted. */
    public enum Scope {
        /** Every series: the total, sections and divisions of every geography. */
        ALL,
        /** The country's total, sections and divisions, and the total of every province, unit and region. */
        HEADLINE
    }

    /**
     * How the series are adjusted: the method, the Tết window (days before and after the first day) and which
     * series.
     */
    public record Spec(SeriesAdjuster.Method method, int tetDaysBefore, int tetDaysAfter, Scope scope)
            implements java.io.Serializable {
        public static Spec standard() {
            return new Spec(SeriesAdjuster.Method.X13, 7, 14, Scope.ALL);
        }

        public Spec withMethod(SeriesAdjuster.Method other) {
            return new Spec(other, tetDaysBefore, tetDaysAfter, scope);
        }

        public Spec withScope(Scope other) {
            return new Spec(method, tetDaysBefore, tetDaysAfter, other);
        }

        /** The method as stored in the tables: x13 or tramo_seats. */
        public String methodName() {
            return method.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String baseSpecification() {
            return method == SeriesAdjuster.Method.X13 ? "X13Spec.RSA5 (log/level test, automatic ARIMA, outliers AO"
                    + " LS TC, trading days tested)" : "TramoSeatsSpec.RSAfull (log/level test, automatic ARIMA,"
                    + " outliers AO LS TC, trading days tested)";
        }

        public String regression() {
            return "Easter off (no Easter in Vietnam's calendar); user variable r.tet of seasonal effect (component"
                    + " Seasonal, so that it leaves the SA series)";
        }

        public static final String TET_REGRESSOR = "share of the window [Tết - before, Tết + after] falling in the"
                + " month, minus its 1901-2099 mean for that calendar month (Vietnam's lunar calendar at UTC+7)";

        /** A short hash of everything above and the software version: equal ids, equal figures from equal input. */
        public String id() {
            String text = String.join("|", SOFTWARE, methodName(), baseSpecification(), regression(),
                    String.valueOf(tetDaysBefore), String.valueOf(tetDaysAfter), TET_REGRESSOR,
                    String.valueOf(MINIMUM_MONTHS), scope.name());
            return vn.iip.ingest.Sha256.hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
        }
    }

    /** The software that adjusts, as recorded with every specification. */
    public static final String SOFTWARE = "JDemetra+ 3.5.0 (jdplus-x13-base-core, jdplus-tramoseats-base-core)";

    static final StructType MONTH = new StructType()
            .add("period", DataTypes.StringType).add("index_value", DataTypes.DoubleType)
            .add("sa_index", DataTypes.DoubleType).add("trend_index", DataTypes.DoubleType)
            .add("seasonal_factor", DataTypes.DoubleType).add("tet_effect", DataTypes.DoubleType)
            .add("calendar_effect", DataTypes.DoubleType).add("irregular", DataTypes.DoubleType).add("mom_sa_pct", DataTypes.DoubleType);

    static final StructType SERIES = new StructType()
            .add("geo_code", DataTypes.StringType).add("geo_version", DataTypes.StringType)
            .add("industry_code", DataTypes.StringType).add("method", DataTypes.StringType)
            .add("months_count", DataTypes.IntegerType).add("first_period", DataTypes.StringType)
            .add("last_period", DataTypes.StringType).add("status", DataTypes.StringType)
            .add("reason", DataTypes.StringType).add("model", DataTypes.StringType)
            .add("log_transformed", DataTypes.BooleanType).add("tet_coefficient", DataTypes.DoubleType)
            .add("tet_std_error", DataTypes.DoubleType).add("tet_p_value", DataTypes.DoubleType)
            .add("outliers", DataTypes.IntegerType).add("ljung_box_p_value", DataTypes.DoubleType)
            .add("m7", DataTypes.DoubleType).add("q", DataTypes.DoubleType)
            .add("residual_seasonality_qs_p_value", DataTypes.DoubleType)
            .add("residual_seasonality_f_p_value", DataTypes.DoubleType)
            .add("months", DataTypes.createArrayType(MONTH));

    /**
     * @param levels monthly index levels: geo_code, geo_version, industry_code, period (YYYY-MM), index_value
     * @return one row per series in the layout of {@link #SERIES}
     */
    public static Dataset<Row> adjust(Dataset<Row> levels, Spec spec) {
        return levels.select("geo_code", "geo_version", "industry_code", "period", "index_value")
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0) + "\u0001" + r.getString(1) + "\u0001"
                        + r.getString(2), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (key, rows) -> List.of(
                        series(key.split("\u0001", -1), rows, spec)).iterator(), Encoders.row(SERIES));
    }

    /** One series: adjusted, or a row saying why not. */
    static Row series(String[] key, Iterator<Row> rows, Spec spec) {
        TreeMap<YearMonth, Double> values = new TreeMap<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            if (!row.isNullAt(4)) {
                values.put(YearMonth.parse(row.getString(3)), row.getDouble(4));
            }
        }
        String method = spec.methodName();
        String problem = problem(values);
        String first = values.isEmpty() ? null : values.firstKey().toString();
        String last = values.isEmpty() ? null : values.lastKey().toString();
        if (problem != null) {
            return failed(key, method, values.size(), first, last, "not_adjusted", problem);
        }
        YearMonth start = values.firstKey();
        double[] series = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        TetRegressor tet = new TetRegressor(ReferenceData.get().tetDates(), spec.tetDaysBefore(), spec.tetDaysAfter());
        SeriesAdjuster.Adjustment adjustment;
        try {
            adjustment = SeriesAdjuster.adjust(spec.method(), start, series,
                    tet.values(start, series.length + SeriesAdjuster.REGRESSOR_HORIZON));
        } catch (RuntimeException e) {
            // JDemetra+ reports a series it cannot model by an exception; the series gets a row that says so.
            return failed(key, method, series.length, first, last, "failed", spec.method() + " failed on this series: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        List<Row> months = new ArrayList<>();
        double[] sa = adjustment.seasonallyAdjusted();
        for (int i = 0; i < series.length; i++) {
            Double mom = i == 0 ? null : (sa[i] / sa[i - 1] - 1) * 100;
            months.add(RowFactory.create(start.plusMonths(i).toString(), series[i], sa[i], adjustment.trend()[i],
                    adjustment.seasonalFactor()[i], adjustment.tetEffect()[i], adjustment.calendarEffect()[i],
                    adjustment.irregular()[i], mom));
        }
        SeriesAdjuster.Diagnostics d = adjustment.diagnostics();
        String status = d.tetPValue() < 0.05 ? "adjusted" : "adjusted_tet_not_significant";
        return RowFactory.create(key[0], key[1], key[2], method, series.length, first, last, status,
                status.equals("adjusted") ? null : String.format(java.util.Locale.ROOT,
                        "the Tết coefficient %.4f has p-value %.3f (≥ 0.05): the series shows no Tết effect; the"
                                + " regressor is kept so that every series is adjusted alike", d.tetCoefficient(),
                        d.tetPValue()),
                d.model(), d.logTransformed(), d.tetCoefficient(), d.tetStdError(), d.tetPValue(), d.outliers(),
                d.ljungBoxPValue(), d.m7(), d.q(), d.residualSeasonalityQsPValue(), d.residualSeasonalityFPValue(),
                seq(months));
    }

    /** Spark's Row holds arrays as Scala sequences. */
    private static scala.collection.immutable.Seq<Row> seq(List<Row> rows) {
        return scala.jdk.javaapi.CollectionConverters.asScala(rows).toList();
    }

    /** Why a series cannot be adjusted, or null. */
    static String problem(TreeMap<YearMonth, Double> values) {
        if (values.size() < MINIMUM_MONTHS) {
            return values.size() + " month(s) with a value; seasonal adjustment needs at least " + MINIMUM_MONTHS
                    + " (five years)";
        }
        long span = values.firstKey().until(values.lastKey(), java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (span != values.size()) {
            return (span - values.size()) + " month(s) missing between " + values.firstKey() + " and "
                    + values.lastKey() + "; the series must have every month";
        }
        for (var entry : values.entrySet()) {
            if (!(entry.getValue() > 0) || Double.isInfinite(entry.getValue())) {
                return "index " + entry.getValue() + " in " + entry.getKey() + " is not a positive number";
            }
        }
        return null;
    }

    private static Row failed(String[] key, String method, int months, String first, String last, String status,
                              String reason) {
        return RowFactory.create(key[0], key[1], key[2], method, months, first, last, status, reason, null, null, null, null,
                null, null, null, null, null, null, null, seq(List.of()));
    }

    /** The adjusted months of every series, one row per series and month. */
    public static Dataset<Row> months(Dataset<Row> series) {
        return series.select(col("geo_code"), col("geo_version"), col("industry_code"), col("method"),
                        org.apache.spark.sql.functions.explode(col("months")).as("m"))
                .select(col("geo_code"), col("geo_version"), col("industry_code"), col("method"), col("m.*"));
    }

    /** One row per series: its status, reason and diagnostics. */
    public static Dataset<Row> diagnostics(Dataset<Row> series) {
        return series.drop("months");
    }
}
