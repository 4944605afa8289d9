package vn.iip.conform;

import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;
import vn.iip.reference.ReferenceData;

/**
 * Conforms raw rows into typed observations and quarantine rows (Dataset in, Dataset out; no IO). Also rejects
 * duplicates: the same figure twice in one release (identical → duplicate_row, different values → all rows
 * conflicting_values_in_release) and figures already loaded from an earlier file.
 */
public final class ConformStage {
    private ConformStage() {}

    /** Observation columns plus the quarantine columns; rule_id is null for accepted rows. */
    public static final StructType CONFORMED = StructType.fromDDL("observation_id STRING, release_id STRING,"
            + " release_date DATE, publisher STRING, period STRING, period_type STRING, period_start DATE,"
            + " period_end DATE, geo_code STRING, geo_version STRING, industry_code STRING, comparison STRING,"
            + " comparison_inferred BOOLEAN, measure STRING, value_pct DOUBLE, index_value DOUBLE,"
            + " value_published STRING, unit_published STRING, decimals_published INT, status STRING, source STRING,"
            + " file_sha256 STRING, row_number INT, source_place STRING, product_name STRING, quantity_unit STRING,"
            + " quantity DOUBLE, geo_input STRING, file_path STRING, raw_text STRING,"
            + " column_name STRING, raw_value STRING, rule_id STRING, reason STRING");

    /** Conformed rows, accepted and rejected together (split with {@link #observations} and {@link #quarantine}). */
    public static Dataset<Row> conform(Dataset<Row> rawRows, Dataset<Row> existingObservations) {
        Dataset<Row> conformed = conformRows(rawRows);
        return withDuplicates(conformed, duplicates(conformed, existingObservations));
    }

    /** Each raw row conformed on its own (no duplicate check yet), streamed row by row. */
    public static Dataset<Row> conformRows(Dataset<Row> rawRows) {
        return conformRows(rawRows, vn.iip.reference.SynonymAdditions.none());
    }

    /** The same with an operator's synonyms added to the bundled ones (shipped with the tasks). */
    public static Dataset<Row> conformRows(Dataset<Row> rawRows, vn.iip.reference.SynonymAdditions additions) {
        return rawRows
                .select("file_sha256", "file_path", "row_number", "raw_text", "fields", "read_rule_id", "read_reason",
                        "source_place")
                .mapPartitions(conformPartition(additions), Encoders.row(CONFORMED));
    }

    /** The rows' duplicate rejections applied: {@link #duplicates} joined back by (file_sha256, row_number). */
    public static Dataset<Row> withDuplicates(Dataset<Row> conformed, Dataset<Row> duplicates) {
        Dataset<Row> flags = duplicates.select(col("file_sha256").as("dup_sha256"), col("row_number").as("dup_row"),
                col("rule_id").as("dup_rule_id"), col("reason").as("dup_reason"));
        Dataset<Row> joined = conformed.join(flags, conformed.col("file_sha256").equalTo(flags.col("dup_sha256"))
                .and(conformed.col("row_number").equalTo(flags.col("dup_row"))), "left");
        return joined.withColumn("rule_id", functions.coalesce(col("dup_rule_id"), col("rule_id")))
                .withColumn("reason", functions.coalesce(col("dup_reason"), col("reason")))
                .select(java.util.Arrays.stream(CONFORMED.fieldNames()).map(functions::col).toArray(Column[]::new));
    }

    public static Dataset<Row> observations(Dataset<Row> conformed) {
        return conformed.filter(col("rule_id").isNull());
    }

    public static Dataset<Row> quarantine(Dataset<Row> conformed) {
        return conformed.filter(col("rule_id").isNotNull()).select("file_sha256", "file_path", "row_number",
                "source_place", "raw_text", "column_name", "raw_value", "rule_id", "reason");
    }

    /** Row by row as Spark pulls them: a partition is never held in memory. */
    private static MapPartitionsFunction<Row, Row> conformPartition(vn.iip.reference.SynonymAdditions additions) {
        return rows -> {
            RowConformer conformer = new RowConformer(ReferenceData.get().with(additions));
            return new java.util.Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return conformRow(conformer, rows.next());
                }
            };
        };
    }

    private static Row conformRow(RowConformer conformer, Row raw) {
        String sha = raw.getString(0);
        String path = raw.getString(1);
        int rowNumber = raw.getInt(2);
        String rawText = raw.getString(3);
        Map<String, String> fields = raw.isNullAt(4) ? Map.of() : CollectionConverters.asJava(raw.<String, String>getMap(4));
        String place = raw.isNullAt(7) ? "row " + rowNumber : raw.getString(7);
        if (!raw.isNullAt(5)) {
            return rejectedRow(sha, path, rowNumber, place, rawText, null, null, raw.getString(5),
                    fileName(path) + " " + place + ": " + raw.getString(6));
        }
        ConformedRow result = conformer.conform(fields, fileName(path), place);
        if (!result.isAccepted()) {
            return rejectedRow(sha, path, rowNumber, place, rawText, result.column(), result.rawValue(),
                    result.ruleId(), result.reason());
        }
        Observation o = result.observation();
        Period p = o.period();
        return RowFactory.create(ObservationKey.id(o), o.releaseId(), Date.valueOf(o.releaseDate()), o.publisher(),
                p.label(), p.type(), Date.valueOf(p.start()), Date.valueOf(p.end()), o.geoCode(), o.geoVersion(),
                o.industryCode(), o.comparison(), o.comparisonInferred(), o.measure(), o.valuePct(), o.indexValue(),
                o.valuePublished(), o.unit(), o.decimalsPublished(), o.status(), o.source(), sha, rowNumber, place,
                o.product(), o.quantityUnit(), o.quantity(), o.geoInput(), path, rawText, null, null, null, null);
    }

    private static Row rejectedRow(String sha, String path, int rowNumber, String place, String rawText,
                                   String column, String rawValue, String ruleId, String reason) {
        Object[] values = new Object[CONFORMED.size()];
        values[CONFORMED.fieldIndex("source_place")] = place;
        values[CONFORMED.fieldIndex("file_sha256")] = sha;
        values[CONFORMED.fieldIndex("row_number")] = rowNumber;
        values[CONFORMED.fieldIndex("file_path")] = path;
        values[CONFORMED.fieldIndex("raw_text")] = rawText;
        values[CONFORMED.fieldIndex("column_name")] = column;
        values[CONFORMED.fieldIndex("raw_value")] = rawValue;
        values[CONFORMED.fieldIndex("rule_id")] = ruleId;
        values[CONFORMED.fieldIndex("reason")] = reason;
        return RowFactory.create(values);
    }

    /** What the duplicate check reads of a conformed row: its key, value and what its messages name. */
    private static final String[] CHECKED = {"observation_id", "file_sha256", "file_path", "row_number", "source_place",
            "decimals_published", "value_pct", "quantity", "period", "geo_code", "industry_code", "product_name",
            "comparison", "measure", "release_id", "rule_id", "reason"};

    /**
     * The accepted rows that the duplicate check rejects: (file_sha256, row_number, rule_id, reason). Copies of one
     * figure in one release are duplicates when they agree at their published precision (8.47 in a table and 8.5 in
     * the text): the most precise copy is kept. Copies that disagree are all quarantined. A figure already loaded is
     * refused. Only the keys seen more than once or already loaded are ranked, on their few columns: a large load of
     * new figures (nearly all of them unique) shuffles its keys, never its rows.
     */
    public static Dataset<Row> duplicates(Dataset<Row> conformed, Dataset<Row> existingObservations) {
        Dataset<Row> accepted = conformed.filter(col("rule_id").isNull()).select(CHECKED[0],
                java.util.Arrays.copyOfRange(CHECKED, 1, CHECKED.length));
        Dataset<Row> copies = accepted.groupBy("observation_id").count();
        // A month added to a long history: its few keys are sent to the tasks scanning the loaded observations,
        // which are then never shuffled. (Keys are unique among the loaded observations: a copy is refused.)
        Dataset<Row> newIds = copies.select("observation_id");
        if (accepted.count() <= BROADCAST_KEYS) {
            newIds = functions.broadcast(newIds);
        }
        Dataset<Row> loadedOfNew = existingObservations.join(newIds, "observation_id");
        Dataset<Row> checkedIds = copies.filter(col("count").gt(1)).select("observation_id")
                .union(loadedOfNew.select("observation_id")).distinct();
        Dataset<Row> checked = accepted.join(checkedIds, "observation_id");
        return rejectDuplicates(checked, loadedOfNew).filter(col("rule_id").isNotNull())
                .select("file_sha256", "row_number", "rule_id", "reason");
    }

    /** New rows up to this many have their keys broadcast to the scan of the loaded observations. */
    private static final long BROADCAST_KEYS = 500_000;

    private static Dataset<Row> rejectDuplicates(Dataset<Row> conformed, Dataset<Row> existingObservations) {
        WindowSpec sameFigure = Window.partitionBy("observation_id");
        WindowSpec mostPreciseFirst = sameFigure.orderBy(col("decimals_published").desc(), col("file_path"),
                col("row_number"));
        Column accepted = col("rule_id").isNull();
        // Growth for IIP figures, the quantity for product quantities: what two copies must agree on.
        Column compared = functions.coalesce(col("value_pct"), col("quantity"));
        Dataset<Row> ranked = conformed
                .withColumn("compared_value", compared)
                .withColumn("copy_rank", when(accepted, row_number().over(mostPreciseFirst)))
                .withColumn("best_value", when(accepted, first(col("compared_value")).over(mostPreciseFirst)))
                .withColumn("first_place", first(col("source_place")).over(mostPreciseFirst))
                .withColumn("first_path", first(col("file_path")).over(mostPreciseFirst))
                .withColumn("disagrees", when(accepted, not(agree(col("compared_value"), col("best_value"),
                        col("decimals_published"))).cast("int")))
                .withColumn("disagreeing", when(accepted, sum(col("disagrees")).over(sameFigure)));
        Dataset<Row> existing = existingObservations.select(col("observation_id").as("loaded_id"),
                functions.coalesce(col("value_pct"), col("quantity")).as("loaded_value"),
                col("decimals_published").as("loaded_decimals"), col("file_path").as("loaded_path"),
                col("source_place").as("loaded_place"));
        Dataset<Row> joined = ranked.join(existing, ranked.col("observation_id").equalTo(existing.col("loaded_id")),
                "left");
        Column prefix = concat(col("file_name_for_message"), lit(" "), col("source_place"), lit(": "));
        Column conflict = accepted.and(col("disagreeing").gt(0));
        Column duplicate = accepted.and(col("copy_rank").gt(1));
        Column loaded = accepted.and(col("loaded_id").isNotNull());
        Column sameAsLoaded = agree(col("compared_value"), col("loaded_value"),
                functions.least(col("decimals_published"), col("loaded_decimals")));
        Column place = concat(col("first_place"), lit(" of "), col("first_path"));
        Column figure = concat(lit("the figure ("), functions.concat_ws(", ", col("period"), col("geo_code"),
                functions.coalesce(col("industry_code"), col("product_name")), col("comparison"), col("measure")),
                lit(") of release "), col("release_id"));
        return joined
                .withColumn("file_name_for_message", functions.regexp_extract(col("file_path"), "([^/]*)$", 1))
                .withColumn("reason", when(conflict, concat(prefix, figure, lit(" appears with different values in"
                        + " one release; which one is right cannot be decided, so every copy is quarantined: correct"
                        + " the extract and load it again")))
                        .when(duplicate, concat(prefix, figure, lit(" repeats "), place, lit(" (same value at the"
                                + " published precision); the most precise copy was kept: remove the repeated row")))
                        .when(loaded.and(sameAsLoaded), concat(prefix, figure, lit(" was already loaded from "),
                                col("loaded_place"), lit(" of "), col("loaded_path"), lit(" with the same value; nothing"
                                + " to do unless the file was meant to carry a new release date")))
                        .when(loaded, concat(prefix, figure, lit(" was already loaded from "), col("loaded_place"),
                                lit(" of "), col("loaded_path"), lit(" with value "), col("loaded_value"),
                                lit("; a revision needs its own release (a later release_date)")))
                        .otherwise(col("reason")))
                .withColumn("rule_id", when(conflict, lit(Rules.CONFLICTING_VALUES))
                        .when(duplicate, lit(Rules.DUPLICATE_ROW))
                        .when(loaded.and(sameAsLoaded), lit(Rules.ALREADY_LOADED))
                        .when(loaded, lit(Rules.CONFLICTS_WITH_LOADED))
                        .otherwise(col("rule_id")))
                .select(CHECKED[0], java.util.Arrays.copyOfRange(CHECKED, 1, CHECKED.length));
    }

    /** Equal at the given published precision (both "not available" also agree). */
    private static Column agree(Column value, Column other, Column decimals) {
        Column halfUnit = functions.pow(lit(10.0), decimals.multiply(-1)).divide(2).plus(1e-9);
        return value.isNull().and(other.isNull())
                .or(value.isNotNull().and(other.isNotNull()).and(functions.abs(value.minus(other)).leq(halfUnit)));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

}
