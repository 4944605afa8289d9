package vn.iip.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A synthetic monthly series with a known Tết effect (log coefficient −0.25 on the centred regressor), a
 * trading-day effect, a fixed seasonal pattern, a trend and noise: each method finds the coefficient within two of
 * its standard errors and leaves no residual seasonality in the adjusted series.
 */
class SeriesAdjusterTest {
    static final double TRUE_TET = -0.25;
    static final YearMonth START = YearMonth.of(2010, 1);
    static final int MONTHS = 144;
    static final double[] SEASONAL = {0.96, 0.90, 1.02, 1.00, 1.01, 1.00, 1.03, 1.02, 0.99, 1.01, 1.00, 1.06};

    static double[] synthetic(double[] regressor) {
        Random noise = new Random(20261206L);
        double[] values = new double[MONTHS];
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = START.plusMonths(i);
            int weekdays = 0;
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                weekdays += month.atDay(day).getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() ? 1 : 0;
            }
            double log = Math.log(100) + 0.004 * i + Math.log(SEASONAL[month.getMonthValue() - 1])
                    + TRUE_TET * regressor[i] + 0.006 * (weekdays - 21.7) + 0.01 * noise.nextGaussian();
            values[i] = Math.exp(log);
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(SeriesAdjuster.Method.class)
    void findsTheKnownTetEffectAndLeavesNoSeasonality(SeriesAdjuster.Method method) {
        double[] regressor = TetRegressor.standard().values(START, MONTHS + SeriesAdjuster.REGRESSOR_HORIZON);
        double[] values = synthetic(regressor);
        SeriesAdjuster.Adjustment adjustment = SeriesAdjuster.adjust(method, START, values, regressor);
        SeriesAdjuster.Diagnostics d = adjustment.diagnostics();
        assertTrue(d.logTransformed(), d.toString());
        assertTrue(Math.abs(d.tetCoefficient() - TRUE_TET) <= 2 * d.tetStdError(), d.toString());
        assertTrue(d.tetStdError() > 0 && d.tetStdError() < 0.05, d.toString());
        assertTrue(d.tetPValue() < 0.001, d.toString());
        assertTrue(d.residualSeasonalityQsPValue() > 0.05, d.toString());
        assertTrue(d.residualSeasonalityFPValue() > 0.05, d.toString());
        assertEquals(MONTHS, adjustment.seasonallyAdjusted().length);
        // SA × seasonal × Tết × trading days gives the raw series back.
        for (int i = 0; i < MONTHS; i++) {
            double rebuilt = adjustment.seasonallyAdjusted()[i] * adjustment.seasonalFactor()[i]
                    * adjustment.tetEffect()[i] * adjustment.calendarEffect()[i];
            assertEquals(1, rebuilt / values[i], 1e-9, "month " + START.plusMonths(i));
            assertTrue(adjustment.calendarEffect()[i] > 0.95 && adjustment.calendarEffect()[i] < 1.05,
                    "month " + START.plusMonths(i) + ": trading-day factor " + adjustment.calendarEffect()[i]);
            assertEquals(Math.exp(d.tetCoefficient() * regressor[i]), adjustment.tetEffect()[i], 1e-12);
        }
        // The Tết effect left the SA series: its January–February month-on-month swings are small.
        double rawSwing = 0;
        double saSwing = 0;
        for (int i = 1; i < MONTHS; i++) {
            if (START.plusMonths(i).getMonthValue() <= 3) {
                rawSwing += Math.abs(Math.log(values[i] / values[i - 1]));
                saSwing += Math.abs(Math.log(adjustment.seasonallyAdjusted()[i]
                        / adjustment.seasonallyAdjusted()[i - 1]));
            }
        }
        assertTrue(saSwing < rawSwing / 4, "SA swing " + saSwing + " vs raw " + rawSwing);
        if (method == SeriesAdjuster.Method.X13) {
            assertTrue(d.m7() < 1 && d.q() < 1, d.toString());
        }
    }
}
