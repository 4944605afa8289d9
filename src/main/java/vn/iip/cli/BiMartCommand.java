package vn.iip.cli;

import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import vn.iip.config.JobSettings;
import vn.iip.mart.MartPublisher;
import vn.iip.mart.MartTarget;

/** {@code iip publish-bi}, and the optional last step of {@code iip run}: gold into the PostgreSQL BI mart. */
final class BiMartCommand {
    private BiMartCommand() {}

    /** The configured mart with --jdbc-url, --user and --password-env over it. */
    static JobSettings.Mart withOptions(JobSettings.Mart configured, String jdbcUrl, String user, String passwordEnv) {
        JobSettings.Mart mart = new JobSettings.Mart(jdbcUrl != null ? jdbcUrl : configured.jdbcUrl(),
                user != null ? user : configured.user(), passwordEnv != null ? passwordEnv : configured.passwordEnv());
        if (!mart.configured()) {
            throw new vn.iip.IipException("publish-bi needs --jdbc-url (or iip.mart.jdbc-url in the --config"
                    + " file), e.g. --jdbc-url jdbc:postgresql://127.0.0.1:5432/iip");
        }
        return mart;
    }

    static MartTarget target(JobSettings.Mart mart) {
        return MartTarget.of(mart.jdbcUrl(), mart.user(), mart.passwordEnv(), System::getenv);
    }

    static void publish(SparkSession spark, String warehouse, MartTarget target, boolean allowEmpty, PrintStream out) {
        long started = System.nanoTime();
        MartPublisher.Report report = new MartPublisher(spark, warehouse, target).publish(allowEmpty);
        out.printf("publish-bi  %s -> %s (publish %s, %.1f s; swapped in at attempt %d)%n", warehouse, target,
                report.publishId(), (System.nanoTime() - started) / 1e9, report.swapAttempts());
        report.rows().forEach((table, rows) -> out.printf("            %-20s %6d row(s)%n", table, rows));
        out.println("            from Delta versions " + report.versions());
    }

    /** The last step of a run: publish when the mart does not hold the current gold versions. */
    static void publishIfBehind(SparkSession spark, String warehouse, MartTarget target, boolean allowEmpty,
                                PrintStream out) {
        if (new MartPublisher(spark, warehouse, target).isCurrent()) {
            out.println("publish-bi  the mart already holds the current gold (" + target + ")");
        } else {
            publish(spark, warehouse, target, allowEmpty, out);
        }
    }
}
