package vn.iip.publish;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;
import vn.iip.catalog.Warehouse;
import vn.iip.conform.Measures;
import vn.iip.reference.ReferenceData;
import vn.iip.spark.DeltaWrites;

/**
 * Rebuilds the gold tables from silver: dimensions, all-vintage facts, revisions. Readers go on seeing the previous
 * gold until the run switches them over ({@code GoldSnapshot.publish}).
 */
public final class PublishStage {
    private PublishStage() {}

    /** Returns the number of fact rows published. */
    public static long run(SparkSession spark, Warehouse warehouse) {
        ReferenceData reference = ReferenceData.get();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        replace(spark, warehouse, Dimensions.geography(reference, today), GoldTables.DIM_GEOGRAPHY);
        List<Row> industries = new java.util.ArrayList<>(Dimensions.industry(reference));
        // The classes of the survey's baskets (a few hundred codes at most).
        List<String> classes = spark.table(vn.iip.catalog.SurveyTables.SURVEY_BASKET.qualifiedName())
                .select("vsic4").distinct().orderBy("vsic4").collectAsList().stream().map(r -> r.getString(0)).toList();
        industries.addAll(Dimensions.classes(classes, reference));
        replace(spark, warehouse, industries, GoldTables.DIM_INDUSTRY);
        replace(spark, warehouse, Dimensions.period(reference), GoldTables.DIM_PERIOD);
        replace(spark, warehouse, Dimensions.comparison(), GoldTables.DIM_COMPARISON);
        Dataset<Row> observations = spark.table(SilverTables.OBSERVATION.qualifiedName());
        DeltaWrites.replace(Dimensions.release(observations), GoldTables.DIM_RELEASE);
        Dataset<Row> iip = observations.filter(org.apache.spark.sql.functions.col("measure")
                .isin(Measures.IIP, Measures.CONTRIBUTION_PP));
        Dataset<Row> facts = Facts.releaseFacts(iip).persist(StorageLevel.MEMORY_AND_DISK());
        DeltaWrites.replace(facts, GoldTables.FACT_IIP_RELEASE);
        DeltaWrites.replace(Facts.revisions(facts), GoldTables.FACT_IIP_REVISION);
        long published = facts.count();
        facts.unpersist();
        return published;
    }

    /**
     * A dimension made from reference data is written only when its rows differ from those it holds: most runs
     * leave it as it is (no new Delta version), which spares a commit per dimension.
     */
    private static void replace(SparkSession spark, Warehouse warehouse, List<Row> rows, TableSpec table) {
        String hash = contentHash(rows, table);
        if (warehouse.holdsContent(table, hash)) {
            return;
        }
        DeltaWrites.replace(spark.createDataFrame(rows, table.structType()), table);
        warehouse.recordContent(table, hash);
    }

    static String contentHash(List<Row> rows, TableSpec table) {
        StringBuilder content = new StringBuilder(table.structType().toDDL());
        rows.forEach(row -> content.append('\n').append(row.mkString("\u0001")));
        return vn.iip.ingest.Sha256.hex(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
