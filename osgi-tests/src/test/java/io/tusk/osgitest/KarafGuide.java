package io.tusk.osgitest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fenced blocks of docs/deploy/karaf.md that an administrator types or copies, so that the
 * Karaf tests do what the guide says (a guide that drifts fails them): the shell commands of
 * the install section and the example {@code .cfg} file.
 */
final class KarafGuide {
    private final List<List<String>> blocks = new ArrayList<>();

    KarafGuide() throws IOException {
        Path md = Paths.get(System.getProperty("tusk.docs.karaf", "../docs/deploy/karaf.md"));
        List<String> current = null;
        for (String line : Files.readAllLines(md)) {
            if (line.startsWith("```")) {
                if (current == null) {
                    current = new ArrayList<>();
                } else {
                    blocks.add(current);
                    current = null;
                }
            } else if (current != null) {
                current.add(line);
            }
        }
    }

    /** The shell commands of the first block that installs the .kar, without the prompt. */
    List<String> installCommands() {
        for (List<String> b : blocks) {
            if (b.stream().anyMatch(l -> l.contains("kar:install"))) {
                return b.stream().filter(l -> l.startsWith("karaf@root()> "))
                        .map(l -> l.substring("karaf@root()> ".length()).strip()).toList();
            }
        }
        throw new IllegalStateException("karaf.md has no block with kar:install");
    }

    /**
     * The example configuration file (the block that starts with {@code # etc/io.tusk.connection-}),
     * with the values of the keys in {@code replace} swapped for the test server's; a key of
     * {@code replace} the example lacks is appended.
     */
    List<String> configuration(Map<String, String> replace) {
        for (List<String> b : blocks) {
            if (!b.isEmpty() && b.get(0).startsWith("# etc/io.tusk.connection-")) {
                List<String> out = new ArrayList<>();
                List<String> seen = new ArrayList<>();
                for (String line : b) {
                    int eq = line.indexOf('=');
                    String key = eq < 0 || line.startsWith("#") ? null : line.substring(0, eq).strip();
                    if (key != null && replace.containsKey(key)) {
                        out.add(key + " = " + replace.get(key));
                        seen.add(key);
                    } else {
                        out.add(line);
                    }
                }
                replace.forEach((k, v) -> {
                    if (!seen.contains(k)) {
                        out.add(k + " = " + v);
                    }
                });
                return out;
            }
        }
        throw new IllegalStateException("karaf.md has no block that starts with # etc/io.tusk.connection-");
    }

    /** The file name the example configuration names in its first line (e.g. io.tusk.connection-app.cfg). */
    String configurationFileName() {
        for (List<String> b : blocks) {
            if (!b.isEmpty() && b.get(0).startsWith("# etc/io.tusk.connection-")) {
                return b.get(0).substring("# etc/".length()).strip();
            }
        }
        throw new IllegalStateException("karaf.md has no example configuration");
    }
}
