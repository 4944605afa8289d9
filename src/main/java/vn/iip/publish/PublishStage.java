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
        replace(spark, Dimensions.geography(reference, today), GoldTables.DIM_GEOGRAPHY);
        replace(spark, Dimensions.industry(reference), GoldTables.DIM_INDUSTRY);
        replace(spark, Dimensions.period(reference), GoldTables.DIM_PERIOD);
        replace(spark, Dimensions.comparison(), GoldTables.DIM_COMPARISON);
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

    private static void replace(SparkSession spark, List<Row> rows, TableSpec table) {
        DeltaWrites.replace(spark.createDataFrame(rows, table.structType()), table);
    }
}
