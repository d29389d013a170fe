package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's {@code bin/tusk} runs as a user installs it: unpacked, and symlinked onto PATH. */
class LauncherIT {
    @Test
    void binTuskWorksThroughASymlinkAndAChainOfThem(@TempDir Path dir) throws Exception {
        Path zip = Path.of(System.getProperty("tusk.dist.zip", "target/tusk-dist.zip"));
        Path unpacked = dir.resolve("opt");
        Path launcher = null;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                Path target = unpacked.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (e.getName().endsWith("bin/tusk")) {
                    launcher = target;
                    assertTrue(target.toFile().setExecutable(true));
                }
            }
        }
        assertTrue(launcher != null, "the distribution holds bin/tusk");
        Path bin = Files.createDirectories(dir.resolve("usr/local/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("tusk"), launcher);
        // A relative link to the link: the launcher follows each hop.
        Path other = Files.createDirectories(dir.resolve("home/bin"));
        Path relative = Files.createSymbolicLink(other.resolve("tusk"), other.relativize(link));
        for (Path p : List.of(launcher, link, relative)) {
            Cli.Result r = Cli.exec(List.of(p.toString(), "--version"), null);
            assertEquals(0, r.exit(), () -> p + ": " + r);
            assertTrue(r.out().startsWith("tusk "), () -> p + ": " + r);
        }
    }
}
