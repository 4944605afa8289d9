package vn.iip.mart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/** The current Delta version of each gold table a mart copy reads (time travel: VERSION AS OF). */
final class DeltaVersions {
    private DeltaVersions() {}

    static Map<String, Long> of(SparkSession spark, List<MartTable> tables) {
        Map<String, Long> versions = new TreeMap<>();
        for (MartTable table : tables) {
            versions.computeIfAbsent(table.versionOf(), name -> spark.sql("DESCRIBE HISTORY " + name + " LIMIT 1")
                    .select("version").first().getLong(0));
        }
        return versions;
    }
}
