package vn.iip.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.derby.drda.NetworkServerControl;

/**
 * A local warehouse's metastore (Derby, in {@code <warehouse>/metastore_db}) admits one JVM when embedded. While
 * {@code iip serve} runs, it serves that database over a Derby network server on loopback and writes its URL to
 * {@code <warehouse>/_metastore_server}; a run started meanwhile finds the file and goes through the server, so the
 * SQL endpoint sees every release it publishes at once.
 */
public final class SharedMetastore implements AutoCloseable {
    private static final String MARKER = vn.iip.spark.MetastoreMarker.FILE;

    private final NetworkServerControl server;
    private final Path marker;
    private final String url;

    private SharedMetastore(NetworkServerControl server, Path marker, String url) {
        this.server = server;
        this.marker = marker;
        this.url = url;
    }

    public static SharedMetastore start(Path warehouse) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
            server.start(new PrintWriter(new StringWriter()));
            waitUntilUp(server);
            String url = "jdbc:derby://127.0.0.1:" + port + "/" + warehouse.resolve("metastore_db") + ";create=true";
            Path marker = warehouse.resolve(MARKER);
            Files.writeString(marker, url + "\n", StandardCharsets.UTF_8);
            return new SharedMetastore(server, marker, url);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot share the metastore of " + warehouse + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the Derby network server for " + warehouse + ": "
                    + e.getMessage(), e);
        }
    }

    /** The JDBC URL through the server (Derby's client driver). */
    public String url() {
        return url;
    }

    private static void waitUntilUp(NetworkServerControl server) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                server.ping();
                return;
            } catch (Exception e) {
                if (attempt >= 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(marker);
            server.shutdown();
        } catch (Exception e) {
            // the JVM is ending; the marker is ignored once its port stops answering
        }
    }
}
