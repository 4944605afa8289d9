package vn.iip.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.iip.pipeline.RunConfig;

/** Every key's default and mapping, as Trino checks its config classes; and the shipped files against the keys. */
class JobSettingsTest {

    @Test
    void defaults() {
        JobSettings.Resolved resolved = JobSettings.resolve(Map.of(), "none", Map.of(), name -> null);
        assertEquals(new RunConfig(null, "warehouse"), resolved.run());
        assertEquals(false, resolved.mart().configured());
        assertEquals(Map.of("spark.sql.shuffle.partitions", "2", "spark.databricks.delta.snapshotPartitions", "2",
                "spark.iip.delta.commitAttempts", "5"), resolved.sparkConf());
    }

    @Test
    void everyKeyMapsWhereItShould() {
        Map<String, String> file = new LinkedHashMap<>();
        file.put("iip.input", "hdfs://nn:8020/landing");
        file.put("iip.survey", "hdfs://nn:8020/survey");
        file.put("iip.sa.method", "tramo-seats");
        file.put("iip.sa.tet-days-before", "0");
        file.put("iip.sa.tet-days-after", "30");
        file.put("iip.sa.scope", "headline");
        file.put("iip.release-schedule", "hdfs://nn:8020/ops/release_schedule.csv");
        file.put("iip.reference-additions", "hdfs://nn:8020/ops/additions");
        file.put("iip.warehouse", "hdfs://nn:8020/warehouse");
        file.put("iip.metastore.url", "jdbc:derby://127.0.0.1:1527/metastore;create=true");
        file.put("iip.metastore.driver", "org.example.Driver");
        file.put("iip.metastore.user", "iip");
        file.put("iip.metastore.password-env", "METASTORE_SECRET");
        file.put("iip.metastore.uris", "thrift://127.0.0.1:9083");
        file.put("iip.shuffle-partitions", "16");
        file.put("iip.delta.snapshot-partitions", "8");
        file.put("iip.delta.commit-attempts", "9");
        file.put("iip.lock.wait-seconds", "30");
        file.put("iip.mart.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/iip");
        file.put("iip.mart.user", "iip_publisher");
        file.put("iip.mart.password-env", "MART_SECRET");
        assertEquals(JobSettings.ALL.stream().map(Setting::key).collect(Collectors.toSet()), file.keySet(),
                "this test sets every key");
        JobSettings.Resolved resolved = JobSettings.resolve(file, "f", Map.of(),
                name -> name.equals("METASTORE_SECRET") ? "s3cret" : null);
        assertEquals(new RunConfig("hdfs://nn:8020/landing", "hdfs://nn:8020/warehouse",
                java.time.Duration.ofSeconds(30), "hdfs://nn:8020/survey", new vn.iip.adjust.SeasonalAdjustment.Spec(
                vn.iip.adjust.SeriesAdjuster.Method.TRAMO_SEATS, 0, 30, vn.iip.adjust.SeasonalAdjustment.Scope.HEADLINE),
                "hdfs://nn:8020/ops/release_schedule.csv", "hdfs://nn:8020/ops/additions", false), resolved.run());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spark.hadoop.javax.jdo.option.ConnectionURL", "jdbc:derby://127.0.0.1:1527/metastore;create=true");
        expected.put("spark.hadoop.javax.jdo.option.ConnectionDriverName", "org.example.Driver");
        expected.put("spark.hadoop.javax.jdo.option.ConnectionUserName", "iip");
        expected.put("spark.hadoop.javax.jdo.option.ConnectionPassword", "s3cret");
        expected.put("spark.hadoop.hive.metastore.uris", "thrift://127.0.0.1:9083");
        expected.put("spark.sql.shuffle.partitions", "16");
        expected.put("spark.databricks.delta.snapshotPartitions", "8");
        expected.put("spark.iip.delta.commitAttempts", "9");
        expected.put("spark.sql.catalogImplementation", "hive");
        assertEquals(expected, resolved.sparkConf());
        // The mart's password stays a variable name here: only publish-bi reads it, and never into Spark's conf.
        assertEquals(new JobSettings.Mart("jdbc:postgresql://127.0.0.1:5432/iip", "iip_publisher", "MART_SECRET"),
                resolved.mart());
    }

    @Test
    void commandLineOptionsOverrideTheFile() {
        JobSettings.Resolved resolved = JobSettings.resolve(Map.of("iip.input", "/a", "iip.warehouse", "/w"), "f",
                Map.of("iip.warehouse", "/elsewhere"), name -> null);
        assertEquals(new RunConfig("/a", "/elsewhere"), resolved.run());
    }

    @Test
    void theDriverFollowsTheUrlWhenNotGiven() {
        assertEquals("org.apache.derby.jdbc.ClientDriver", JobSettings.driverFor("jdbc:derby://127.0.0.1:1527/m"));
        assertEquals("org.postgresql.Driver", JobSettings.driverFor("jdbc:postgresql://127.0.0.1/m"));
        assertEquals("org.postgresql.Driver", JobSettings.resolve(Map.of("iip.metastore.url",
                "jdbc:postgresql://127.0.0.1/m"), "f", Map.of(), n -> null).sparkConf()
                .get("spark.hadoop.javax.jdo.option.ConnectionDriverName"));
    }

    @Test
    void anUnknownKeyIsAnErrorWithASuggestion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobSettings.resolve(
                Map.of("iip.warehous", "/w"), "jobs/conf/x.properties", Map.of(), n -> null));
        assertTrue(e.getMessage().startsWith("Unknown setting 'iip.warehous' in jobs/conf/x.properties (did you mean"
                + " 'iip.warehouse'?); known settings: iip.input, iip.survey, iip.sa.method, iip.sa.tet-days-before,"
                + " iip.sa.tet-days-after, iip.sa.scope, iip.release-schedule, iip.reference-additions, iip.warehouse,"),
                e.getMessage());
    }

    @Test
    void aMissingPasswordVariableIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobSettings.resolve(
                Map.of("iip.metastore.password-env", "NOPE"), "f", Map.of(), n -> null));
        assertEquals("iip.metastore.password-env names the environment variable NOPE, which is not set; export it"
                + " before starting the job", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two", "1.5", ""})
    void countsMustBePositiveWholeNumbers(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobSettings.resolve(
                Map.of("iip.shuffle-partitions", value), "f", Map.of(), n -> null));
        assertEquals("Setting iip.shuffle-partitions = '" + value + "' in f is not a positive whole number; write"
                + " e.g. 2", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iip.sa.method=x12|Setting iip.sa.method = 'x12' in f is no seasonal adjustment method;"
            + " write x13 or tramo-seats", "iip.sa.tet-days-before=31|Setting iip.sa.tet-days-before = '31' in f is"
            + " not a number of days from 0 to 30; write e.g. 7", "iip.sa.tet-days-after=-1|Setting"
            + " iip.sa.tet-days-after = '-1' in f is not a number of days from 0 to 30; write e.g. 14",
            "iip.sa.scope=some|Setting iip.sa.scope = 'some' in f is no set of series; write all or headline"})
    void theSeasonalAdjustmentSettingsAreChecked(String setting) {
        String[] parts = setting.split("[=|]", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobSettings.resolve(
                Map.of(parts[0], parts[1]), "f", Map.of(), n -> null));
        assertEquals(parts[2], e.getMessage());
    }

    @Test
    void everyKeyIsDescribedOnce() {
        Set<String> keys = JobSettings.ALL.stream().map(Setting::key).collect(Collectors.toSet());
        assertEquals(JobSettings.ALL.size(), keys.size());
        JobSettings.ALL.forEach(s -> assertFalse(s.description().isBlank(), s.key()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs/conf/local.properties", "jobs/conf/cluster.example.properties"})
    void theShippedFilesNameEveryKeyAndNothingElse(String file) {
        Map<String, String> values = ConfigFile.read(file);
        assertEquals(JobSettings.ALL.stream().map(Setting::key).toList(), List.copyOf(
                JobSettings.ALL.stream().map(Setting::key).filter(values::containsKey).toList()));
        assertEquals(values.size(), JobSettings.ALL.size());
        JobSettings.resolve(values, file, Map.of(), n -> "secret");
    }

    @Test
    void theLocalFileHoldsExactlyTheDefaults() {
        Map<String, String> values = ConfigFile.read("jobs/conf/local.properties");
        for (Setting setting : JobSettings.ALL) {
            assertEquals(setting.defaultValue(), values.get(setting.key()).trim(), setting.key());
        }
    }

    @Test
    void theReadmeTableListsEveryKeyWithItsSparkSetting() throws java.io.IOException {
        List<String> rows = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md")).stream()
                .filter(line -> line.startsWith("| `iip.")).toList();
        assertEquals(JobSettings.ALL.stream().map(Setting::key).toList(),
                rows.stream().map(row -> row.substring(3, row.indexOf('`', 3))).toList());
        for (int i = 0; i < rows.size(); i++) {
            Setting setting = JobSettings.ALL.get(i);
            String[] cells = rows.get(i).split("\\|");
            String spark = cells[cells.length - 1].trim();
            assertTrue(setting.sparkConf() == null ? spark.equals("—") : spark.startsWith("`" + setting.sparkConf() + "`"),
                    rows.get(i));
            if (!setting.defaultValue().isEmpty()) {
                assertEquals("`" + setting.defaultValue() + "`", cells[2].trim(), rows.get(i));
            }
        }
    }
}
