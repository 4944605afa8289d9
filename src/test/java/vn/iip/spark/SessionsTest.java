package vn.iip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"hdfs://namenode:8020/iip/warehouse", "s3a://bucket/iip", "abfss://c@a.dfs.core.windows.net/w"})
    void remoteWarehousesHaveNoLocalDirectory(String warehouse) {
        assertNull(Sessions.localDirectory(warehouse));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/iip wh", "/tmp/iip-wh", "file:///tmp/iip-wh"})
    void localWarehousesResolveToAnAbsoluteFolder(String warehouse) {
        String expected = warehouse.startsWith("file:") ? "/tmp/iip-wh" : warehouse;
        assertEquals(expected, Sessions.localDirectory(warehouse));
    }

    @org.junit.jupiter.api.Test
    void relativeWarehousesAreTakenFromTheWorkingDirectory() {
        assertEquals(Path.of("warehouse").toAbsolutePath().toString(), Sessions.localDirectory("warehouse"));
    }
}
