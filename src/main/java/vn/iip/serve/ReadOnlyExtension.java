package vn.iip.serve;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Spark session extension of the SQL endpoint ({@code spark.sql.extensions}): a parser that refuses names outside
 * the warehouse before they are resolved ({@link GuardedParser}), and a check rule on every analysed plan of every
 * client session, before anything executes ({@link ReadOnlyGuard}). The endpoint itself prepares the catalog before
 * clients come, inside {@link #preparing}.
 */
public final class ReadOnlyExtension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

    /** Set only on the thread that prepares the catalog, before the endpoint accepts any client. */
    private static final ThreadLocal<Boolean> PREPARING = ThreadLocal.withInitial(() -> false);

    /** Runs the endpoint's own setup (views, a lost catalog re-attached) on this thread, unguarded. */
    static void preparing(Runnable setup) {
        PREPARING.set(true);
        try {
            setup.run();
        } finally {
            PREPARING.set(false);
        }
    }

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectParser(new AbstractFunction2<SparkSession, ParserInterface, ParserInterface>() {
            @Override
            public ParserInterface apply(SparkSession session, ParserInterface delegate) {
                return new GuardedParser(delegate);
            }
        });
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

    static boolean guarding() {
        return !PREPARING.get();
    }

    /**
     * Whether Delta's own code is analysing this plan: reconstructing a table's state from its log, listing its
     * files (plans over its log and its cached state, with UDFs of its own), while it serves a query a client's plan
     * already passed. A client's plan is analysed by Spark Connect or Spark's SQL entry points, never from inside
     * Delta: the commands through which Delta would take a client's query (MERGE, CREATE TABLE AS) are refused first.
     */
    static boolean plannedByDelta() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                frame.getClassName().startsWith("org.apache.spark.sql.delta.")));
    }

    private static final class Check extends AbstractFunction1<LogicalPlan, BoxedUnit> implements java.io.Serializable {
        @Override
        public BoxedUnit apply(LogicalPlan plan) {
            if (guarding() && !plannedByDelta()) {
                ReadOnlyGuard.refusal(plan).ifPresent(message -> {
                    throw new ReadOnlyViolation(message);
                });
            }
            return BoxedUnit.UNIT;
        }
    }

}
