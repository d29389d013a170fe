package io.tusk.jca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/deploy/wildfly.md as an administrator follows it: its {@code standalone.xml} subsystem and
 * its {@code jboss-cli} commands, read from the guide itself, are applied to a real WildFly with
 * only the host, port, database names, users, file paths and password replaced by the test
 * server's; the password reaches WildFly through the environment variable the guide names. A
 * guide that drifts from what WildFly accepts fails here.
 */
class WildflyGuideIT {
    private static final Path GUIDE = Paths.get(System.getProperty("tusk.docs", "../docs"), "deploy", "wildfly.md");
    private static final String ARCHIVE = "tusk-jca-adapter.rar";
    private final SelfStartedWildfly server = new SelfStartedWildfly("guide-server", 300);
    private final TestDatabase orders = TuskServerSetup.Databases.A;
    private final TestDatabase reports = TuskServerSetup.Databases.B;
    private final Map<String, String> environment = Map.of("ORDERS_DB_PASSWORD", PgUsers.SCRAM_PASSWORD);

    @Test
    void standaloneXmlOfTheGuideBootsAndItsDefinitionsConnect() throws Exception {
        server.prepare();
        server.replaceSubsystem("urn:jboss:domain:resource-adapters:", forTest(block("### `standalone.xml`", "xml")));
        Files.copy(rar(), server.base().resolve("deployments").resolve(ARCHIVE));
        server.start(environment);
        awaitDeployed();

        assertPoolConnects("orders");
        assertPoolConnects("reports");
        assertRecoveryPasswordResolves();
        assertTrue(cli(commandContaining("statistics=pool")).contains("InUseCount"), "the guide's statistics path exists");
    }

    @Test
    void jbossCliCommandsOfTheGuideConfigureAWorkingDefinition() throws Exception {
        server.prepare();
        server.replaceSubsystem("urn:jboss:domain:resource-adapters:", null);
        server.start(environment);

        cli(forTest(block("### The same with `jboss-cli`", "")));
        awaitDeployed();

        assertPoolConnects("orders");
        assertRecoveryPasswordResolves();
        assertTrue(cli(commandContaining("statistics=pool")).contains("InUseCount"), "the guide's statistics path exists");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** The guide's own check: test-connection-in-pool through jboss-cli, on the named pool. */
    private void assertPoolConnects(String pool) throws Exception {
        String command = commandContaining("test-connection-in-pool").replace("connection-definitions=orders", "connection-definitions=" + pool);
        String out = cli(command);
        assertTrue(out.contains("\"outcome\" => \"success\"") && out.contains("true"), "pool " + pool + " hands out a connection: " + out);
    }

    /** The recovery credential's password expression must resolve to the password, not to a fragment of it. */
    private void assertRecoveryPasswordResolves() throws Exception {
        ModelNode address = TuskServerSetup.address().add("connection-definitions", "orders");
        ModelNode read = Operations.createReadAttributeOperation(address, "recovery-password");
        read.get("resolve-expressions").set(true);
        assertEquals(PgUsers.SCRAM_PASSWORD, server.run(read).asString(), "recovery-password as WildFly resolves it");
    }

    private void awaitDeployed() throws Exception {
        ModelNode status = Operations.createReadAttributeOperation(new ModelNode().add("deployment", ARCHIVE), "status");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = server.run(status).asString();
                if ("OK".equals(last)) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(ARCHIVE + " not deployed: " + last + "; see " + server.base().resolve("log/server.log"));
    }

    /** Runs jboss-cli commands against the server, as the guide says (--connect --file); returns its output. */
    private String cli(String commands) throws Exception {
        Path file = Files.createTempFile(server.base(), "guide", ".cli");
        Files.writeString(file, commands + "\n");
        Path output = server.base().resolve("cli-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(server.home().resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=remote+http://127.0.0.1:" + server.managementPort(), "--file=" + file)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(environment);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jboss-cli finished");
        String out = Files.readString(output);
        assertEquals(0, p.exitValue(), "jboss-cli accepted the guide's commands:\n" + commands + "\n---\n" + out);
        return out;
    }

    /** The first fenced block after a heading of the guide (info string as given, "" for none). */
    private static String block(String heading, String info) throws IOException {
        String doc = Files.readString(GUIDE, StandardCharsets.UTF_8);
        int at = doc.indexOf("\n" + heading + "\n");
        assertTrue(at >= 0, "the guide has a section " + heading);
        Matcher m = Pattern.compile("\n```" + Pattern.quote(info) + "\n(.*?)\n```\n", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(at), "a ```" + info + " block under " + heading);
        return m.group(1);
    }

    /** The one-line command of the guide that contains the given text. */
    private static String commandContaining(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(GUIDE, StandardCharsets.UTF_8)) {
            if (line.startsWith("/subsystem=") && line.contains(text)) {
                found.add(line.strip());
            }
        }
        assertEquals(1, found.size(), "one command in the guide contains " + text + ": " + found);
        return found.get(0);
    }

    /** The guide's example values replaced by the test server's; each must occur, or the guide changed. */
    private String forTest(String snippet) {
        PgServer pg = PgServer.get();
        String s = snippet;
        s = replace(s, "db\\.example\\.com", orders.host());
        s = replace(s, "(PortNumber\">|PortNumber:add\\(value=)5432", "$1" + orders.port());
        s = replace(s, "(DatabaseName\">|DatabaseName:add\\(value=)orders", "$1" + orders.dbname());
        s = replace(s, "(User\">|User:add\\(value=|user-name=\"|recovery-username=)app\\b", "$1" + PgUsers.SCRAM);
        s = replace(s, "/etc/tusk/root\\.crt", Matcher.quoteReplacement(pg.caFile().toString()));
        if (s.contains("dbname=reports")) {
            s = replace(s, "dbname=reports user=reporter", "port=" + reports.port() + " dbname=" + reports.dbname() + " user=" + PgUsers.TRUST);
        }
        if (s.contains("deploy ")) {
            s = replace(s, "deploy \\S+/tusk-jca-adapter-\\S+\\.rar", Matcher.quoteReplacement("deploy " + rar()));
        }
        return s;
    }

    private static String replace(String s, String regex, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(s);
        assertTrue(m.find(), "the guide's snippet still has " + regex + ":\n" + s);
        return m.replaceAll(replacement);
    }

    /** The .rar the build made, as the guide's users get it (tusk-jca-adapter-VERSION.rar). */
    private static Path rar() {
        return Paths.get(System.getProperty("tusk.rar", "target/deployments/" + ARCHIVE));
    }
}
