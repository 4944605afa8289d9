package vn.iip.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.spark.sql.catalyst.QueryPlanningTracker;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.classic.SparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.iip.testing.SharedWarehouse;

/**
 * Real statements on the shared warehouse, parsed and analysed by Spark (with Delta's rules) but never executed,
 * then judged by the guard of the SQL endpoint: every kind of write is refused with its verb, reading is allowed.
 */
class ReadOnlyGuardTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "INSERT INTO iip_gold.dim_comparison VALUES ('x', 'month', 'x', 'x')                      | INSERT",
            "INSERT OVERWRITE iip_gold.dim_comparison SELECT * FROM iip_gold.dim_comparison           | INSERT",
            "UPDATE iip_gold.fact_iip_release SET value_pct = 0 WHERE period = '2021-11'               | UPDATE",
            "DELETE FROM iip_gold.fact_iip_release WHERE period = '2021-11'                           | DELETE",
            "MERGE INTO iip_gold.dim_comparison t USING iip_gold.dim_comparison s ON t.comparison = s.comparison"
                    + " WHEN MATCHED THEN DELETE                                                      | MERGE",
            "CREATE TABLE iip_gold.my_copy AS SELECT * FROM iip_gold.dim_comparison                  | CREATE",
            "CREATE TABLE iip_gold.my_table (x INT) USING DELTA                                     | CREATE",
            "CREATE VIEW iip_gold.v_mine AS SELECT 1 AS x                                           | CREATE",
            "CREATE SCHEMA analyst_scratch                                                          | CREATE",
            "ALTER TABLE iip_gold.fact_iip_release ADD COLUMNS (note STRING)                        | ALTER",
            "ALTER TABLE iip_gold.fact_iip_release RENAME TO iip_gold.fact_old                      | ALTER",
            "ALTER TABLE iip_gold.fact_iip_release SET TBLPROPERTIES ('x' = 'y')                     | ALTER",
            "COMMENT ON TABLE iip_gold.fact_iip_release IS 'mine'                                   | COMMENT",
            "DROP TABLE iip_gold.fact_iip_release                                                   | DROP",
            "DROP VIEW iip_gold.v_iip_latest                                                        | DROP",
            "DROP SCHEMA iip_gold CASCADE                                                           | DROP",
            "TRUNCATE TABLE iip_gold.dim_comparison                                                 | TRUNCATE",
    })
    void writesAreRefusedWithTheirVerb(String sql, String verb) throws Exception {
        Optional<String> refusal = ReadOnlyGuard.refusal(analysed(sql));
        String message = refusal.orElse("(allowed)");
        assertEquals(true, message.startsWith("The IIP SQL endpoint is read-only: " + verb + " ("), message);
        assertEquals(true, message.endsWith(" would change the warehouse. Analysts read here; the warehouse changes"
                + " only through jobs/iip run. For results of your own, use CREATE TEMPORARY VIEW … AS SELECT (it lives"
                + " in your session only)."), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM iip_gold.v_iip_latest WHERE period = '2021-11'",
            "SELECT count(*) FROM iip_gold.fact_iip_release VERSION AS OF 0",
            "SELECT * FROM iip_gold.iip_as_of(DATE'2021-12-31')",
            "SHOW TABLES IN iip_gold",
            "SHOW COLUMNS IN iip_gold.fact_iip_release",
            "DESCRIBE TABLE EXTENDED iip_gold.fact_iip_release",
            "DESCRIBE HISTORY iip_gold.fact_iip_release",
            "EXPLAIN SELECT * FROM iip_gold.v_iip_latest",
            "SET spark.sql.shuffle.partitions = 4",
            "USE iip_gold",
            "CREATE TEMPORARY VIEW my_months AS SELECT * FROM iip_gold.v_iip_monthly_wide WHERE geo_code = 'VN'",
    })
    void readingIsAllowed(String sql) throws Exception {
        assertEquals(Optional.empty(), ReadOnlyGuard.refusal(analysed(sql)));
    }

    private static LogicalPlan analysed(String sql) throws Exception {
        SparkSession spark = (SparkSession) SharedWarehouse.spark();
        LogicalPlan parsed = spark.sessionState().sqlParser().parsePlan(sql);
        return spark.sessionState().analyzer().executeAndCheck(parsed, new QueryPlanningTracker(scala.Option.empty()));
    }
}
