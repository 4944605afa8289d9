package vn.iip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started from Debian's postgresql package (the binaries under
 * /usr/lib/postgresql/N/bin; .ci/run installs the package when it is missing): a fresh cluster in a temporary folder,
 * password authentication, loopback on a free port, one per test JVM, stopped when the JVM exits. As root (CI) the
 * server runs as the postgres user, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer {
    public static final String USER = "iip_test";
    public static final String DATABASE = "iip_test";

    private static PostgresServer shared;

    private final String url;
    private final String password;

    private PostgresServer(String url, String password) {
        this.url = url;
        this.password = password;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start PostgreSQL for the tests: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** jdbc:postgresql://127.0.0.1:PORT/iip_test */
    public String url() {
        return url;
    }

    /** The superuser's password (random per server; handed to the code under test through the environment). */
    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    private static PostgresServer start() throws IOException, SQLException, InterruptedException {
        Path bin = binaries();
        // Readable by the postgres user, which runs the server under it when the tests run as root.
        Path work = Files.createTempDirectory("iip-postgres", java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        ClusterProcesses processes = new ClusterProcesses(work.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            processes.close();
            deleteQuietly(work);
        }));
        Path cluster = Files.createDirectories(work.resolve("cluster"));
        String password = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        Path passwordFile = Files.writeString(cluster.resolve("password"), password);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipal postgres = cluster.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(cluster, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        Path data = cluster.resolve("data");
        Process initdb = processes.start("initdb", Map.of(), asServerUser(root, bin.resolve("initdb").toString(),
                "-D", data.toString(), "-U", USER, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8",
                "--no-locale"));
        if (!initdb.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || initdb.exitValue() != 0) {
            throw new IOException("initdb failed; see " + processes.log("initdb"));
        }
        Files.delete(passwordFile);
        int port = ClusterProcesses.freePort();
        processes.start("postgres", Map.of(), asServerUser(root, bin.resolve("postgres").toString(), "-D",
                data.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-k", cluster.toString(),
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        processes.await("postgres", l -> l.contains("database system is ready to accept connections"),
                Duration.ofSeconds(60));
        PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", password);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, password);
    }

    private static List<String> asServerUser(boolean root, String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static Path binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                java.util.Optional<Path> newest = installed.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IOException("No PostgreSQL server binaries under /usr/lib/postgresql; install Debian's postgresql"
                + " package (apt-get install postgresql), as .ci/run does");
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit
        }
    }
}
