package vn.iip.serve;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedView;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParameterContext;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The endpoint's SQL parser: Spark's (with Delta's), then a look at what the statement names before anything is
 * resolved. A relation by path or outside the warehouse schemas is refused here, so that Spark never opens the file
 * (resolving {@code csv.`/etc/passwd`} would read its first line to infer the columns). The plan-level guard checks
 * the analysed plan again, whatever built it.
 */
final class GuardedParser implements ParserInterface {
    private final ParserInterface delegate;

    GuardedParser(ParserInterface delegate) {
        this.delegate = delegate;
    }

    @Override
    public LogicalPlan parsePlan(String sqlText) throws ParseException {
        return checked(delegate.parsePlan(sqlText));
    }

    @Override
    public LogicalPlan parsePlanWithParameters(String sqlText, ParameterContext parameters) throws ParseException {
        return checked(delegate.parsePlanWithParameters(sqlText, parameters));
    }

    @Override
    public LogicalPlan parseQuery(String sqlText) throws ParseException {
        return checked(delegate.parseQuery(sqlText));
    }

    @Override
    public Expression parseExpression(String sqlText) throws ParseException {
        Expression expression = delegate.parseExpression(sqlText);
        if (ReadOnlyExtension.guarding()) {
            expressionRefusal(expression).ifPresent(GuardedParser::refuse);
        }
        return expression;
    }

    @Override
    public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
        return delegate.parseTableIdentifier(sqlText);
    }

    @Override
    public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
        return delegate.parseFunctionIdentifier(sqlText);
    }

    @Override
    public Seq<String> parseMultipartIdentifier(String sqlText) throws ParseException {
        return delegate.parseMultipartIdentifier(sqlText);
    }

    @Override
    public StructType parseRoutineParam(String sqlText) throws ParseException {
        return delegate.parseRoutineParam(sqlText);
    }

    @Override
    public StructType parseTableSchema(String sqlText) throws ParseException {
        return delegate.parseTableSchema(sqlText);
    }

    @Override
    public DataType parseDataType(String sqlText) throws ParseException {
        return delegate.parseDataType(sqlText);
    }

    private static LogicalPlan checked(LogicalPlan plan) {
        if (ReadOnlyExtension.guarding()) {
            refusal(plan).ifPresent(GuardedParser::refuse);
        }
        return plan;
    }

    private static void refuse(String message) {
        throw new ReadOnlyExtension.ReadOnlyViolation(message);
    }

    /** A parsed statement's refusal: a write or other command that is not a read, or a name not the warehouse's. */
    static Optional<String> refusal(LogicalPlan plan) {
        Optional<String> command = ReadOnlyGuard.parsedRefusal(plan);
        return command.isPresent() ? command : namesRefusal(plan);
    }

    /** The first name in a parsed plan that is not the warehouse's, with its refusal. */
    private static Optional<String> namesRefusal(LogicalPlan plan) {
        Optional<String> here = names(plan);
        if (here.isPresent()) {
            return here;
        }
        for (Expression expression : CollectionConverters.asJava(plan.expressions())) {
            Optional<String> refused = expressionRefusal(expression);
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
            Optional<String> refused = namesRefusal(child);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> names(LogicalPlan plan) {
        String kind = plan.getClass().getSimpleName();
        if (kind.contains("PathBased")) {
            return Optional.of(ReadOnlyGuard.READ_ONLY + "naming a table by its path is not allowed. "
                    + WarehouseNames.whatAnalystsRead());
        }
        if (plan instanceof RelationTimeTravel travel) {
            return namesRefusal(travel.relation());
        }
        Seq<String> parts = plan instanceof UnresolvedRelation r ? r.multipartIdentifier()
                : plan instanceof UnresolvedTable t ? t.multipartIdentifier()
                : plan instanceof UnresolvedTableOrView t ? t.multipartIdentifier()
                : plan instanceof UnresolvedView v ? v.multipartIdentifier() : null;
        if (parts == null) {
            return Optional.empty();
        }
        List<String> name = CollectionConverters.asJava(parts);
        return WarehouseNames.allowed(name) ? Optional.empty() : Optional.of(nameRefusal(name));
    }

    static String nameRefusal(List<String> name) {
        return ReadOnlyGuard.READ_ONLY + "reading " + WarehouseNames.quoted(name) + " is not allowed: it is not a"
                + " table or view of the warehouse (a file by path, or another schema or catalog). "
                + WarehouseNames.whatAnalystsRead();
    }

    private static Optional<String> expressionRefusal(Expression expression) {
        if (expression instanceof SubqueryExpression subquery) {
            Optional<String> refused = namesRefusal(subquery.plan());
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (Expression child : CollectionConverters.asJava(expression.children())) {
            Optional<String> refused = expressionRefusal(child);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }
}
