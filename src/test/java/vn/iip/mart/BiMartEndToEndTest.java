package vn.iip.mart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iip.testing.ChildJvm;
import vn.iip.testing.PostgresServer;

/**
 * The command line, as an operator uses it: `run` with a configuration that names the mart publishes it as its last
 * step (the password comes from the environment and appears nowhere in the output); `publish-bi` publishes again by
 * hand; and the mart answers what gold answers (read by path in the shared session). (Publishing only when behind: MartPublisherTest, isCurrent.)
 */
class BiMartEndToEndTest {
    private static final String PASSWORD_VARIABLE = "IIP_TEST_MART_PASSWORD";

    @Test
    void runPublishesTheMartAndItAnswersAsGoldDoes() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        Path folder = Files.createTempDirectory("iip-bi-mart");
        String warehouse = folder.resolve("warehouse").toString();
        Path config = Files.writeString(folder.resolve("mart.properties"), "iip.mart.jdbc-url = " + postgres.url()
                + "\niip.mart.user = " + PostgresServer.USER + "\niip.mart.password-env = " + PASSWORD_VARIABLE + "\n");
        Map<String, String> environment = Map.of(PASSWORD_VARIABLE, postgres.password());

        ChildJvm.Result run = iip(environment, "run", "--config", config.toString(), "--warehouse", warehouse,
                "--survey", "none");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("publish-bi  " + warehouse + " -> MartTarget[" + postgres.url() + ", user "
                + PostgresServer.USER + ", password from the environment] (publish "), run.stdout());
        assertTrue(run.stdout().contains("fact_iip_release        215 row(s)"), run.stdout());

        ChildJvm.Result byHand = iip(environment, "publish-bi", "--warehouse", warehouse, "--jdbc-url", postgres.url(),
                "--user", PostgresServer.USER, "--password-env", PASSWORD_VARIABLE);
        assertEquals(0, byHand.exitCode(), byHand.stderr());
        for (ChildJvm.Result result : List.of(run, byHand)) {
            assertFalse(result.stdout().contains(postgres.password()) || result.stderr().contains(postgres.password()),
                    "the password reached the output");
        }

        String latest = "SELECT geo_code, value_pct FROM %s WHERE period = '2021-11' AND industry_code = 'TOTAL'"
                + " AND comparison = 'mom' AND measure = 'iip' ORDER BY geo_code";
        // Gold read by path in the shared session: the latest release of each key, as iip_gold.v_iip_latest shows it.
        List<String> stored = vn.iip.testing.WarehouseByPath.sql(warehouse, String.format(latest,
                "iip_gold_store.fact_iip_release").replace("WHERE ", "WHERE is_latest_release AND "));
        try (Connection connection = postgres.connect()) {
            List<String> mart = MartPublisherTest.query(connection, String.format(latest, "iip_mart.iip_latest"));
            List<String> gold = stored.stream().skip(1).map(l -> l.replace(',', '|')).toList();
            assertTrue(gold.size() >= 7, String.join("\n", stored));
            assertEquals(gold, mart);
            assertEquals(List.of("2"), MartPublisherTest.query(connection, "SELECT count(DISTINCT publish_id) FROM"
                    + " iip_mart.mart_release WHERE warehouse = '" + warehouse + "'"));
        }
    }

    private static ChildJvm.Result iip(Map<String, String> environment, String... args) {
        return ChildJvm.java(System.getProperty("java.class.path"), "vn.iip.cli.Main", environment, args);
    }
}
