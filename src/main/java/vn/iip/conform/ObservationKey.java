package vn.iip.conform;

import vn.iip.ingest.Sha256;

/** The identity of a published figure within a release; two rows with the same id are the same figure. */
public final class ObservationKey {
    private ObservationKey() {}

    public static String id(Observation o) {
        String key = String.join("|", o.releaseId(), o.period().label(), o.geoCode(), o.geoVersion(), o.industryCode(),
                o.comparison(), o.measure()) + (o.product() == null ? "" : "|" + VietnameseText.key(o.product()));
        return Sha256.hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
    }
}
