package vn.iip.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The local file system without forked processes answers as Hadoop's own does, for FileSystem and FileContext. */
class LocalFilesTest {
    @TempDir
    static java.nio.file.Path folder;

    private static Configuration conf;
    private static FileSystem fs;

    @BeforeAll
    static void fileSystem() throws Exception {
        conf = new Configuration();
        conf.set("fs.file.impl", LocalFiles.FileSystem.class.getName());
        conf.set("fs.AbstractFileSystem.file.impl", LocalFiles.Context.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true); // this class, not one another test cached
        fs = new Path(folder.toUri()).getFileSystem(conf);
    }

    @Test
    void theJobsConfigurationUsesIt() {
        assertInstanceOf(LocalFiles.FileSystem.class, fs);
    }

    @ParameterizedTest
    @CsvSource({"0644, rw-r--r--", "0640, rw-r-----", "0755, rwxr-xr-x", "0700, rwx------", "0000, ---------",
            "0777, rwxrwxrwx"})
    void permissionsAreSetAsAsked(String octal, String expected) throws Exception {
        Path file = new Path(folder.toUri().toString(), "file-" + octal);
        fs.create(file).close();
        fs.setPermission(file, new FsPermission(Short.parseShort(octal, 8)));
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(local(file))));
        assertEquals(expected, fs.getFileStatus(file).getPermission().toString());
    }

    @Test
    void aFileCreatedWithPermissionsHasThem() throws Exception {
        Path file = new Path(folder.toUri().toString(), "created-0600");
        try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0600), true, 4096, (short) 1, 1 << 20,
                null)) {
            out.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(local(file))));
    }

    @Test
    void aPlainFilesLinkStatusIsItsStatusAndALinkIsALink() throws Exception {
        Path file = new Path(folder.toUri().toString(), "plain");
        try (FSDataOutputStream out = fs.create(file)) {
            out.write("twelve bytes".getBytes(StandardCharsets.UTF_8));
        }
        FileStatus status = fs.getFileLinkStatus(file);
        assertTrue(status.isFile());
        assertFalse(status.isSymlink());
        assertEquals(12, status.getLen());
        java.nio.file.Path link = folder.resolve("link");
        Files.createSymbolicLink(link, local(file));
        // Unqualified: Hadoop's own answer, which this one defers to for links, reads the link by its plain path.
        assertTrue(fs.getFileLinkStatus(new Path(link.toString())).isSymlink());
        assertThrows(java.io.FileNotFoundException.class,
                () -> fs.getFileLinkStatus(new Path(folder.toUri().toString(), "missing")));
    }

    @Test
    void fileContextRenamesWithoutOverwritingAsDeltaCommitsNeed() throws Exception {
        FileContext context = FileContext.getFileContext(folder.toUri(), conf);
        Path temporary = new Path(folder.toUri().toString(), "commit.tmp");
        Path commit = new Path(folder.toUri().toString(), "00000000000000000001.json");
        try (FSDataOutputStream out = context.create(temporary, EnumSet.of(CreateFlag.CREATE))) {
            out.write("{\"commitInfo\":{}}".getBytes(StandardCharsets.UTF_8));
        }
        context.rename(temporary, commit, Options.Rename.NONE);
        assertArrayEquals("{\"commitInfo\":{}}".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(local(commit)));
        assertTrue(Files.exists(folder.resolve(".00000000000000000001.json.crc")), "its checksum moved with it");
        try (FSDataOutputStream out = context.create(temporary, EnumSet.of(CreateFlag.CREATE))) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        // A second writer of the same version must lose: that is Delta's optimistic concurrency on this file system.
        assertThrows(FileAlreadyExistsException.class, () -> context.rename(temporary, commit, Options.Rename.NONE));
    }

    private static java.nio.file.Path local(Path path) {
        return java.nio.file.Paths.get(path.toUri());
    }
}
