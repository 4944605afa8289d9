package vn.iip.config;

import java.nio.file.Path;
import java.util.regex.Pattern;
import vn.iip.pipeline.RunConfig;

/**
 * Makes the input and warehouse locations explicit before Spark starts. A URI (hdfs://, s3a://, file:) and an
 * absolute path (resolved by Hadoop against fs.defaultFS) mean the same thing in every JVM. A relative path does
 * not: it is resolved against each JVM's working directory, and in cluster deploy mode the driver's working
 * directory is a folder on some worker. So a relative path is made absolute for a local master and refused for a
 * cluster one.
 */
public final class Locations {
    private Locations() {}

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    /** The run's locations for a job whose Spark master is {@code master}. */
    public static RunConfig resolve(RunConfig config, String master) {
        return new RunConfig(resolve("input", "--input", "iip.input", config.input(), master),
                resolve("warehouse", "--warehouse", "iip.warehouse", config.warehouse(), master), config.lockWait(),
                config.survey() == null || RunConfig.NO_SURVEY.equals(config.survey()) ? config.survey()
                        : resolve("survey", "--survey", "iip.survey", config.survey(), master),
                config.adjustment(),
                resolve("release schedule", "iip.release-schedule", "iip.release-schedule",
                        config.releaseSchedule(), master),
                resolve("reference additions", "iip.reference-additions", "iip.reference-additions",
                        config.referenceAdditions(), master),
                config.reprocess());
    }

    /** A location given on the command line, made absolute on a local master (a cluster needs a URI). */
    public static String resolve(String role, String option, String setting, String location, String master) {
        if (location == null || SCHEME.matcher(location).matches() || location.startsWith("/")) {
            return location;
        }
        if (isLocal(master)) {
            return Path.of(location).toAbsolutePath().normalize().toString();
        }
        throw new IllegalArgumentException("The " + role + " location '" + location + "' is a relative path, and the"
                + " job runs on a cluster (master " + master + ") where the driver and each executor have their own"
                + " working directory; give an absolute URI, e.g. " + option + " hdfs://NAMENODE:8020/iip/"
                + (role.equals("input") ? "landing" : role)
                + " (or " + setting + " in the configuration file)");
    }

    /**
     * Fails at once, before any Spark work, when the input is not there: a run must not build a warehouse only to
     * say that its input is missing. The bundled samples (null) are always there.
     */
    public static void requireInput(String input, org.apache.hadoop.conf.Configuration hadoop) {
        if (input == null || vn.iip.ingest.ExtractSource.BUNDLED.equals(input)) {
            return;
        }
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(input);
        try {
            if (!folder.getFileSystem(hadoop).exists(folder)) {
                throw new vn.iip.IipException("Input folder " + input + " does not exist; pass --input with a"
                        + " folder of extract files, or omit it to load the bundled samples");
            }
        } catch (java.io.IOException e) {
            throw new vn.iip.IipException("Cannot reach input folder " + input + ": " + e.getMessage()
                    + "; check the URI and that its file system is up", e);
        }
    }

    /** A survey folder that was named must exist (the bundled one is written by the run itself). */
    public static void requireSurvey(vn.iip.pipeline.RunConfig config, org.apache.hadoop.conf.Configuration hadoop) {
        if (config.bundledSurvey() || config.surveyFolder() == null) {
            return;
        }
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(config.surveyFolder());
        try {
            if (!folder.getFileSystem(hadoop).exists(folder)) {
                throw new vn.iip.IipException("Survey folder " + config.surveyFolder() + " does not exist; pass"
                        + " --survey with a folder of survey files (rounds, basket, value added), or --survey none");
            }
        } catch (java.io.IOException e) {
            throw new vn.iip.IipException("Cannot reach survey folder " + config.surveyFolder() + ": "
                    + e.getMessage() + "; check the URI and that its file system is up", e);
        }
    }

    /** local and local[N]: one JVM. local-cluster[…] starts executor JVMs in their own folders, like a cluster. */
    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
