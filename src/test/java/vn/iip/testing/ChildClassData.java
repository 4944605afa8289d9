package vn.iip.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Class-data sharing for the child JVMs of one test JVM, as jobs/iip does for its own: the first child that runs
 * the project records the classes it loads (Spark, Hive, Delta: about 30,000) in an archive when it exits, and later
 * children map them instead of loading and verifying them again (a child's start and first query: about 20 s to
 * 11 s on 2 cores). The JDK archives classes from jars only, so the test JVM's class folders are packed into jars
 * first. A child that cannot use the archive (another JDK, other jars) runs as it would without it.
 */
final class ChildClassData {
    private ChildClassData() {}

    private static Path folder;
    private static String classpath;
    private static Path archive;
    private static boolean recording;

    /** The test JVM's classpath with each class folder replaced by a jar of it (made once). */
    static synchronized String classpath() {
        if (classpath == null) {
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry);
                entries.add(Files.isDirectory(path) ? jar(path).toString() : entry);
            }
            classpath = String.join(java.io.File.pathSeparator, entries);
        }
        return classpath;
    }

    /** Whether {@code classpath} is the test JVM's own (the one archived). */
    static boolean isTestClasspath(String classpath) {
        return classpath.equals(System.getProperty("java.class.path"));
    }

    /**
     * The JVM options for a child about to start: map the archive once there is one; else, if {@code mayRecord}
     * and no child is recording one, record it (then call {@link #recorded} once the child has exited). The JVM's
     * own log lines but errors stay off stdout and stderr (which tests read), whatever the archive does.
     */
    static synchronized List<String> options(boolean mayRecord) {
        List<String> options = new ArrayList<>(List.of("-Xlog:disable", "-Xlog:all=error:stderr"));
        if (archive != null && Files.exists(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else if (mayRecord && !recording) {
            recording = true;
            options.add("-XX:ArchiveClassesAtExit=" + folder().resolve("children.jsa.part"));
        }
        return options;
    }

    /** Whether these options record the archive. */
    static boolean records(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    }

    /** The recording child exited: its archive, complete only after a normal exit, serves the next children. */
    static synchronized void recorded(int exitCode) {
        Path part = folder().resolve("children.jsa.part");
        try {
            if (exitCode == 0 && Files.exists(part)) {
                archive = Files.move(part, folder().resolve("children.jsa"), StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(part);
                recording = false; // the next child tries again
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar(Path classes) {
        Path jar = folder().resolve(classes.getParent().getFileName() + "-" + classes.getFileName() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + classes + " into " + jar, e);
        }
        return jar;
    }

    private static Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("iip-child-classes");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> paths = Files.walk(created)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary folder; the OS cleans it eventually
                }
            }));
        }
        return folder;
    }
}
