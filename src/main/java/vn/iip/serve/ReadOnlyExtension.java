package vn.iip.serve;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Spark session extension of the SQL endpoint ({@code spark.sql.extensions}): a check rule that runs on every
 * analysed plan of every client session, before anything executes, and refuses what {@link ReadOnlyGuard} refuses.
 */
public final class ReadOnlyExtension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectCheckRule(new AbstractFunction1<SparkSession, scala.Function1<LogicalPlan, BoxedUnit>>() {
            @Override
            public scala.Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
                return new Check();
            }
        });
        return BoxedUnit.UNIT;
    }

    /** Thrown for a refused statement; the client sees its message. */
    public static final class ReadOnlyViolation extends UnsupportedOperationException {
        ReadOnlyViolation(String message) {
            super(message);
        }
    }

    private static final class Check extends AbstractFunction1<LogicalPlan, BoxedUnit> implements java.io.Serializable {
        @Override
        public BoxedUnit apply(LogicalPlan plan) {
            ReadOnlyGuard.refusal(plan).ifPresent(message -> {
                throw new ReadOnlyViolation(message);
            });
            return BoxedUnit.UNIT;
        }
    }
}
