package vn.iip.serve;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.ResolvedPersistentView;
import org.apache.spark.sql.catalyst.analysis.ResolvedTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.HiveTableRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.delta.catalog.DeltaTableV2;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What an analysed plan may read: a table or view of the warehouse schemas (time travel included), literal values,
 * ranges, CTEs and the names SHOW and DESCRIBE resolve. A relation read by path, one the client defines through a
 * data source, a streaming source, or any relation Spark adds later, is refused.
 */
final class GuardedRelations {
    private GuardedRelations() {}

    /** Leaves that read nothing from storage, or only catalog names. */
    private static final Set<String> HARMLESS = Set.of("OneRowRelation", "LocalRelation", "Range", "CTERelationRef",
            "ResolvedNamespace", "ResolvedTempView", "ResolvedPersistentFunc", "ResolvedNonPersistentFunc");

    static Optional<String> refusal(LogicalPlan leaf) {
        String kind = leaf.getClass().getSimpleName();
        if (HARMLESS.contains(kind)) {
            return Optional.empty();
        }
        if (leaf instanceof LogicalRelation relation) {
            return relation.catalogTable().isDefined() ? catalogTable(relation.catalogTable().get())
                    : Optional.of(pathRefusal(relation));
        }
        if (leaf instanceof HiveTableRelation relation) {
            return catalogTable(relation.tableMeta());
        }
        if (leaf instanceof DataSourceV2Relation relation) {
            return relation.identifier().isDefined() && relation.catalog().isDefined()
                    ? identifier(relation.catalog().get(), relation.identifier().get())
                    : Optional.of(ReadOnlyGuard.READ_ONLY + "reading " + relation.table().name() + " through a data"
                    + " source the client names is not allowed. " + WarehouseNames.whatAnalystsRead());
        }
        if (leaf instanceof ResolvedTable table) {
            return identifier(table.catalog(), table.identifier());
        }
        if (leaf instanceof ResolvedPersistentView view) {
            return identifier(view.catalog(), view.identifier());
        }
        return Optional.of(ReadOnlyGuard.READ_ONLY + "reading " + kind + " is not allowed here. "
                + WarehouseNames.whatAnalystsRead());
    }

    /** Delta commands resolve their table themselves (DESCRIBE HISTORY): it must be a warehouse table by name. */
    static Optional<String> deltaTableRefusal(LogicalPlan node) {
        scala.collection.Iterator<Object> fields = node.productIterator();
        while (fields.hasNext()) {
            if (fields.next() instanceof DeltaTableV2 table) {
                return table.catalogTable().isDefined() ? catalogTable(table.catalogTable().get())
                        : Optional.of(ReadOnlyGuard.READ_ONLY + "the Delta table at " + table.path() + " is named by"
                        + " its path. " + WarehouseNames.whatAnalystsRead());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> catalogTable(CatalogTable table) {
        String schema = table.identifier().database().isDefined() ? table.identifier().database().get() : null;
        return WarehouseNames.isSchema(schema) ? Optional.empty() : Optional.of(outside(table.identifier().unquotedString()));
    }

    private static Optional<String> identifier(CatalogPlugin catalog, Identifier identifier) {
        List<String> namespace = List.of(identifier.namespace());
        boolean ours = "spark_catalog".equals(catalog.name()) && namespace.size() == 1
                && WarehouseNames.isSchema(namespace.get(0));
        return ours ? Optional.empty() : Optional.of(outside(catalog.name() + "." + String.join(".", namespace) + "."
                + identifier.name()));
    }

    private static String outside(String name) {
        return ReadOnlyGuard.READ_ONLY + "reading " + name + " is not allowed: it is not a table or view of the"
                + " warehouse. " + WarehouseNames.whatAnalystsRead();
    }

    private static String pathRefusal(LogicalRelation relation) {
        String what = relation.relation() instanceof HadoopFsRelation files
                ? "files by path (" + String.join(", ", CollectionConverters.asJava(files.location().rootPaths()).stream()
                        .map(Object::toString).toList()) + ")"
                : "through the data source " + relation.relation().getClass().getSimpleName();
        return ReadOnlyGuard.READ_ONLY + "reading " + what + " is not allowed. " + WarehouseNames.whatAnalystsRead();
    }
}
