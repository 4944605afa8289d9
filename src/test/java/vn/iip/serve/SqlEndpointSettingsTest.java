package vn.iip.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The endpoint's own settings cannot be dropped by other configuration. */
class SqlEndpointSettingsTest {
    private static final String DELTA = "io.delta.sql.DeltaSparkSessionExtension";
    private static final String GUARD = "vn.iip.serve.ReadOnlyExtension";

    @Test
    void theGuardAndDeltaJoinWhateverExtensionsAreConfigured() {
        assertEquals(DELTA + "," + GUARD, SqlEndpoint.extensions(""));
        assertEquals("org.example.Mine," + DELTA + "," + GUARD, SqlEndpoint.extensions(" org.example.Mine ,"));
        assertEquals(DELTA + "," + GUARD, SqlEndpoint.extensions(DELTA + "," + GUARD));
    }

    @Test
    void aSessionWithoutTheRequiredSettingsIsNamedWithoutShowingTheToken() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("spark.sql.extensions", DELTA + "," + GUARD);
        required.put("spark.connect.grpc.binding.address", "127.0.0.1");
        required.put("spark.connect.authenticate.token", "s3cret");
        assertNull(SqlEndpoint.conflict(required, required::get));
        assertEquals("Refusing to serve: the session's spark.connect.grpc.binding.address is '0.0.0.0' instead of"
                + " '127.0.0.1'; a setting from spark-submit --conf or IIP_JAVA_OPTS overrides it: remove that setting",
                SqlEndpoint.conflict(required, key -> key.endsWith("address") ? "0.0.0.0" : required.get(key)));
        assertEquals("Refusing to serve: the session's spark.connect.authenticate.token is not the token given instead"
                + " of IIP_SERVE_TOKEN; a setting from spark-submit --conf or IIP_JAVA_OPTS overrides it: remove that"
                + " setting", SqlEndpoint.conflict(required, key -> key.endsWith("token") ? "other" : required.get(key)));
    }
}
