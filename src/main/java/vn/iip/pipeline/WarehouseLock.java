package vn.iip.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.iip.IipException;

/**
 * One run at a time per warehouse: {@code <warehouse>/_run.lock} names the run that writes (run id, user, host,
 * process, start), created atomically (a file that already exists is never overwritten). A second run waits for it,
 * saying so in one line, and gives up with one line after {@code iip.lock.wait-seconds}. A lock whose process is
 * gone (same host), or whose holder stopped refreshing it (another host, no heartbeat for {@link #STALE_AFTER}), is
 * stale: the next run takes it over and says whose it was.
 */
final class WarehouseLock implements AutoCloseable {
    static final String FILE = "_run.lock";
    /** How often the holder touches the lock, so that runs on other hosts can tell it is alive. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE_AFTER = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** Who holds (or held) the lock. */
    record Holder(String runId, String user, String host, long pid, String startedAt) {
        String describe() {
            return "run " + runId + " (process " + pid + " of " + user + " on " + host + ", started " + startedAt + ")";
        }

        String text() {
            return "run_id=" + runId + "\nuser=" + user + "\nhost=" + host + "\npid=" + pid + "\nstarted_at="
                    + startedAt + "\n";
        }

        static Holder parse(String text) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(text));
            return new Holder(p.getProperty("run_id", "?"), p.getProperty("user", "?"), p.getProperty("host", "?"),
                    Long.parseLong(p.getProperty("pid", "-1").trim()), p.getProperty("started_at", "?"));
        }

        static Holder of(String runId, Instant started) {
            return new Holder(runId, System.getProperty("user.name", "?"), thisHost(), ProcessHandle.current().pid(),
                    started.toString());
        }
    }

    private final FileSystem fs;
    private final Path path;
    private final Holder holder;
    private final Thread heartbeat;

    private WarehouseLock(FileSystem fs, Path path, Holder holder) {
        this.fs = fs;
        this.path = path;
        this.holder = holder;
        this.heartbeat = new Thread(this::beat, "iip-warehouse-lock-heartbeat");
        this.heartbeat.setDaemon(true);
        this.heartbeat.start();
    }

    /** Takes the lock, waiting up to {@code wait} for a live holder; {@code say} gets the one-line messages. */
    static WarehouseLock acquire(Configuration hadoop, String warehouse, Holder me, Duration wait,
                                 Consumer<String> say) {
        Path path = new Path(warehouse, FILE);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            fs.mkdirs(path.getParent());
            long deadline = System.nanoTime() + wait.toNanos();
            boolean waiting = false;
            while (true) {
                if (create(fs, path, me)) {
                    return new WarehouseLock(fs, path, me);
                }
                Holder other = read(fs, path);
                if (other == null) {
                    continue; // released between our attempt and the read
                }
                String stale = staleness(fs, path, other);
                if (stale != null) {
                    if (takeOver(fs, path, other)) {
                        say.accept("           removed the lock of " + other.describe() + ": " + stale);
                    }
                    continue;
                }
                if (System.nanoTime() >= deadline) {
                    throw new IipException("The warehouse " + warehouse + " is being written by " + other.describe()
                            + "; this run waited " + wait.toSeconds() + " s and gave up without writing anything."
                            + " Run it again when that run has finished, or wait longer with iip.lock.wait-seconds;"
                            + " if no such run is alive, delete " + path);
                }
                if (!waiting) {
                    say.accept("waiting  for " + other.describe() + " to finish writing the warehouse (up to "
                            + wait.toSeconds() + " s)");
                    waiting = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            throw new IipException("Cannot lock the warehouse " + warehouse + " for this run (" + path + "): "
                    + e.getMessage() + "; check that the warehouse folder is writable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IipException("Interrupted while waiting for the warehouse lock " + path, e);
        }
    }

    /** Creates the lock only if there is none: atomic on HDFS and object stores with create-if-absent, and locally. */
    private static boolean create(FileSystem fs, Path path, Holder me) throws IOException {
        if ("file".equals(fs.getScheme())) {
            // The local file system's create(overwrite = false) checks, then creates: two runs could both win.
            java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(path).toUri());
            try {
                java.nio.file.Files.writeString(local, me.text(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                return false;
            }
        }
        try (OutputStream out = fs.create(path, false)) {
            out.write(me.text().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException taken) {
            return false;
        } catch (IOException e) {
            if (fs.exists(path)) {
                return false;
            }
            throw e;
        }
    }

    private static Holder read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return Holder.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.FileNotFoundException gone) {
            return null;
        }
    }

    /** Why the holder is dead, or null while it may be alive. */
    private static String staleness(FileSystem fs, Path path, Holder other) throws IOException {
        if (other.host().equals(thisHost()) && other.pid() > 0
                && !ProcessHandle.of(other.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return "its process is gone (the run was killed or crashed)";
        }
        long age;
        try {
            age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
        } catch (java.io.FileNotFoundException gone) {
            return null;
        }
        return age > STALE_AFTER.toMillis() ? "not refreshed for " + age / 1000 + " s (its host stopped it or died)"
                : null;
    }

    /**
     * Moves the stale lock aside under a unique name (only one taker can), checks that it was the stale one, and
     * removes it; if a live run's lock was moved instead, it is put back.
     */
    private static boolean takeOver(FileSystem fs, Path path, Holder stale) throws IOException {
        Path aside = new Path(path.getParent(), FILE + ".stale-" + UUID.randomUUID());
        if (!fs.rename(path, aside)) {
            return false;
        }
        Holder moved = read(fs, aside);
        if (moved != null && !moved.equals(stale)) {
            fs.rename(aside, path);
            return false;
        }
        fs.delete(aside, false);
        return true;
    }

    private void beat() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(HEARTBEAT.toMillis());
                fs.setTimes(path, System.currentTimeMillis(), -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a missed heartbeat only makes the lock look older to runs on other hosts
        }
    }

    /** Releases the lock if it is still this run's. */
    @Override
    public void close() {
        heartbeat.interrupt();
        try {
            Holder current = read(fs, path);
            if (holder.equals(current)) {
                fs.delete(path, false);
            }
        } catch (IOException e) {
            // the next run will find the process gone and take the lock over
        }
    }

    static String thisHost() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
