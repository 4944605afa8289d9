package vn.iip.serve;

import java.util.function.Function;

/**
 * How the SQL endpoint listens: address, port, and the token clients must present. Binding anything but loopback
 * exposes the warehouse to the network, so it needs a token; the token comes from an environment variable (never
 * the command line) and {@link #toString()} leaves it out.
 */
public record ServeConfig(String warehouse, String bind, int port, String token) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 15002;
    public static final String TOKEN_VARIABLE = "IIP_SERVE_TOKEN";

    /** A token shorter than this, or of fewer distinct characters, can be guessed or brute-forced. */
    static final int MIN_TOKEN_LENGTH = 32;
    private static final int MIN_DISTINCT_CHARACTERS = 10;

    public static ServeConfig of(String warehouse, String bind, int port, Function<String, String> environment) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be a port number (1-65535), not " + port);
        }
        String token = environment.apply(TOKEN_VARIABLE);
        token = token == null || token.isBlank() ? null : token;
        if (token != null && (token.length() < MIN_TOKEN_LENGTH
                || token.chars().distinct().count() < MIN_DISTINCT_CHARACTERS)) {
            throw new vn.iip.IipException("Refusing to serve with a weak " + TOKEN_VARIABLE + " (" + token.length()
                    + " characters, " + token.chars().distinct().count() + " different): anyone who guesses it reads"
                    + " every table. Use at least " + MIN_TOKEN_LENGTH + " random characters, e.g. export "
                    + TOKEN_VARIABLE + "=$(head -c 32 /dev/urandom | base64)");
        }
        if (token == null && !isLoopback(bind)) {
            throw new vn.iip.IipException("Refusing to serve the warehouse on " + bind + " without a token: any"
                    + " host that reaches it could read every table. Export " + TOKEN_VARIABLE + "=$(head -c 32"
                    + " /dev/urandom | base64) before jobs/iip serve, and give it to clients as"
                    + " sc://HOST:" + port + "/;authorization=Bearer%20<secret> (put a TLS proxy in front beyond"
                    + " a trusted network), or bind 127.0.0.1");
        }
        return new ServeConfig(warehouse, bind, port, token);
    }

    static boolean isLoopback(String bind) {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1") || bind.startsWith("127.");
    }

    /** What a client connects to (sc://…), with the token as a placeholder. */
    public String clientUrl() {
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "HOST" : bind;
        return "sc://" + host + ":" + port + (token == null ? "" : "/;authorization=Bearer%20<token>");
    }

    @Override
    public String toString() {
        return "ServeConfig[" + warehouse + ", " + bind + ":" + port + (token == null ? "" : ", token from "
                + TOKEN_VARIABLE) + "]";
    }
}
