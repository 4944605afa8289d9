package vn.iip.serve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser;
import org.sparkproject.connect.protobuf.Descriptors;
import org.sparkproject.connect.protobuf.Message;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Judges a Spark Connect request as the client sent it, before the server turns it into a Spark plan: anything
 * that carries the client's code (UDFs, typed functions, user-defined data sources, extensions) is refused here,
 * because merely deserialising it would run code; so are writes, streaming, ML, external commands and catalog
 * changes, reads through a data source or by path. What passes still goes through the parser and plan guards.
 */
final class ConnectPlans {
    private ConnectPlans() {}

    private static final String READ_ONLY = ReadOnlyGuard.READ_ONLY;

    /** Message types refused wherever they appear, with what they would do. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("spark.connect.CommonInlineUserDefinedFunction", "a user-defined function would run code of the"
                    + " client on the server"),
            Map.entry("spark.connect.CommonInlineUserDefinedTableFunction", "a user-defined table function would run"
                    + " code of the client on the server"),
            Map.entry("spark.connect.CommonInlineUserDefinedDataSource", "a data source defined by the client would"
                    + " run its code on the server"),
            Map.entry("spark.connect.TypedAggregateExpression", "a typed aggregator would run code of the client on"
                    + " the server"),
            Map.entry("spark.connect.MapPartitions", "mapPartitions would run a function of the client on the server"),
            Map.entry("spark.connect.GroupMap", "a grouped map would run a function of the client on the server"),
            Map.entry("spark.connect.CoGroupMap", "a cogrouped map would run a function of the client on the server"),
            Map.entry("spark.connect.ApplyInPandasWithState", "applyInPandasWithState would run a function of the"
                    + " client on the server"),
            Map.entry("spark.connect.MlRelation", "Spark ML is not part of the endpoint"),
            Map.entry("google.protobuf.Any", "extension messages are not served"),
            Map.entry("spark.connect.Read.DataSource", "reading through a data source or a path the client names"
                    + " (spark.read().format(…).load(…), .text(…), .csv(…)) is not allowed"));

    /** The only commands a client may send; everything else it asks for arrives as a query or as SQL. */
    private static final Set<String> COMMANDS = Set.of("sql_command", "create_dataframe_view",
            "get_resources_command", "remove_cached_remote_relation_command");

    /** Catalog calls that only look (and the analyst's own temporary views). */
    private static final Set<String> CATALOG_CALLS = Set.of("current_database", "set_current_database",
            "list_databases", "list_tables", "list_functions", "list_columns", "get_database", "get_table",
            "get_function", "database_exists", "table_exists", "function_exists", "drop_temp_view", "is_cached",
            "cache_table", "uncache_table", "clear_cache", "refresh_table", "current_catalog", "set_current_catalog",
            "list_catalogs", "list_partitions", "list_views", "get_table_properties", "get_create_table_string");

    private static final Set<String> JAVA_CALLS = Set.of("reflect", "java_method", "try_reflect");

    /** The refusal of the first part of {@code message} that may not run, or empty. */
    static Optional<String> refusal(Message message) {
        String type = message.getDescriptorForType().getFullName();
        if (REFUSED.containsKey(type)) {
            return Optional.of(READ_ONLY + REFUSED.get(type) + ". " + WarehouseNames.whatAnalystsRead());
        }
        if (message instanceof Plan plan && plan.hasCompressedOperation()) {
            return refusal(org.apache.spark.sql.connect.utils.PlanCompressionUtils.decompressPlan(plan));
        }
        Optional<String> here = fields(type, message);
        if (here.isPresent()) {
            return here;
        }
        for (Map.Entry<Descriptors.FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (Object value : values) {
                Optional<String> refused = refusal((Message) value);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fields(String type, Message message) {
        switch (type) {
            case "spark.connect.Command" -> {
                String command = setField(message);
                return COMMANDS.contains(command) ? Optional.empty() : Optional.of(READ_ONLY + "the command "
                        + command + " is not served: it would change the warehouse or run code on the server."
                        + " Analysts read here; the warehouse changes only through jobs/iip run.");
            }
            case "spark.connect.Catalog" -> {
                String call = setField(message);
                return CATALOG_CALLS.contains(call) ? Optional.empty() : Optional.of(READ_ONLY + "the catalog call "
                        + call + " would change the catalog. " + WarehouseNames.whatAnalystsRead());
            }
            case "spark.connect.CreateDataFrameViewCommand" -> {
                return Boolean.TRUE.equals(value(message, "is_global")) ? Optional.of(READ_ONLY + "a global"
                        + " temporary view would change what other analysts read; use createOrReplaceTempView.")
                        : Optional.empty();
            }
            case "spark.connect.Read" -> {
                return Boolean.TRUE.equals(value(message, "is_streaming")) ? Optional.of(READ_ONLY + "streaming"
                        + " reads are not served. " + WarehouseNames.whatAnalystsRead()) : Optional.empty();
            }
            case "spark.connect.Read.NamedTable" -> {
                return namedTable(String.valueOf(value(message, "unparsed_identifier")));
            }
            case "spark.connect.Expression.UnresolvedFunction", "spark.connect.CallFunction" -> {
                String name = String.valueOf(value(message, "function_name")).toLowerCase(java.util.Locale.ROOT);
                return JAVA_CALLS.contains(name) ? Optional.of(READ_ONLY + name + " would call Java methods on the"
                        + " server. Use SQL's built-in functions.") : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<String> namedTable(String identifier) {
        List<String> parts;
        try {
            parts = CollectionConverters.asJava(new CatalystSqlParser().parseMultipartIdentifier(identifier));
        } catch (Exception unparseable) {
            return Optional.empty(); // the server reports it as it would any bad name
        }
        return WarehouseNames.allowed(parts) ? Optional.empty() : Optional.of(GuardedParser.nameRefusal(parts));
    }

    /** The name of the field set in the message's first oneof (the command, the catalog call). */
    private static String setField(Message message) {
        for (Descriptors.OneofDescriptor oneof : message.getDescriptorForType().getOneofs()) {
            Descriptors.FieldDescriptor set = message.getOneofFieldDescriptor(oneof);
            if (set != null) {
                return set.getName();
            }
        }
        return "(none)";
    }

    private static Object value(Message message, String field) {
        Descriptors.FieldDescriptor descriptor = message.getDescriptorForType().findFieldByName(field);
        return descriptor == null || (!descriptor.isRepeated() && !message.hasField(descriptor)) ? null
                : message.getField(descriptor);
    }
}
