package vn.iip.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeConfigTest {
    private static final String GOOD_TOKEN = "hK3vN9qLp2XwZ7mT4rYc8sJd6fGb1aQe";

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "127.0.1.1"})
    void loopbackNeedsNoToken(String bind) {
        ServeConfig config = ServeConfig.of("/w", bind, 15002, name -> null);
        assertEquals(null, config.token());
        assertEquals("ServeConfig[/w, " + bind + ":15002]", config.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.5", "::"})
    void anyOtherAddressNeedsAToken(String bind) {
        RuntimeException error = assertThrows(vn.iip.IipException.class,
                () -> ServeConfig.of("/w", bind, 15002, name -> null));
        assertEquals("Refusing to serve the warehouse on " + bind + " without a token: any host that reaches it could"
                + " read every table. Export IIP_SERVE_TOKEN=$(head -c 32 /dev/urandom | base64) before jobs/iip serve,"
                + " and give it to clients as sc://HOST:15002/;authorization=Bearer%20<secret> (put a TLS proxy in front"
                + " beyond a trusted network), or bind 127.0.0.1", error.getMessage());
    }

    @Test
    void theTokenComesFromTheEnvironmentAndStaysOutOfText() {
        ServeConfig config = ServeConfig.of("/w", "0.0.0.0", 15010, Map.of("IIP_SERVE_TOKEN", GOOD_TOKEN)::get);
        assertEquals(GOOD_TOKEN, config.token());
        assertEquals("ServeConfig[/w, 0.0.0.0:15010, token from IIP_SERVE_TOKEN]", config.toString());
        assertEquals("sc://HOST:15010/;authorization=Bearer%20<token>", config.clientUrl());
    }

    /** Short or repetitive tokens are refused on any address, with how to make a good one. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "s3cret", "0123456789012345678901234567890", "abababababababababababababababababab"})
    void weakTokensAreRefused(String token) {
        for (String bind : new String[] {"0.0.0.0", "127.0.0.1"}) {
            RuntimeException error = assertThrows(vn.iip.IipException.class,
                    () -> ServeConfig.of("/w", bind, 15002, Map.of("IIP_SERVE_TOKEN", token)::get));
            assertEquals("Refusing to serve with a weak IIP_SERVE_TOKEN (" + token.length() + " characters, "
                    + token.chars().distinct().count() + " different): anyone who guesses it reads every table. Use at"
                    + " least 32 random characters, e.g. export IIP_SERVE_TOKEN=$(head -c 32 /dev/urandom | base64)",
                    error.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65536, -1})
    void thePortMustBeAPortNumber(int port) {
        assertEquals("--port must be a port number (1-65535), not " + port, assertThrows(
                IllegalArgumentException.class, () -> ServeConfig.of("/w", "127.0.0.1", port, name -> null))
                .getMessage());
    }
}
