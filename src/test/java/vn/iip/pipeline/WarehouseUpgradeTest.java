package vn.iip.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.iip.testing.ChildJvm;
import vn.iip.testing.SharedWarehouse;

/**
 * A warehouse written before the lineage columns existed (tables in the layout of the first release, no catalog
 * entry) is attached from its Delta logs, gets the new columns, keeps its rows, and takes a run of the samples; given
 * afterwards a fresh catalog of layout 2 (gold tables registered under iip_gold's names), it is upgraded again: the
 * store attached from its logs, the gold it had recorded as a publish, views and the as-of function made.
 */
class WarehouseUpgradeTest {

    @Test
    void aWarehouseOfTheFirstLayoutIsUpgradedInPlaceAndKeepsItsRows() throws IOException {
        Path warehouse = Files.createTempDirectory("iip-old-layout");
        SparkSession spark = SharedWarehouse.spark();
        Timestamp then = Timestamp.valueOf("2026-11-20 10:00:00");
        write(spark, warehouse.resolve("iip_bronze/extract_file"), "sha256 STRING, path STRING, file_name STRING,"
                + " size_bytes BIGINT, format STRING, encoding STRING, delimiter STRING, data_rows INT, outcome STRING,"
                + " outcome_reason STRING, ingested_at TIMESTAMP, run_id STRING", RowFactory.create("cafebabe",
                "/old/x.csv", "x.csv", 20L, "long_csv", "UTF-8", ",", 1, "ingested", null, then, "old-run"));
        write(spark, warehouse.resolve("iip_bronze/extract_row"), "file_sha256 STRING, row_number INT,"
                + " raw_text STRING, fields MAP<STRING, STRING>, read_rule_id STRING, ingested_at TIMESTAMP,"
                + " run_id STRING", RowFactory.create("cafebabe", 2, "2021-11,Quang Nihn", null, null, then, "old-run"));
        write(spark, warehouse.resolve("iip_silver/quarantine"), "file_sha256 STRING, file_path STRING,"
                + " row_number INT, raw_text STRING, column_name STRING, raw_value STRING, rule_id STRING,"
                + " reason STRING, run_id STRING, ingested_at TIMESTAMP", RowFactory.create("cafebabe", "/old/x.csv", 2,
                "2021-11,Quang Nihn", "geo", "Quang Nihn", "geo_unknown", "x.csv row 2: …", "old-run", then));

        ChildJvm.Result run = ChildJvm.main("run", "--warehouse", warehouse.toString(), "--survey", "none");
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> query = vn.iip.testing.WarehouseByPath.sql(warehouse.toString(),
                "SELECT (SELECT count(*) FROM iip_bronze.extract_row WHERE source_place IS NULL),"
                        + " (SELECT count(*) FROM iip_bronze.extract_row WHERE source_place = 'row 2'"
                        + " AND file_sha256 <> 'cafebabe') > 0,"
                        + " (SELECT rule_id FROM iip_silver.quarantine WHERE file_sha256 = 'cafebabe'),"
                        + " (SELECT count(*) FROM iip_bronze.extract_file WHERE reader_notes IS NULL) > 1,"
                        + " (SELECT conservation_ok FROM iip_silver.run_log)");
        assertEquals("1,true,geo_unknown,true,true", query.get(1));
        assertEquals("4\n", Files.readString(warehouse.resolve("_iip_layout_version")));
        // A table of the old layout got the retention time travel needs (layout 4).
        ChildJvm.Result retention = ChildJvm.main("sql", "--warehouse", warehouse.toString(), "--csv",
                "SHOW TBLPROPERTIES iip_silver.quarantine ('delta.deletedFileRetentionDuration')");
        assertEquals(0, retention.exitCode(), retention.stderr());
        assertEquals("key,value\ndelta.deletedFileRetentionDuration,interval 180 days\n", retention.stdout());

        // Then given the catalog of layout 2 (iip_gold's names were the gold tables), from scratch: the next command
        // drops those names (keeping the files), attaches the gold store from its logs, records the gold it had as
        // a publish and makes iip_gold's views.
        ChildJvm.Result legacy = ChildJvm.java(System.getProperty("java.class.path"), "vn.iip.testing.LegacyCatalog",
                java.util.Map.of(), warehouse.toString());
        assertEquals(0, legacy.exitCode(), legacy.stderr());
        ChildJvm.Result views = ChildJvm.main("sql", "--warehouse", warehouse.toString(), "--csv",
                "SELECT (SELECT value_pct FROM iip_gold.v_iip_latest WHERE period = '2021-11' AND geo_code = 'VN'"
                        + " AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'),"
                        + " (SELECT value_pct FROM iip_gold.iip_as_of(DATE'2021-12-31') WHERE period = '2021-11'"
                        + " AND geo_code = 'VN' AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'),"
                        + " (SELECT count(*) FROM iip_gold.v_iip_first_release) > 100,"
                        + " (SELECT count(*) FROM iip_gold.fact_iip_release) = (SELECT count(*) FROM"
                        + " iip_gold_store.fact_iip_release),"
                        + " (SELECT run_id FROM iip_gold_store.gold_publish)");
        assertEquals(0, views.exitCode(), views.stderr());
        assertEquals("8.6,6.4,true,true,(upgrade: gold tables moved to iip_gold_store)",
                views.stdout().split("\n")[1], views.stdout());
        assertEquals("4\n", Files.readString(warehouse.resolve("_iip_layout_version")));
    }

    private static void write(SparkSession spark, Path location, String ddl, Row row) {
        spark.createDataFrame(List.of(row), StructType.fromDDL(ddl)).write().format("delta")
                .save(location.toString());
    }
}
