package vn.iip.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (checksums included) without a forked process per call. Without Hadoop's native
 * library, which Maven's jars do not carry, every file it creates is given its permissions by a forked {@code chmod},
 * and every rename (each Delta commit, twice with its checksum file) first asks a forked {@code readlink} whether
 * source and target are symbolic links: about 260 processes forked by a 4 GB JVM in one new month's run. Here both
 * go through java.nio, which answers the same questions in the same process. Registered for the {@code file} scheme
 * of the local embedded default ({@link Sessions}), for FileSystem and FileContext users (Delta's log store) alike.
 */
public final class LocalFiles {
    private LocalFiles() {}

    /** {@code fs.file.impl}: the checksummed local file system over {@link Raw}. */
    public static final class FileSystem extends org.apache.hadoop.fs.LocalFileSystem {
        public FileSystem() {
            super(new Raw());
        }
    }

    /** {@code fs.AbstractFileSystem.file.impl}: what FileContext uses, checksummed like Hadoop's LocalFs. */
    public static final class Context extends org.apache.hadoop.fs.ChecksumFs {
        public Context(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(new RawContext(uri, conf));
        }
    }

    /** Hadoop's RawLocalFs, over {@link Raw}. */
    static final class RawContext extends org.apache.hadoop.fs.DelegateToFileSystem {
        RawContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new Raw(), conf, "file", false);
        }

        @Override
        public int getUriDefaultPort() {
            return -1;
        }

        @Override
        @SuppressWarnings("deprecation")
        public FsServerDefaults getServerDefaults() throws IOException {
            return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
        }

        @Override
        public FsServerDefaults getServerDefaults(Path f) throws IOException {
            return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
        }

        @Override
        public boolean isValidName(String src) {
            return true; // as Hadoop's RawLocalFs: any name the local file system takes
        }
    }

    /** The raw local file system, answering permissions and links in process. */
    static final class Raw extends org.apache.hadoop.fs.RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (org.apache.hadoop.io.nativeio.NativeIO.isAvailable() || permission.getStickyBit()) {
                super.setPermission(p, permission); // native already, or a bit java.nio cannot set
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
            } catch (UnsupportedOperationException notPosix) {
                super.setPermission(p, permission);
            }
        }

        /** A path that is no symbolic link has its plain status as link status, as in Hadoop's own answer. */
        @Override
        public FileStatus getFileLinkStatus(Path f) throws IOException {
            if (Files.isSymbolicLink(pathToFile(f).toPath())) {
                return super.getFileLinkStatus(f);
            }
            return getFileStatus(f);
        }
    }

    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return set;
    }

    private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read,
                            PosixFilePermission write, PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            set.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            set.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            set.add(execute);
        }
    }
}
