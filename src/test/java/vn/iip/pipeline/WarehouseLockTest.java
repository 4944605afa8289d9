package vn.iip.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse lock on a real file system: one holder, a waiter that gives up in one line, stale locks taken over. */
class WarehouseLockTest {
    private static final Configuration HADOOP = new Configuration();

    @TempDir
    Path warehouse;

    @Test
    void aSecondRunWaitsThenGivesUpInOneLineNamingTheHolder() {
        List<String> said = new ArrayList<>();
        WarehouseLock.Holder first = WarehouseLock.Holder.of("run-first", Instant.parse("2026-12-01T10:00:00Z"));
        try (WarehouseLock held = WarehouseLock.acquire(HADOOP, warehouse.toString(), first, Duration.ofSeconds(5),
                said::add)) {
            vn.iip.IipException refused = assertThrows(vn.iip.IipException.class, () -> WarehouseLock.acquire(HADOOP,
                    warehouse.toString(), WarehouseLock.Holder.of("run-second", Instant.now()), Duration.ofSeconds(2),
                    said::add));
            String holder = "run run-first (process " + ProcessHandle.current().pid() + " of "
                    + System.getProperty("user.name") + " on " + WarehouseLock.thisHost()
                    + ", started 2026-12-01T10:00:00Z)";
            assertEquals(List.of("waiting  for " + holder + " to finish writing the warehouse (up to 2 s)"), said);
            assertEquals("The warehouse " + warehouse + " is being written by " + holder + "; this run waited 2 s and"
                    + " gave up without writing anything. Run it again when that run has finished, or wait longer"
                    + " with iip.lock.wait-seconds; if no such run is alive, delete " + warehouse.resolve("_run.lock"),
                    refused.getMessage().replace("file:", ""));
        }
        assertFalse(Files.exists(warehouse.resolve("_run.lock")), "released");
    }

    @Test
    void aWaitingRunGoesOnWhenTheHolderFinishes() throws Exception {
        WarehouseLock first = WarehouseLock.acquire(HADOOP, warehouse.toString(),
                WarehouseLock.Holder.of("run-first", Instant.now()), Duration.ofSeconds(5), line -> { });
        Thread release = new Thread(() -> {
            sleep(1500);
            first.close();
        });
        release.start();
        List<String> said = new ArrayList<>();
        try (WarehouseLock second = WarehouseLock.acquire(HADOOP, warehouse.toString(),
                WarehouseLock.Holder.of("run-second", Instant.now()), Duration.ofSeconds(30), said::add)) {
            assertEquals(1, said.size(), said.toString());
            assertTrue(Files.readString(warehouse.resolve("_run.lock")).contains("run_id=run-second"));
        }
        release.join();
    }

    /** A run killed on this host leaves its lock; the next run sees its process is gone and takes the lock over. */
    @Test
    void theLockOfAProcessThatIsGoneIsTakenOverAndSaidSo() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(warehouse.resolve("_run.lock"), "run_id=run-killed\nuser=analyst\nhost="
                + WarehouseLock.thisHost() + "\npid=" + dead.pid() + "\nstarted_at=2026-12-01T09:00:00Z\n");
        List<String> said = new ArrayList<>();
        try (WarehouseLock taken = WarehouseLock.acquire(HADOOP, warehouse.toString(),
                WarehouseLock.Holder.of("run-next", Instant.now()), Duration.ofSeconds(5), said::add)) {
            assertEquals(List.of("           removed the lock of run run-killed (process " + dead.pid() + " of analyst"
                    + " on " + WarehouseLock.thisHost() + ", started 2026-12-01T09:00:00Z): its process is gone (the run"
                    + " was killed or crashed)"), said);
        }
    }

    /** A holder on another host that stopped refreshing its lock (heartbeat) is stale too; a fresh one is not. */
    @Test
    void aLockNotRefreshedByItsHostIsStale() throws Exception {
        Path lock = warehouse.resolve("_run.lock");
        Files.writeString(lock, "run_id=run-elsewhere\nuser=etl\nhost=node-7\npid=4242\nstarted_at=2026-12-01T08:00:00Z\n");
        assertThrows(vn.iip.IipException.class, () -> WarehouseLock.acquire(HADOOP, warehouse.toString(),
                WarehouseLock.Holder.of("run-next", Instant.now()), Duration.ofSeconds(1), line -> { }));
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(Instant.now()
                .minus(WarehouseLock.STALE_AFTER).minusSeconds(60)));
        List<String> said = new ArrayList<>();
        try (WarehouseLock taken = WarehouseLock.acquire(HADOOP, warehouse.toString(),
                WarehouseLock.Holder.of("run-next", Instant.now()), Duration.ofSeconds(5), said::add)) {
            assertEquals(1, said.size());
            assertTrue(said.get(0).endsWith("(its host stopped it or died)"), said.get(0));
        }
    }

    /** Many runs at once, as many threads: exactly one holds the lock at any time. */
    @Test
    void onlyOneHolderAtATime() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String runId = "run-" + i;
            Thread run = new Thread(() -> {
                try {
                    start.await();
                    try (WarehouseLock lock = WarehouseLock.acquire(HADOOP, warehouse.toString(),
                            WarehouseLock.Holder.of(runId, Instant.now()), Duration.ofSeconds(60), line -> { })) {
                        most.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        sleep(100);
                        holders.decrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            run.start();
            runs.add(run);
        }
        start.countDown();
        for (Thread run : runs) {
            run.join();
        }
        assertEquals(1, most.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
