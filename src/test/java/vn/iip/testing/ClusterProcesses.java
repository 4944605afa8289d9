package vn.iip.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The processes of the cluster test — Derby network server, HDFS, Spark Master and Workers — started as separate
 * JVMs on loopback with free ports, their output in log files, and all stopped at the end, also when a test fails.
 */
public final class ClusterProcesses implements AutoCloseable {
    private final Path logs;
    private final List<Process> started = new ArrayList<>();

    public ClusterProcesses(Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code java <flags> -cp classpath mainClass args}; output goes to logs/name.log. */
    public Process java(String name, String classpath, Map<String, String> environment, String mainClass,
                        String... args) throws IOException {
        return java(name, classpath, environment, List.of("-Xmx1g"), mainClass, args);
    }

    /** As {@link #java(String, String, Map, String, String...)}, with JVM options of its own (heap, zone). */
    public Process java(String name, String classpath, Map<String, String> environment, List<String> options,
                        String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(ChildJvm.jvmFlags());
        // The test JVM's own classpath: started in the background, such a process maps the children's class-data
        // archive once there is one, but never records it.
        boolean shared = ChildClassData.isTestClasspath(classpath);
        if (shared) {
            command.addAll(ChildClassData.options(false));
        }
        command.addAll(options);
        command.addAll(List.of("-cp", shared ? ChildClassData.classpath() : classpath, mainClass));
        command.addAll(List.of(args));
        return start(name, environment, command);
    }

    /** Starts any command; output goes to logs/name.log. */
    public Process start(String name, Map<String, String> environment, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits until the process's log has a line matching, and returns that line. */
    public String await(String name, Predicate<String> line, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Path log = logs.resolve(name + ".log");
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log)) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
                        StandardCharsets.UTF_8))) {
                    String text;
                    while ((text = reader.readLine()) != null) {
                        if (line.test(text)) {
                            return text;
                        }
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not get ready in " + timeout + "; see " + log);
    }

    public Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /** Stops everything started, children first (a Worker's executors), newest first. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
