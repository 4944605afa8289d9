package vn.iip.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.iip.pipeline.RunConfig;

class LocationsTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "hdfs://namenode:8020/iip/warehouse, spark://10.0.0.1:7077",
            "hdfs:///iip/warehouse, yarn",
            "s3a://bucket/iip/warehouse, k8s://https://10.0.0.2:6443",
            "abfss://lake@account.dfs.core.windows.net/iip, spark://h:7077",
            "file:///shared/iip/warehouse, spark://h:7077",
            "/iip/warehouse, yarn",
            "/tmp/iip warehouse, local[2]",
            "bundled:samples, yarn"})
    void urisAndAbsolutePathsAreKeptAsGiven(String location, String master) {
        assertEquals(location, Locations.resolve("warehouse", "--warehouse", "iip.warehouse", location, master));
    }

    @ParameterizedTest
    @CsvSource({"warehouse, local[2]", "data/../wh, local", "wh, local[*]"})
    void aRelativePathIsTheWorkingDirectorysOnALocalMaster(String location, String master) {
        assertEquals(Path.of(location).toAbsolutePath().normalize().toString(),
                Locations.resolve("warehouse", "--warehouse", "iip.warehouse", location, master));
    }

    @Test
    void aRelativePathIsRefusedOnAClusterWithTheFix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Locations.resolve(new RunConfig("landing", "/iip/warehouse"), "spark://10.0.0.1:7077"));
        assertEquals("The input location 'landing' is a relative path, and the job runs on a cluster (master"
                + " spark://10.0.0.1:7077) where the driver and each executor have their own working directory; give"
                + " an absolute URI, e.g. --input hdfs://NAMENODE:8020/iip/landing (or iip.input in the configuration"
                + " file)", error.getMessage());
    }

    @Test
    void localClusterMastersStartExecutorsInTheirOwnFolders() {
        assertThrows(IllegalArgumentException.class,
                () -> Locations.resolve(new RunConfig(null, "warehouse"), "local-cluster[2,1,1024]"));
        assertEquals(new RunConfig(null, "/w"), Locations.resolve(new RunConfig(null, "/w"), "local-cluster[2,1,1024]"));
    }
}
