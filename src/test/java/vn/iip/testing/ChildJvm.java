package vn.iip.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs vn.iip.cli.Main in a separate JVM, as jobs/iip does, and captures its exit code and output. */
public final class ChildJvm {
    private ChildJvm() {}

    public record Result(int exitCode, String stdout, String stderr) {}

    /** The JVM flags Spark needs on Java 17, as Maven passes them to the tests. */
    public static List<String> jvmFlags() {
        String flags = System.getProperty("iip.test.jvmFlags", "");
        return Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    public static Result main(String... args) {
        return java(System.getProperty("java.class.path"), "vn.iip.cli.Main", java.util.Map.of(), args);
    }

    /** Runs a main class of the given classpath in a child JVM and waits for it (five minutes at most). */
    public static Result java(String classpath, String mainClass, java.util.Map<String, String> environment,
                              String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        boolean shared = ChildClassData.isTestClasspath(classpath);
        List<String> classData = shared ? ChildClassData.options(true) : List.of();
        command.addAll(classData);
        command.addAll(List.of("-Xmx2g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=512m", "-Dfile.encoding=UTF-8",
                "-Duser.timezone=America/Los_Angeles", "-cp", shared ? ChildClassData.classpath() : classpath, mainClass));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("iip-child", ".out");
            Path err = Files.createTempFile("iip-child", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                process.waitFor();
                if (ChildClassData.records(classData)) {
                    ChildClassData.recorded(-1);
                }
                throw new IllegalStateException("child JVM did not finish in 5 minutes: " + String.join(" ", args));
            }
            if (ChildClassData.records(classData)) {
                ChildClassData.recorded(process.exitValue());
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
