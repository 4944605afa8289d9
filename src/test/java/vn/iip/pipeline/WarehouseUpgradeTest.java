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
 * entry) is attached from its Delta logs, gets the new columns, keeps its rows, and takes a run of the samples; with
 * its catalog lost afterwards, tables, views and the as-of function are attached again.
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

        ChildJvm.Result run = ChildJvm.main("run", "--warehouse", warehouse.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        ChildJvm.Result query = ChildJvm.main("sql", "--warehouse", warehouse.toString(), "--csv",
                "SELECT (SELECT count(*) FROM iip_bronze.extract_row WHERE source_place IS NULL),"
                        + " (SELECT count(*) FROM iip_bronze.extract_row WHERE source_place = 'row 2'"
                        + " AND file_sha256 <> 'cafebabe') > 0,"
                        + " (SELECT rule_id FROM iip_silver.quarantine WHERE file_sha256 = 'cafebabe'),"
                        + " (SELECT count(*) FROM iip_bronze.extract_file WHERE reader_notes IS NULL) > 1,"
                        + " (SELECT conservation_ok FROM iip_silver.run_log)");
        assertEquals(0, query.exitCode(), query.stderr());
        assertEquals("1,true,geo_unknown,true,true", query.stdout().split("\n")[1]);
        assertEquals("3\n", Files.readString(warehouse.resolve("_iip_layout_version")));

        // Its catalog lost (as for a warehouse built on a cluster without a metastore): names and views come back.
        try (java.util.stream.Stream<Path> catalog = Files.walk(warehouse.resolve("metastore_db"))) {
            catalog.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        ChildJvm.Result views = ChildJvm.main("sql", "--warehouse", warehouse.toString(), "--csv",
                "SELECT (SELECT value_pct FROM iip_gold.v_iip_latest WHERE period = '2021-11' AND geo_code = 'VN'"
                        + " AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'),"
                        + " (SELECT value_pct FROM iip_gold.iip_as_of(DATE'2021-12-31') WHERE period = '2021-11'"
                        + " AND geo_code = 'VN' AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'),"
                        + " (SELECT count(*) FROM iip_gold.v_iip_first_release) > 100");
        assertEquals(0, views.exitCode(), views.stderr());
        assertEquals("8.6,6.4,true", views.stdout().split("\n")[1]);
    }

    private static void write(SparkSession spark, Path location, String ddl, Row row) {
        spark.createDataFrame(List.of(row), StructType.fromDDL(ddl)).write().format("delta")
                .save(location.toString());
    }
}
