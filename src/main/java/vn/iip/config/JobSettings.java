package vn.iip.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.iip.adjust.SeasonalAdjustment;
import vn.iip.adjust.SeriesAdjuster;
import vn.iip.conform.VietnameseText;
import vn.iip.pipeline.RunConfig;

/**
 * The settings a job configuration file may hold (jobs/conf/*.properties), each with a default and a description.
 * A file is checked whole: an unknown key is an error, not silently ignored. Command-line options override the file;
 * Spark settings given to spark-submit with --conf override both.
 */
public final class JobSettings {
    private JobSettings() {}

    public static final String COMMIT_ATTEMPTS_CONF = "spark.iip.delta.commitAttempts";

    public static final List<Setting> ALL = List.of(
            new Setting("iip.input", "", "Folder or URI (file:, hdfs://, s3a://, abfss://) of the landing files;"
                    + " empty: the samples bundled in the jar", null),
            new Setting("iip.survey", "", "Folder or URI of the enterprise survey files (rounds, baskets, value added)"
                    + " the IIP is computed from; none: no survey; empty: the bundled synthetic survey when iip.input"
                    + " is empty too", null),
            new Setting("iip.sa.method", "x13", "How the computed index series are seasonally adjusted: x13"
                    + " (X-13ARIMA-SEATS, RSA5) or tramo-seats (TRAMO-SEATS, RSAfull), both with the Tết regressor",
                    null),
            new Setting("iip.sa.tet-days-before", "7", "Days before the first day of Tết in the Tết regressor's"
                    + " window (0-30)", null),
            new Setting("iip.sa.tet-days-after", "14", "Days after the first day of Tết in the Tết regressor's"
                    + " window (0-30)", null),
            new Setting("iip.sa.scope", "all", "Which computed series are seasonally adjusted: all (the total,"
                    + " sections and divisions of every geography) or headline (the country's total, sections and"
                    + " divisions, and the total of every province, unit and region)", null),
            new Setting("iip.release-schedule", "", "CSV file of when each publisher's releases are due (the columns"
                    + " of the bundled reference/release_schedule.csv); empty: the bundled schedule (GSO)", null),
            new Setting("iip.reference-additions", "", "Folder with geography_synonyms.csv and/or"
                    + " industry_synonyms.csv (the bundled files' columns) whose rows are added to the bundled"
                    + " synonyms; after adding one, jobs/iip run --reprocess applies it to rows already loaded", null),
            new Setting("iip.warehouse", "warehouse", "Warehouse folder or URI; the tables live at"
                    + " <warehouse>/<schema>/<table>", null),
            new Setting("iip.metastore.url", "", "JDBC URL of a shared Hive metastore database (a Derby network"
                    + " server or PostgreSQL); empty: embedded Derby inside a local warehouse, else an in-memory"
                    + " catalog re-attached from the Delta logs", "spark.hadoop.javax.jdo.option.ConnectionURL"),
            new Setting("iip.metastore.driver", "", "JDBC driver class of the metastore database; empty: taken from"
                    + " the URL (jdbc:derby:// → Derby client, jdbc:postgresql: → PostgreSQL)",
                    "spark.hadoop.javax.jdo.option.ConnectionDriverName"),
            new Setting("iip.metastore.user", "", "User of the metastore database",
                    "spark.hadoop.javax.jdo.option.ConnectionUserName"),
            new Setting("iip.metastore.password-env", "", "Name of the environment variable holding the metastore"
                    + " password (the password itself never goes into a file or a command line)",
                    "spark.hadoop.javax.jdo.option.ConnectionPassword"),
            new Setting("iip.metastore.uris", "", "Thrift URIs of a running Hive metastore service (instead of a"
                    + " JDBC URL)", "spark.hadoop.hive.metastore.uris"),
            new Setting("iip.shuffle-partitions", "2", "Partitions of every shuffle; 2 suits the samples on 2 cores,"
                    + " raise it with the data (e.g. 2–3 × the executor cores)", "spark.sql.shuffle.partitions"),
            new Setting("iip.delta.snapshot-partitions", "2", "Partitions used to read a Delta log snapshot",
                    "spark.databricks.delta.snapshotPartitions"),
            new Setting("iip.delta.commit-attempts", "5", "How often a write retries a commit that lost a race with a"
                    + " concurrent writer", COMMIT_ATTEMPTS_CONF),
            new Setting("iip.lock.wait-seconds", "600", "How long a run waits for another run that is writing the same"
                    + " warehouse before it gives up (one run at a time writes a warehouse)", null),
            new Setting("iip.mart.jdbc-url", "", "PostgreSQL JDBC URL of the BI mart (schema iip_mart); when set,"
                    + " run publishes the mart as its last step, and publish-bi uses it unless --jdbc-url is given",
                    null),
            new Setting("iip.mart.user", "", "User of the BI mart database", null),
            new Setting("iip.mart.password-env", "", "Name of the environment variable holding the BI mart"
                    + " password", null));

    /** What a job runs with: the run's input and warehouse, the Spark settings the file implies, and the BI mart. */
    public record Resolved(RunConfig run, Map<String, String> sparkConf, Mart mart) {}

    /** The BI mart's connection as configured; an empty URL means no mart. */
    public record Mart(String jdbcUrl, String user, String passwordEnv) {
        public boolean configured() {
            return !jdbcUrl.isEmpty();
        }
    }

    /**
     * @param file        key → value as read from the file (may be empty)
     * @param fileName    for messages
     * @param commandLine key → value from command-line options (they win over the file)
     * @param environment looks up environment variables (the metastore password)
     */
    public static Resolved resolve(Map<String, String> file, String fileName, Map<String, String> commandLine,
                                   Function<String, String> environment) {
        Map<String, Setting> known = ALL.stream().collect(Collectors.toMap(Setting::key, s -> s, (a, b) -> a,
                LinkedHashMap::new));
        for (String key : file.keySet()) {
            if (!known.containsKey(key)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "' in " + fileName + suggestion(key)
                        + "; known settings: " + String.join(", ", known.keySet()));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : ALL) {
            String value = commandLine.getOrDefault(setting.key(), file.getOrDefault(setting.key(),
                    setting.defaultValue()));
            values.put(setting.key(), value == null ? "" : value.trim());
        }
        Map<String, String> spark = new LinkedHashMap<>();
        for (Setting setting : ALL) {
            String value = values.get(setting.key());
            if (setting.sparkConf() == null || value.isEmpty()) {
                continue;
            }
            spark.put(setting.sparkConf(), setting.key().equals("iip.metastore.password-env")
                    ? password(value, environment) : value);
        }
        String url = values.get("iip.metastore.url");
        if (!url.isEmpty() && values.get("iip.metastore.driver").isEmpty()) {
            String driver = driverFor(url);
            if (driver != null) {
                spark.put("spark.hadoop.javax.jdo.option.ConnectionDriverName", driver);
            }
        }
        if (!url.isEmpty() || !values.get("iip.metastore.uris").isEmpty()) {
            spark.put("spark.sql.catalogImplementation", "hive");
        }
        positive(values, "iip.shuffle-partitions", fileName);
        positive(values, "iip.delta.snapshot-partitions", fileName);
        positive(values, "iip.delta.commit-attempts", fileName);
        positive(values, "iip.lock.wait-seconds", fileName);
        String input = values.get("iip.input");
        String survey = values.get("iip.survey");
        return new Resolved(new RunConfig(input.isEmpty() ? null : input, values.get("iip.warehouse"),
                java.time.Duration.ofSeconds(Long.parseLong(values.get("iip.lock.wait-seconds"))),
                survey.isEmpty() ? null : survey, adjustment(values, fileName),
                values.get("iip.release-schedule").isEmpty() ? null : values.get("iip.release-schedule"),
                values.get("iip.reference-additions").isEmpty() ? null : values.get("iip.reference-additions"),
                false), spark,
                new Mart(values.get("iip.mart.jdbc-url"), values.get("iip.mart.user"),
                        values.get("iip.mart.password-env")));
    }

    /** The seasonal adjustment the settings ask for. */
    static SeasonalAdjustment.Spec adjustment(Map<String, String> values, String fileName) {
        String method = values.get("iip.sa.method");
        SeriesAdjuster.Method parsed = switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "x13", "x-13" -> SeriesAdjuster.Method.X13;
            case "tramo-seats", "tramo_seats", "tramoseats" -> SeriesAdjuster.Method.TRAMO_SEATS;
            default -> throw new IllegalArgumentException("Setting iip.sa.method = '" + method + "' in " + fileName
                    + " is no seasonal adjustment method; write x13 or tramo-seats");
        };
        String scope = values.get("iip.sa.scope");
        SeasonalAdjustment.Scope parsedScope = switch (scope.toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> SeasonalAdjustment.Scope.ALL;
            case "headline" -> SeasonalAdjustment.Scope.HEADLINE;
            default -> throw new IllegalArgumentException("Setting iip.sa.scope = '" + scope + "' in " + fileName
                    + " is no set of series; write all or headline");
        };
        return new SeasonalAdjustment.Spec(parsed, days(values, "iip.sa.tet-days-before", fileName),
                days(values, "iip.sa.tet-days-after", fileName), parsedScope);
    }

    private static int days(Map<String, String> values, String key, String fileName) {
        String value = values.get(key);
        if (!value.matches("\\d{1,2}") || Integer.parseInt(value) > 30) {
            throw new IllegalArgumentException("Setting " + key + " = '" + value + "' in " + fileName + " is not a"
                    + " number of days from 0 to 30; write e.g. " + ALL.stream().filter(s -> s.key().equals(key))
                    .findFirst().orElseThrow().defaultValue());
        }
        return Integer.parseInt(value);
    }

    static String driverFor(String url) {
        if (url.startsWith("jdbc:derby://")) {
            return "org.apache.derby.jdbc.ClientDriver";
        }
        if (url.startsWith("jdbc:derby:")) {
            return "org.apache.derby.jdbc.EmbeddedDriver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        return null;
    }

    private static String password(String variable, Function<String, String> environment) {
        String password = environment.apply(variable);
        if (password == null) {
            throw new IllegalArgumentException("iip.metastore.password-env names the environment variable "
                    + variable + ", which is not set; export it before starting the job");
        }
        return password;
    }

    private static void positive(Map<String, String> values, String key, String fileName) {
        String value = values.get(key);
        if (!value.matches("[1-9]\\d{0,5}")) {
            throw new IllegalArgumentException("Setting " + key + " = '" + value + "' in " + fileName + " is not a"
                    + " positive whole number; write e.g. " + ALL.stream().filter(s -> s.key().equals(key))
                    .findFirst().orElseThrow().defaultValue());
        }
    }

    private static String suggestion(String key) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (Setting setting : ALL) {
            int distance = VietnameseText.distance(key, setting.key());
            if (distance < best) {
                best = distance;
                closest = setting.key();
            }
        }
        return best <= 3 ? " (did you mean '" + closest + "'?)" : "";
    }
}
