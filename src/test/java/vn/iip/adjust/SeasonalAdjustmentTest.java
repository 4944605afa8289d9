package vn.iip.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iip.testing.SharedWarehouse;

/** The grouped map over series on the shared session: each series adjusted alone, or a row saying why not. */
class SeasonalAdjustmentTest {
    static final StructType LEVELS = new StructType().add("geo_code", DataTypes.StringType)
            .add("geo_version", DataTypes.StringType).add("industry_code", DataTypes.StringType)
            .add("period", DataTypes.StringType).add("index_value", DataTypes.DoubleType);
    static double[] values;
    static double[] regressor;
    static List<Row> series;
    static Dataset<Row> adjusted;

    @BeforeAll
    static void adjustThreeSeries() {
        regressor = TetRegressor.standard().values(SeriesAdjusterTest.START,
                SeriesAdjusterTest.MONTHS + SeriesAdjuster.REGRESSOR_HORIZON);
        values = SeriesAdjusterTest.synthetic(regressor);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SeriesAdjusterTest.MONTHS; i++) {
            String period = SeriesAdjusterTest.START.plusMonths(i).toString();
            rows.add(RowFactory.create("VN", "vn63", "TOTAL", period, values[i]));
            if (i < 48) {
                rows.add(RowFactory.create("01", "vn63", "TOTAL", period, values[i]));
            }
            if (i != 70) {
                rows.add(RowFactory.create("R1", "region", "C", period, values[i]));
            }
        }
        adjusted = SeasonalAdjustment.adjust(SharedWarehouse.spark().createDataFrame(rows, LEVELS),
                SeasonalAdjustment.Spec.standard()).cache();
        series = SeasonalAdjustment.diagnostics(adjusted).orderBy("geo_code").collectAsList();
    }

    @Test
    void aLongEnoughSeriesIsAdjustedAsTheAdjusterWouldAlone() {
        Row national = series.get(2);
        assertEquals(List.of("VN", "x13", 144, "adjusted"), List.of(national.getAs("geo_code"),
                national.getAs("method"), national.getAs("months_count"), national.getAs("status")));
        SeriesAdjuster.Diagnostics alone = SeriesAdjuster.adjust(SeriesAdjuster.Method.X13, SeriesAdjusterTest.START,
                values, regressor).diagnostics();
        assertEquals(alone.tetCoefficient(), (Double) national.getAs("tet_coefficient"), 1e-12);
        assertEquals(alone.tetStdError(), (Double) national.getAs("tet_std_error"), 1e-12);
        assertEquals(alone.q(), (Double) national.getAs("q"), 1e-12);
        assertNull(national.getAs("reason"));
        List<Row> months = SeasonalAdjustment.months(adjusted).filter("geo_code = 'VN'").orderBy("period")
                .collectAsList();
        assertEquals(144, months.size());
        assertNull(months.get(0).getAs("mom_sa_pct"));
        double sa1 = months.get(1).getAs("sa_index");
        double sa0 = months.get(0).getAs("sa_index");
        assertEquals((sa1 / sa0 - 1) * 100, (Double) months.get(1).getAs("mom_sa_pct"), 1e-12);
        assertEquals(values[5], (Double) months.get(5).getAs("index_value"), 0);
    }

    @Test
    void shortOrBrokenSeriesGetARowSayingWhy() {
        Row province = series.get(0);
        assertEquals(List.of("01", "not_adjusted", 48), List.of(province.getAs("geo_code"),
                province.getAs("status"), province.getAs("months_count")));
        assertEquals("48 month(s) with a value; seasonal adjustment needs at least 60 (five years)",
                province.getAs("reason"));
        Row region = series.get(1);
        assertEquals("1 month(s) missing between 2010-01 and 2021-12; the series must have every month",
                region.getAs("reason"));
        assertEquals(0L, SeasonalAdjustment.months(adjusted).filter("geo_code <> 'VN'").count());
    }
}
