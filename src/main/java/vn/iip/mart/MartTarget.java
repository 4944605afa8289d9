package vn.iip.mart;

import java.util.Properties;

/**
 * Where the mart goes: a PostgreSQL JDBC URL and the user, with the password taken from an environment variable
 * (never from a file or the command line). {@link #toString()} leaves the password out, so it cannot reach a log.
 */
public record MartTarget(String jdbcUrl, String user, String password) {

    public static MartTarget of(String jdbcUrl, String user, String passwordVariable,
                                java.util.function.Function<String, String> environment) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The BI mart needs PostgreSQL: --jdbc-url must start with"
                    + " jdbc:postgresql: (got '" + jdbcUrl + "'), e.g. jdbc:postgresql://127.0.0.1:5432/iip");
        }
        String password = null;
        if (passwordVariable != null && !passwordVariable.isEmpty()) {
            password = environment.apply(passwordVariable);
            if (password == null) {
                throw new IllegalArgumentException("--password-env names the environment variable " + passwordVariable
                        + ", which is not set; export it before publishing (the password never goes on the command"
                        + " line)");
            }
        }
        return new MartTarget(jdbcUrl, user == null || user.isEmpty() ? null : user, password);
    }

    /** Connection properties for JDBC and for Spark's JDBC writer. */
    public Properties properties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("driver", "org.postgresql.Driver");
        return properties;
    }

    @Override
    public String toString() {
        return "MartTarget[" + jdbcUrl + (user == null ? "" : ", user " + user)
                + (password == null ? "" : ", password from the environment") + "]";
    }
}
