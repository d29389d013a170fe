package io.tusk.osgitest;

import io.tusk.testkit.Ports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Apache Karaf distribution unpacked by the build (target/apache-karaf-VERSION), started as
 * {@code bin/karaf server} and driven with {@code bin/client} over SSH, on free ports and with a
 * fresh data directory. The Tusk jars of this build are put into its {@code system/} repository,
 * where Karaf looks for {@code mvn:} URLs before anywhere else.
 */
final class Karaf implements AutoCloseable {
    final Path home;
    private final int sshPort;
    private final Process process;

    Karaf() throws IOException, InterruptedException {
        this(true);
    }

    /** @param stageBundles whether to put this build's jars into system/ (false: they must come from a .kar) */
    Karaf(boolean stageBundles) throws IOException, InterruptedException {
        home = Paths.get(System.getProperty("tusk.karaf.home", "target/apache-karaf"));
        if (!Files.isDirectory(home.resolve("bin"))) {
            throw new IllegalStateException(home + " is missing: run the tests through Maven, which unpacks Karaf");
        }
        deleteTree(home.resolve("data"));
        sshPort = Ports.unusedPort();
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(Ports.unusedPort()));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(Ports.unusedPort()));
        Path users = home.resolve("etc/users.properties");
        if (!Files.readString(users).contains("\nkaraf = karaf")) {
            Files.writeString(users, "\nkaraf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        String version = System.getProperty("tusk.project.version", "0.1.0-SNAPSHOT");
        deleteTree(home.resolve("system/io/tusk"));
        if (stageBundles) {
            stage("tusk-driver", version, Bundles.driver());
            stage("tusk-xa", version, Bundles.xa());
            stage("tusk-jdbc", version, Bundles.jdbc());
        }

        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("karaf-console.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = pb.start();
    }

    /** Runs shell commands through {@code bin/client} (retrying until the SSH server is up) and returns the output. */
    String client(String commands) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-u", "karaf", "-p", "karaf", "-r", "90", "-d", "1", commands));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + commands);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    Path data() {
        return home.resolve("data");
    }

    private void stage(String artifactId, String version, Path jar) throws IOException {
        Path dir = home.resolve("system/io/tusk/" + artifactId + "/" + version);
        Files.createDirectories(dir);
        Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            lines.add(line.matches("\\s*" + key + "\\s*=.*") ? key + " = " + value : line);
        }
        Files.write(path, lines);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Override
    public void close() throws InterruptedException {
        // The launcher script runs java as a child: stop the whole tree this test started.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle h : tree) {
            h.destroy();
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
