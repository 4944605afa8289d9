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

    /** The same writes on the stored tables, analysed: refused by the plan guard too, whatever built the plan. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "INSERT INTO iip_gold_store.dim_comparison VALUES ('x', 'month', 'x', 'x')                | INSERT",
            "UPDATE iip_gold_store.fact_iip_release SET value_pct = 0 WHERE period = '2021-11'         | UPDATE",
            "DELETE FROM iip_gold_store.fact_iip_release WHERE period = '2021-11'                     | DELETE",
            "DROP TABLE iip_gold_store.fact_iip_release                                             | DROP",
    })
    void writesToTheStoredTablesAreRefusedOnTheAnalysedPlan(String sql, String verb) throws Exception {
        String message = ReadOnlyGuard.refusal(analysed(sql)).orElse("(allowed)");
        assertEquals(true, message.startsWith("The IIP SQL endpoint is read-only: " + verb + " ("), message);
    }

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
        // As the endpoint judges them: from the SQL text, before the target is resolved (iip_gold's are views).
        SparkSession spark = (SparkSession) SharedWarehouse.spark();
        Optional<String> refusal = GuardedParser.refusal(spark.sessionState().sqlParser().parsePlan(sql));
        String message = refusal.orElse("(allowed)");
        assertEquals(true, message.startsWith("The IIP SQL endpoint is read-only: " + verb + " ("), message);
        assertEquals(true, message.endsWith(" would change the warehouse. Analysts read here; the warehouse changes"
                + " only through jobs/iip run. For results of your own, use CREATE TEMPORARY VIEW … AS SELECT (it lives"
                + " in your session only)."), message);
    }

    /** Reads that reach outside the warehouse or run code, judged on the analysed plan (the last line of defence). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM text.`/etc/hosts`                                  | reading files by path (file:/etc/hosts)",
            "SELECT * FROM json.`/etc/hosts`                                  | reading files by path (file:/etc/hosts)",
            "SELECT (SELECT count(*) FROM text.`/etc/hosts`) AS n             | reading files by path (file:/etc/hosts)",
            "SELECT * FROM iip_gold.dim_comparison WHERE comparison IN (SELECT value FROM text.`/etc/hosts`)"
                    + "                                                        | reading files by path (file:/etc/hosts)",
            "CREATE TEMPORARY VIEW hosts AS SELECT * FROM text.`/etc/hosts`   | reading files by path (file:/etc/hosts)",
            "SELECT reflect('java.lang.System', 'getProperty', 'user.home')  | reflect, java_method and try_reflect"
                    + " (CallMethodViaReflection) would call Java methods on the server",
            "SELECT java_method('java.lang.System', 'getenv', 'HOME')         | reflect, java_method and try_reflect"
                    + " (CallMethodViaReflection) would call Java methods on the server",
            "SELECT try_reflect('java.lang.System', 'exit', 0)                | reflect, java_method and try_reflect"
                    + " (TryReflect) would call Java methods on the server",
            "SELECT upper(reflect('java.lang.System', 'getenv', 'HOME'))      | reflect, java_method and try_reflect",
            "CREATE TEMPORARY VIEW probe USING text OPTIONS (path '/etc/hosts') | CREATE TEMPORARY VIEW … USING defines"
                    + " a data source of the client",
            "CREATE GLOBAL TEMPORARY VIEW shared AS SELECT 1 AS x             | CREATE (CreateViewCommand)",
            "SET spark.sql.catalog.probe = org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog"
                    + "                                                        | setting spark.sql.catalog.probe is not allowed",
            "SET spark.sql.runSQLOnFiles = true                               | setting spark.sql.runSQLOnFiles is not allowed",
            "ADD JAR /tmp/probe.jar                                           | ADD JAR (AddJarsCommand)",
            "CREATE TEMPORARY FUNCTION probe AS 'org.example.Probe'           | CREATE (CreateFunctionCommand)",
    })
    void readsOutsideTheWarehouseAndJavaCallsAreRefused(String sql, String refusal) throws Exception {
        String message = ReadOnlyGuard.refusal(analysed(sql)).orElse("(allowed)");
        assertEquals(true, message.startsWith("The IIP SQL endpoint is read-only: " + refusal), message);
    }

    /** The same names are refused from the SQL text, before Spark resolves (and opens) anything. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "SELECT * FROM text.`/etc/passwd`", "SELECT * FROM csv.`/etc/passwd`", "SELECT * FROM parquet.`/x`",
            "SELECT * FROM orc.`/x`", "SELECT * FROM binaryFile.`/etc`", "SELECT * FROM delta.`/tmp/warehouse/t`",
            "SELECT * FROM json.`/etc/passwd` VERSION AS OF 1", "SELECT (SELECT max(value) FROM text.`/etc/passwd`)",
            "SELECT * FROM other_catalog.db.t", "SELECT * FROM default.some_table", "DESCRIBE TABLE delta.`/tmp/t`",
            "DESCRIBE HISTORY delta.`/tmp/t`", "DESCRIBE DETAIL '/tmp/t'", "SHOW COLUMNS IN parquet.`/tmp/t`",
            "CREATE TEMPORARY VIEW v USING text OPTIONS (path '/etc/passwd')",
    })
    void namesOutsideTheWarehouseAreRefusedBeforeAnalysis(String sql) throws Exception {
        SparkSession spark = (SparkSession) SharedWarehouse.spark();
        String message = GuardedParser.refusal(spark.sessionState().sqlParser().parsePlan(sql)).orElse("(allowed)");
        assertEquals(true, message.startsWith("The IIP SQL endpoint is read-only: "), message);
        assertEquals(true, message.endsWith("(time travel included) by their names; other data comes in through"
                + " jobs/iip run."), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM iip_gold.v_iip_latest WHERE period = '2021-11'",
            "SELECT * FROM spark_catalog.iip_gold.v_iip_latest",
            "SELECT * FROM iip_silver.quarantine", "SELECT * FROM iip_bronze.extract_file",
            "SELECT (SELECT max(release_date) FROM iip_gold.dim_release) AS newest",
            "WITH x AS (SELECT 1 AS a) SELECT * FROM x", "SELECT * FROM range(3)", "VALUES (1, 2)",
            "SET spark.sql.session.timeZone = Asia/Ho_Chi_Minh", "SET spark.sql.shuffle.partitions", "SET",
            "SHOW FUNCTIONS", "DESCRIBE FUNCTION iip_gold.iip_as_of", "SHOW TBLPROPERTIES iip_gold.dim_release",
            "REFRESH TABLE iip_gold.dim_release", "CACHE TABLE newest AS SELECT * FROM iip_gold.v_iip_latest",
            "SELECT count(*) FROM iip_gold_store.fact_iip_release VERSION AS OF 0",
            "SELECT * FROM iip_gold.iip_as_of(DATE'2021-12-31')",
            "SHOW TABLES IN iip_gold",
            "SHOW COLUMNS IN iip_gold.fact_iip_release",
            "DESCRIBE TABLE EXTENDED iip_gold.fact_iip_release",
            "DESCRIBE HISTORY iip_gold_store.fact_iip_release",
            "EXPLAIN SELECT * FROM iip_gold.v_iip_latest",
            "SET spark.sql.shuffle.partitions = 4",
            "USE iip_gold",
            "CREATE TEMPORARY VIEW my_months AS SELECT * FROM iip_gold.v_iip_monthly_wide WHERE geo_code = 'VN'",
    })
    void readingIsAllowed(String sql) throws Exception {
        SparkSession spark = (SparkSession) SharedWarehouse.spark();
        assertEquals(Optional.empty(), GuardedParser.refusal(spark.sessionState().sqlParser().parsePlan(sql)));
        assertEquals(Optional.empty(), ReadOnlyGuard.refusal(analysed(sql)));
    }

    private static LogicalPlan analysed(String sql) throws Exception {
        SparkSession spark = (SparkSession) SharedWarehouse.spark();
        LogicalPlan parsed = spark.sessionState().sqlParser().parsePlan(sql);
        return spark.sessionState().analyzer().executeAndCheck(parsed, new QueryPlanningTracker(scala.Option.empty()));
    }
}
