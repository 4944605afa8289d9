package vn.iip.mart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldSnapshot;

/**
 * The Delta version of each gold table a mart copy reads: those of the gold publish readers see now (iip_gold's
 * views are pinned to them), so {@code VERSION AS OF n} on the stored table gives the rows copied.
 */
final class DeltaVersions {
    private DeltaVersions() {}

    static Map<String, Long> of(SparkSession spark, List<MartTable> tables) {
        GoldSnapshot.Publish publish = GoldSnapshot.latest(spark);
        if (publish == null) {
            throw new vn.iip.IipException("The warehouse has no published gold yet: run jobs/iip run first, then"
                    + " publish-bi. The mart is unchanged.");
        }
        Map<String, Long> versions = new TreeMap<>();
        for (MartTable table : tables) {
            String name = table.versionOf().substring(table.versionOf().indexOf('.') + 1);
            versions.put(table.versionOf(), publish.versions().get(name));
        }
        return versions;
    }
}
