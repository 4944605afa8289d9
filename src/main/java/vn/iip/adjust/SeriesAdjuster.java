package vn.iip.adjust;

import java.time.YearMonth;
import jdplus.sa.base.api.ComponentType;
import jdplus.sa.base.api.SaVariable;
import jdplus.sa.base.core.diagnostics.GenericSaTests;
import jdplus.toolkit.base.api.data.DoubleSeq;
import jdplus.toolkit.base.api.modelling.ComponentInformation;
import jdplus.toolkit.base.api.processing.ProcessingLog;
import jdplus.toolkit.base.api.timeseries.StaticTsDataSupplier;
import jdplus.toolkit.base.api.timeseries.TsData;
import jdplus.toolkit.base.api.timeseries.TsPeriod;
import jdplus.toolkit.base.api.timeseries.regression.IOutlier;
import jdplus.toolkit.base.api.timeseries.regression.IUserVariable;
import jdplus.toolkit.base.api.timeseries.regression.ModellingContext;
import jdplus.toolkit.base.api.timeseries.regression.RegressionItem;
import jdplus.toolkit.base.api.timeseries.regression.TsContextVariable;
import jdplus.toolkit.base.api.timeseries.regression.TsDataSuppliers;
import jdplus.toolkit.base.api.timeseries.regression.Variable;
import jdplus.toolkit.base.core.regsarima.regular.RegSarimaModel;
import jdplus.toolkit.base.core.stats.tests.LjungBox;
import jdplus.tramoseats.base.api.tramoseats.TramoSeatsSpec;
import jdplus.tramoseats.base.core.tramoseats.TramoSeatsKernel;
import jdplus.tramoseats.base.core.tramoseats.TramoSeatsResults;
import jdplus.x13.base.api.regarima.EasterSpec;
import jdplus.x13.base.api.x13.X13Spec;
import jdplus.x13.base.core.x13.X13Results;
import jdplus.x13.base.core.x13.X13Kernel;

/**
 * One monthly series through JDemetra+ 3: X-13 (RSA5) or TRAMO-SEATS (RSAfull), with the Tết regressor as a user
 * variable of seasonal effect (so that it leaves the seasonally adjusted series, as a moving holiday does) and
 * Easter switched off (no Easter in Vietnam's calendar). A plain function: values in, components and diagnostics
 * out, no IO.
 */
public final class SeriesAdjuster {
    private SeriesAdjuster() {}

    public enum Method { X13, TRAMO_SEATS }

    /** Months of regressor beyond the series that the forecasts of either method may read. */
    public static final int REGRESSOR_HORIZON = 36;
    static final String TET = "tet";

    /** What came out for one series; the arrays follow the input months, values as factors for a log model. */
    public record Adjustment(double[] seasonallyAdjusted, double[] trend, double[] seasonalFactor, double[] tetEffect,
                             double[] calendarEffect, double[] irregular, Diagnostics diagnostics) {}

    /** The model and the tests a reader needs to trust (or distrust) the adjustment of one series. */
    public record Diagnostics(String model, boolean logTransformed, double tetCoefficient, double tetStdError,
                              double tetPValue, int outliers, double ljungBoxPValue, Double m7, Double q,
                              double residualSeasonalityQsPValue, double residualSeasonalityFPValue) {}

    /**
     * @param regressor the centred Tết regressor from {@code start}, at least {@code values.length +
     *                  REGRESSOR_HORIZON} months long
     */
    public static Adjustment adjust(Method method, YearMonth start, double[] values, double[] regressor) {
        if (regressor.length < values.length + REGRESSOR_HORIZON) {
            throw new IllegalArgumentException("the Tết regressor covers " + regressor.length + " months; the series"
                    + " needs " + (values.length + REGRESSOR_HORIZON) + " (its months and the forecast horizon)");
        }
        TsPeriod first = TsPeriod.monthly(start.getYear(), start.getMonthValue());
        TsData series = TsData.ofInternal(first, values.clone());
        ModellingContext context = new ModellingContext();
        TsDataSuppliers variables = new TsDataSuppliers();
        variables.set(TET, new StaticTsDataSupplier(TsData.ofInternal(first, regressor.clone())));
        context.getTsVariableManagers().set("r", variables);
        Variable<TsContextVariable> tet = Variable.<TsContextVariable>builder().name(TET)
                .core(new TsContextVariable("r." + TET))
                .attribute(SaVariable.REGEFFECT, ComponentType.Seasonal.name()).build();
        return method == Method.X13 ? x13(series, context, tet, regressor) : tramoSeats(series, context, tet, regressor);
    }

    private static Adjustment x13(TsData series, ModellingContext context, Variable<TsContextVariable> tet,
                                  double[] regressor) {
        X13Spec base = X13Spec.RSA5;
        X13Spec spec = base.toBuilder().regArima(base.getRegArima().toBuilder().regression(
                base.getRegArima().getRegression().toBuilder().easter(EasterSpec.DEFAULT_UNUSED)
                        .userDefinedVariable(tet).build()).build()).build();
        X13Results results = X13Kernel.of(spec, context).process(series, ProcessingLog.dummy());
        if (results == null || !results.isValid() || results.getFinals() == null) {
            throw new AdjustmentFailure("X-13 found no valid model for the series");
        }
        RegSarimaModel model = results.getPreprocessing();
        boolean log = model.getDescription().isLogTransformation();
        var finals = results.getFinals();
        double[] sa = array(finals.getD11final(), series.length());
        double[] tetEffect = tetEffect(model, regressor, log);
        double[] calendar = calendarEffect(model, series.length());
        // D16 holds the seasonal factor with the calendar effects (Tết and trading days); those are divided out.
        double[] combined = array(finals.getD16(), series.length());
        double[] seasonal = new double[combined.length];
        for (int i = 0; i < combined.length; i++) {
            seasonal[i] = log ? combined[i] / (tetEffect[i] * calendar[i]) : combined[i] - tetEffect[i] - calendar[i];
        }
        var m = results.getDiagnostics().getMstatistics();
        return new Adjustment(sa, array(finals.getD12final(), series.length()), seasonal, tetEffect, calendar,
                array(finals.getD13final(), series.length()),
                diagnostics(model, log, results.getDiagnostics().getGenericDiagnostics(), m.getM(7), m.getQ()));
    }

    private static Adjustment tramoSeats(TsData series, ModellingContext context, Variable<TsContextVariable> tet,
                                  double[] regressor) {
        TramoSeatsSpec base = TramoSeatsSpec.RSAfull;
        var regression = base.getTramo().getRegression();
        TramoSeatsSpec spec = base.toBuilder().tramo(base.getTramo().toBuilder().regression(regression.toBuilder()
                .calendar(regression.getCalendar().toBuilder()
                        .easter(jdplus.tramoseats.base.api.tramo.EasterSpec.DEFAULT_UNUSED).build())
                .userDefinedVariable(tet).build()).build()).build();
        TramoSeatsResults results = TramoSeatsKernel.of(spec, context).process(series, ProcessingLog.dummy());
        if (results == null || !results.isValid() || results.getFinals() == null) {
            throw new AdjustmentFailure("TRAMO-SEATS found no valid model for the series");
        }
        RegSarimaModel model = results.getPreprocessing();
        boolean log = model.getDescription().isLogTransformation();
        var finals = results.getFinals();
        double[] sa = array(finals.getSeries(ComponentType.SeasonallyAdjusted, ComponentInformation.Value),
                series.length());
        double[] trend = array(finals.getSeries(ComponentType.Trend, ComponentInformation.Value), series.length());
        double[] irregular = array(finals.getSeries(ComponentType.Irregular, ComponentInformation.Value),
                series.length());
        double[] tetEffect = tetEffect(model, regressor, log);
        double[] calendar = calendarEffect(model, series.length());
        // The seasonal factor without the calendar and Tết parts: raw over (SA × Tết × trading days).
        double[] seasonal = new double[sa.length];
        for (int i = 0; i < sa.length; i++) {
            double y = series.getValue(i);
            seasonal[i] = log ? y / (sa[i] * tetEffect[i] * calendar[i]) : y - sa[i] - tetEffect[i] - calendar[i];
        }
        return new Adjustment(sa, trend, seasonal, tetEffect, calendar, irregular,
                diagnostics(model, log, results.getDiagnostics().getGenericDiagnostics(), null, null));
    }

    /** The Tết effect per month from its coefficient: a factor for a log model, an amount otherwise. */
    private static double[] tetEffect(RegSarimaModel model, double[] regressor, boolean log) {
        RegressionItem item = model.regressionItem(v -> v instanceof IUserVariable, 0);
        double coefficient = item == null ? 0 : item.getCoefficient();
        double[] effect = new double[model.getDescription().getSeries().length()];
        for (int i = 0; i < effect.length; i++) {
            double x = coefficient * regressor[i];
            effect[i] = log ? Math.exp(x) : x;
        }
        return effect;
    }

    /**
     * The trading-day and working-day effect the model found (a factor for a log model, 1 where none was selected;
     * an amount, 0 where none, otherwise).
     */
    private static double[] calendarEffect(RegSarimaModel model, int length) {
        return array(model.getTradingDaysEffect(model.getDescription().getDomain()), length);
    }

    private static Diagnostics diagnostics(RegSarimaModel model, boolean log, GenericSaTests tests, Double m7,
                                           Double q) {
        RegressionItem tet = model.regressionItem(v -> v instanceof IUserVariable, 0);
        int outliers = 0;
        for (var variable : model.getDescription().getVariables()) {
            if (variable.getCore() instanceof IOutlier) {
                outliers++;
            }
        }
        DoubleSeq residuals = model.fullResiduals().getValues();
        double ljungBox = new LjungBox(residuals).lag(1).autoCorrelationsCount(24)
                .hyperParametersCount(model.freeArimaParametersCount()).build().getPvalue();
        var onSa = tests.residualSeasonalityTestsOnSa();
        return new Diagnostics(model.specification().toString(), log,
                tet == null ? Double.NaN : tet.getCoefficient(), tet == null ? Double.NaN : tet.getStdError(),
                tet == null ? Double.NaN : tet.getPvalue(), outliers, ljungBox, m7, q,
                onSa.qsTest().getPvalue(), onSa.fTest().getPvalue());
    }

    private static double[] array(TsData data, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = data == null || i >= data.length() ? Double.NaN : data.getValue(i);
        }
        return values;
    }

    /** The method could not adjust the series; the message says why. */
    public static final class AdjustmentFailure extends RuntimeException {
        public AdjustmentFailure(String message) {
            super(message);
        }
    }
}
