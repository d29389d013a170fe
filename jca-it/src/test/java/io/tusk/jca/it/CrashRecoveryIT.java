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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
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
    private static final SelfStartedWildfly SERVER = new SelfStartedWildfly("crash-server", 200);

    private final TestDatabase a = TuskServerSetup.Databases.A;
    private final TestDatabase b = TuskServerSetup.Databases.B;

    @Test
    void serverKilledBetweenPrepareAndCommitCommitsBothBranchesAfterRestart() throws Exception {
        SERVER.prepare();
        // The recovery listener lets the test ask for a recovery pass instead of waiting two minutes.
        Path config = SERVER.configFile();
        String xml = Files.readString(config);
        Files.writeString(config, xml.replace("<recovery-environment socket-binding=\"txn-recovery-environment\"",
                "<recovery-environment recovery-listener=\"true\" socket-binding=\"txn-recovery-environment\""));

        SERVER.start(Map.of());
        try (ModelControllerClient mcc = SERVER.client()) {
            TuskServerSetup.configure(new ManagementClient(mcc, "127.0.0.1", SERVER.managementPort(), "remote+http"));
            ServerDeploymentHelper deployer = new ServerDeploymentHelper(mcc);
            try (InputStream rar = Wildfly.rar().as(ZipExporter.class).exportAsInputStream();
                 InputStream war = Wildfly.app().as(ZipExporter.class).exportAsInputStream()) {
                deployer.deploy(TuskServerSetup.ARCHIVE, rar);
                deployer.deploy("tusk-app.war", war);
            }
        }
        int id = 777_001;
        URL base8080 = new URL("http://127.0.0.1:" + SERVER.httpPort() + "/tusk-app/");
        assertThrows(IOException.class, () -> Wildfly.call(base8080, "xa-halt", id), "the server dies in the second phase");
        assertTrue(SERVER.process().waitFor(60, TimeUnit.SECONDS), "the server's JVM halted");
        assertEquals(2, Wildfly.preparedCount(a), "both branches prepared and in doubt");
        assertFalse(Wildfly.has(a, id));
        assertFalse(Wildfly.has(b, id));

        SERVER.start(Map.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (Wildfly.preparedCount(a) > 0 && System.nanoTime() < deadline) {
            scan(); // a recovery pass, as the periodic recovery would run
        }
        assertEquals(0, Wildfly.preparedCount(a), "recovery finished every branch");
        assertTrue(Wildfly.has(a, id), "committed in database A");
        assertTrue(Wildfly.has(b, id), "committed in database B");
    }

    /** One recovery pass through Narayana's recovery listener ("SCAN" answered by "DONE"). */
    private static void scan() throws IOException {
        try (Socket s = new Socket("127.0.0.1", SERVER.recoveryListenerPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write("SCAN\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }
}
