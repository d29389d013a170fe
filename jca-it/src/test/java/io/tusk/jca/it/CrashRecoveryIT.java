package io.tusk.jca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Crash recovery inside WildFly: the server's JVM halts after both PostgreSQL branches are
 * prepared and the transaction manager logged its commit decision, before any branch is
 * committed ({@code HaltingXAResource}, enlisted first, halts in its commit). After a restart,
 * WildFly's recovery manager logs in with the definitions' recovery credentials, finds the
 * in-doubt branches through the adapter's {@code XAResource.recover} and commits them.
 *
 * <p>This server is started and killed by the test itself (the launcher WildFly's Arquillian
 * adapter uses), from a copy of the unpacked server's {@code standalone/} directory, with a port
 * offset so that it never meets the Arquillian-managed one.
 */
class CrashRecoveryIT {
    private static final int OFFSET = 200;
    private static Process server;

    private final TestDatabase a = TuskServerSetup.Databases.A;
    private final TestDatabase b = TuskServerSetup.Databases.B;

    @Test
    void serverKilledBetweenPrepareAndCommitCommitsBothBranchesAfterRestart() throws Exception {
        Path home = Paths.get(System.getProperty("jboss.home"));
        Path base = home.getParent().resolve("crash-server");
        deleteTree(base);
        copyTree(home.resolve("standalone"), base);
        // The recovery listener lets the test ask for a recovery pass instead of waiting two minutes.
        Path config = base.resolve("configuration/standalone.xml");
        String xml = Files.readString(config);
        Files.writeString(config, xml.replace("<recovery-environment socket-binding=\"txn-recovery-environment\"",
                "<recovery-environment recovery-listener=\"true\" socket-binding=\"txn-recovery-environment\""));

        start(home, base);
        try (ModelControllerClient mcc = client()) {
            TuskServerSetup.configure(new ManagementClient(mcc, "127.0.0.1", 9990 + OFFSET, "remote+http"));
            ServerDeploymentHelper deployer = new ServerDeploymentHelper(mcc);
            try (InputStream rar = Wildfly.rar().as(ZipExporter.class).exportAsInputStream();
                 InputStream war = Wildfly.app().as(ZipExporter.class).exportAsInputStream()) {
                deployer.deploy(TuskServerSetup.ARCHIVE, rar);
                deployer.deploy("tusk-app.war", war);
            }
        }
        int id = 777_001;
        URL base8080 = new URL("http://127.0.0.1:" + (8080 + OFFSET) + "/tusk-app/");
        assertThrows(IOException.class, () -> Wildfly.call(base8080, "xa-halt", id), "the server dies in the second phase");
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server's JVM halted");
        assertEquals(2, Wildfly.preparedCount(a), "both branches prepared and in doubt");
        assertFalse(Wildfly.has(a, id));
        assertFalse(Wildfly.has(b, id));

        start(home, base);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (Wildfly.preparedCount(a) > 0 && System.nanoTime() < deadline) {
            scan(); // a recovery pass, as the periodic recovery would run
        }
        assertEquals(0, Wildfly.preparedCount(a), "recovery finished every branch");
        assertTrue(Wildfly.has(a, id), "committed in database A");
        assertTrue(Wildfly.has(b, id), "committed in database B");
    }

    private static void start(Path home, Path base) throws Exception {
        server = org.wildfly.core.launcher.Launcher.of(org.wildfly.core.launcher.StandaloneCommandBuilder.of(home)
                        .setBaseDirectory(base)
                        .addJavaOptions("-Xms64m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true")
                        .addServerArgument("-Djboss.socket.binding.port-offset=" + OFFSET))
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
            if (!server.isAlive()) {
                throw new IllegalStateException("WildFly exited while starting; see " + base.resolve("console.log"));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("WildFly did not start in 180 s; see " + base.resolve("console.log"));
    }

    private static ModelControllerClient client() throws IOException {
        return ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990 + OFFSET);
    }

    /** One recovery pass through Narayana's recovery listener ("SCAN" answered by "DONE"). */
    private static void scan() throws IOException {
        try (Socket s = new Socket("127.0.0.1", 4712 + OFFSET)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write("SCAN\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
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
