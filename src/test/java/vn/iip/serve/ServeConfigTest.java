package vn.iip.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "127.0.1.1"})
    void loopbackNeedsNoToken(String bind) {
        ServeConfig config = ServeConfig.of("/w", bind, "15002", name -> null);
        assertEquals(null, config.token());
        assertEquals("ServeConfig[/w, " + bind + ":15002]", config.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.5", "::"})
    void anyOtherAddressNeedsAToken(String bind) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ServeConfig.of("/w", bind, "15002", name -> null));
        assertEquals("Refusing to serve the warehouse on " + bind + " without a token: any host that reaches it could"
                + " read every table. Export IIP_SERVE_TOKEN=<a long random secret> before jobs/iip serve, and give"
                + " it to clients as sc://HOST:15002/;authorization=Bearer%20<secret> (put a TLS proxy in front beyond"
                + " a trusted network), or bind 127.0.0.1", error.getMessage());
    }

    @Test
    void theTokenComesFromTheEnvironmentAndStaysOutOfText() {
        ServeConfig config = ServeConfig.of("/w", "0.0.0.0", "15010", Map.of("IIP_SERVE_TOKEN", "s3cret")::get);
        assertEquals("s3cret", config.token());
        assertEquals("ServeConfig[/w, 0.0.0.0:15010, token from IIP_SERVE_TOKEN]", config.toString());
        assertEquals("sc://HOST:15010/;authorization=Bearer%20<token>", config.clientUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "http", ""})
    void thePortMustBeAPortNumber(String port) {
        assertEquals("--port must be a port number (1-65535), not '" + port + "'", assertThrows(
                IllegalArgumentException.class, () -> ServeConfig.of("/w", "127.0.0.1", port, name -> null))
                .getMessage());
    }
}
