package vn.iip.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code <warehouse>/_metastore_server}: written by {@code iip serve} while it shares a local warehouse's Derby
 * metastore through a network server (vn.iip.serve.SharedMetastore); read here so a run goes through that server.
 */
public final class MetastoreMarker {
    private MetastoreMarker() {}

    public static final String FILE = "_metastore_server";

    /** The URL in the warehouse's marker when its server answers; null otherwise (none, or left by a crash). */
    public static String runningUrl(Path warehouse) {
        Path marker = warehouse.resolve(FILE);
        try {
            if (!Files.isRegularFile(marker)) {
                return null;
            }
            String url = Files.readString(marker, StandardCharsets.UTF_8).trim();
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("^jdbc:derby://127\\.0\\.0\\.1:(\\d+)/")
                    .matcher(url);
            if (!port.find()) {
                return null;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port.group(1))),
                        1000);
                return url;
            }
        } catch (IOException e) {
            return null;
        }
    }

}
