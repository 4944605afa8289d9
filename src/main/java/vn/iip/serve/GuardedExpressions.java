package vn.iip.serve;

import java.util.Optional;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.TryReflect;
import org.apache.spark.sql.catalyst.expressions.UserDefinedExpression;

/**
 * Expressions that run Java or user code on the server: reflect, java_method and try_reflect call any static method
 * (System.exit, System.getenv…); Scala, Java and Python UDFs and aggregators run the client's code; Hive functions
 * load classes by name. SQL's built-in functions are all an analyst needs.
 */
final class GuardedExpressions {
    private GuardedExpressions() {}

    /** The refusal for this one expression (not its children), or empty. */
    static Optional<String> refusal(Expression expression) {
        if (expression instanceof CallMethodViaReflection || expression instanceof TryReflect) {
            return Optional.of(ReadOnlyGuard.READ_ONLY + "reflect, java_method and try_reflect ("
                    + expression.getClass().getSimpleName() + ") would call Java methods on the server. Use SQL's"
                    + " built-in functions. " + WarehouseNames.whatAnalystsRead());
        }
        if (expression instanceof UserDefinedExpression udf) {
            return Optional.of(ReadOnlyGuard.READ_ONLY + "the user-defined function " + udf.name() + " ("
                    + expression.getClass().getSimpleName() + ") would run code of the client on the server. Use"
                    + " SQL's built-in functions. " + WarehouseNames.whatAnalystsRead());
        }
        if (expression.getClass().getName().startsWith("org.apache.spark.sql.hive.")) {
            return Optional.of(ReadOnlyGuard.READ_ONLY + "the Hive function " + expression.prettyName()
                    + " (" + expression.getClass().getSimpleName() + ") would load and run a Java class. Use SQL's"
                    + " built-in functions. " + WarehouseNames.whatAnalystsRead());
        }
        return Optional.empty();
    }
}
