package io.tusk.jca.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * A WildFly the test starts and stops itself, next to the Arquillian-managed one: the unpacked
 * server's binaries with a fresh copy of its {@code standalone/} directory under
 * {@code target/NAME}, and a port offset so that the two never meet. Tests that must crash the
 * server, restart it or boot it from a hand-written {@code standalone.xml} use it.
 */
final class SelfStartedWildfly {
    private final Path home = Paths.get(System.getProperty("jboss.home"));
    private final Path base;
    private final int offset;
    private Process process;

    SelfStartedWildfly(String name, int offset) {
        this.base = home.getParent().resolve(name);
        this.offset = offset;
    }

    Path home() {
        return home;
    }

    Path base() {
        return base;
    }

    int managementPort() {
        return 9990 + offset;
    }

    int httpPort() {
        return 8080 + offset;
    }

    int recoveryListenerPort() {
        return 4712 + offset;
    }

    Process process() {
        return process;
    }

    /** A fresh copy of the unpacked server's standalone/ directory (configuration, no logs). */
    void prepare() throws IOException {
        deleteTree(base);
        copyTree(home.resolve("standalone"), base);
    }

    Path configFile() {
        return base.resolve("configuration/standalone.xml");
    }

    /**
     * Replaces a subsystem of standalone.xml (by its namespace prefix, e.g.
     * {@code urn:jboss:domain:resource-adapters:}) with the given XML, or with an empty one.
     */
    void replaceSubsystem(String namespacePrefix, String subsystemXml) throws IOException {
        String xml = Files.readString(configFile());
        Matcher m = Pattern.compile("<subsystem xmlns=\"(" + Pattern.quote(namespacePrefix) + "[^\"]*)\"(/>|>.*?</subsystem>)",
                Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no subsystem " + namespacePrefix + " in " + configFile());
        }
        String replacement = subsystemXml != null ? subsystemXml : "<subsystem xmlns=\"" + m.group(1) + "\"/>";
        Files.writeString(configFile(), xml.substring(0, m.start()) + replacement + xml.substring(m.end()));
    }

    void start(Map<String, String> environment) throws Exception {
        process = Launcher.of(StandaloneCommandBuilder.of(home)
                        .setBaseDirectory(base)
                        .addJavaOptions("-Xms64m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true")
                        .addServerArgument("-Djboss.socket.binding.port-offset=" + offset))
                .addEnvironmentVariables(environment)
                .setRedirectErrorStream(true)
                .redirectOutput(base.resolve("console.log"))
                .launch();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try (ModelControllerClient mcc = client()) {
                ModelNode r = mcc.execute(Operations.createReadAttributeOperation(new ModelNode().setEmptyList(), "server-state"));
                if (Operations.isSuccessfulOutcome(r) && "running".equals(Operations.readResult(r).asString())) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited while starting; see " + base.resolve("console.log")
                        + " and " + base.resolve("log/server.log"));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("WildFly did not start in 180 s; see " + base.resolve("console.log"));
    }

    ModelControllerClient client() throws IOException {
        return ModelControllerClient.Factory.create("remote+http", "127.0.0.1", managementPort());
    }

    /** Runs one management operation; fails the test with WildFly's own description of a failure. */
    ModelNode run(ModelNode op) throws IOException {
        try (ModelControllerClient mcc = client()) {
            ModelNode result = mcc.execute(op);
            if (!Operations.isSuccessfulOutcome(result)) {
                throw new IllegalStateException("management operation failed: " + op + " -> " + Operations.getFailureDescription(result));
            }
            return Operations.readResult(result);
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String relative = from.relativize(p).toString();
                if (relative.startsWith("log") || relative.startsWith("tmp")) {
                    continue; // the managed server's logs and temporary files are not configuration
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
