package vn.iip.serve;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import vn.iip.catalog.GoldSnapshot;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.TableSpec;
import vn.iip.catalog.Warehouse;

/**
 * The endpoint keeps its own catalog in memory (it never opens the warehouse's metastore, so runs use it while it
 * serves, and nothing else listens for it). Before each client request it looks at the warehouse's pointer to the
 * newest gold publish, a small file, and when a run has published since, it switches its own gold view to that
 * publish: clients see a new release from their next request on, one gold version or the next.
 */
final class GoldFollower {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private String shown;

    GoldFollower(SparkSession spark, Warehouse warehouse, String shown) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.shown = shown;
    }

    synchronized void follow() {
        String newest = warehouse.readPublishPointer();
        if (newest == null || Objects.equals(newest, shown)) {
            return;
        }
        ReadOnlyExtension.preparing(() -> {
            shown = GoldSnapshot.sync(spark, warehouse).id();
            // Reading each table once brings Delta's cached snapshot to its newest version, which is the version
            // the new publish pins: the clients' pinned reads then need no log replay of their own.
            for (TableSpec table : GoldTables.published()) {
                spark.table(table.qualifiedName()).schema();
            }
        });
    }
}
