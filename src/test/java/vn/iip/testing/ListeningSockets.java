package vn.iip.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The TCP addresses a process listens on (Linux: its socket inodes matched against /proc/net/tcp and tcp6). */
public final class ListeningSockets {
    private ListeningSockets() {}

    public static List<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A") && inodes.contains(fields[9])) {
                    listening.add(address(fields[1]));
                }
            }
        }
        return listening;
    }

    /** "0100007F:3A98" → "127.0.0.1:15000"; IPv6 addresses are shown as their IPv4 form when mapped, else hex. */
    static String address(String field) {
        String[] parts = field.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String hex = parts[0];
        if (hex.length() == 8) {
            return ipv4(hex) + ":" + port;
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return ipv4(hex.substring(24)) + ":" + port;
        }
        return (hex.equals("00000000000000000000000001000000") ? "::1" : hex.equals("0".repeat(32)) ? "::" : hex)
                + ":" + port;
    }

    private static String ipv4(String littleEndian) {
        return Integer.parseInt(littleEndian.substring(6, 8), 16) + "." + Integer.parseInt(littleEndian.substring(4, 6), 16)
                + "." + Integer.parseInt(littleEndian.substring(2, 4), 16) + "." + Integer.parseInt(littleEndian.substring(0, 2), 16);
    }
}
