package vn.iip.mart;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Publish ids sort by time and stay unique: 20261127T120000Z-1a2b3c4d. */
final class PublishIds {
    private PublishIds() {}

    static String next(Instant now) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
