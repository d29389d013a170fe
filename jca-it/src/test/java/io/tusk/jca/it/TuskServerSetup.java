package io.tusk.jca.it;

import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Prepares WildFly before the .rar is deployed: starts the testkit's PostgreSQL in the test JVM,
 * makes two databases with a table {@code t}, and adds the {@code tusk} resource adapter with
 * its connection definitions through the management API (the CLI equivalent is in
 * docs/deploy/wildfly.md). Done once per test JVM: the configuration stays for the whole run.
 */
public class TuskServerSetup implements ServerSetupTask {
    static final String RA = "tusk";
    static final String ARCHIVE = "tusk-jca-adapter.rar";
    private static boolean configured;

    /** The two databases, made once per test JVM. */
    static final class Databases {
        static final TestDatabase A;
        static final TestDatabase B;

        static {
            PgServer pg = PgServer.get();
            A = pg.newDatabase("jca_a");
            B = pg.newDatabase("jca_b");
            for (TestDatabase db : new TestDatabase[] {A, B}) {
                db.admin().execute("CREATE TABLE t (id int PRIMARY KEY, note text)");
                db.admin().execute("GRANT ALL ON t TO PUBLIC");
            }
        }
    }

    @Override
    public void setup(ManagementClient client, String containerId) throws Exception {
        synchronized (TuskServerSetup.class) {
            if (configured) {
                return;
            }
            configure(client);
            configured = true;
        }
    }

    /** Adds the resource adapter and its four definitions, replacing any left from an earlier run. */
    static void configure(ManagementClient client) throws Exception {
        TestDatabase a = Databases.A;
        TestDatabase b = Databases.B;
        ModelNode ra = address();
        // An earlier run's definitions (persisted in standalone.xml) point at another
        // PostgreSQL: replace them. The archive is not deployed yet, so no reload is needed.
        if (Operations.isSuccessfulOutcome(client.getControllerClient().execute(Operations.createReadResourceOperation(ra)))) {
            run(client, Operations.createRemoveOperation(ra));
        }
        ModelNode add = Operations.createAddOperation(ra);
        add.get("archive").set(ARCHIVE);
        add.get("transaction-support").set("XATransaction");
        run(client, add);
        definition(client, "xaA", a, "XATransaction");
        definition(client, "xaB", b, "XATransaction");
        definition(client, "local", a, "LocalTransaction");
        definition(client, "none", b, "NoTransaction");
    }

    private static void definition(ManagementClient client, String name, TestDatabase db, String level) throws Exception {
        ModelNode cd = address().add("connection-definitions", name);
        ModelNode add = Operations.createAddOperation(cd);
        add.get("class-name").set("io.tusk.jca.TuskManagedConnectionFactory");
        add.get("jndi-name").set("java:/tusk/" + name);
        add.get("pool-name").set("tusk-" + name);
        add.get("enabled").set(true);
        add.get("statistics-enabled").set(true);
        add.get("min-pool-size").set(0);
        add.get("max-pool-size").set(20);
        if ("XATransaction".equals(level)) {
            // What the recovery manager logs in with to run XA recover/commit after a crash.
            add.get("recovery-username").set(PgUsers.SCRAM);
            add.get("recovery-password").set(PgUsers.SCRAM_PASSWORD);
        } else {
            add.get("no-recovery").set(true);
        }
        run(client, add);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ServerName", db.host());
        props.put("PortNumber", String.valueOf(db.port()));
        props.put("DatabaseName", db.dbname());
        props.put("User", PgUsers.SCRAM);
        props.put("Password", PgUsers.SCRAM_PASSWORD);
        props.put("ApplicationName", "jca-it-" + name);
        props.put("TransactionSupportLevel", level);
        for (Map.Entry<String, String> p : props.entrySet()) {
            ModelNode prop = Operations.createAddOperation(cd.clone().add("config-properties", p.getKey()));
            prop.get("value").set(p.getValue());
            run(client, prop);
        }
    }

    static ModelNode address() {
        return new ModelNode().add("subsystem", "resource-adapters").add("resource-adapter", RA);
    }

    static ModelNode run(ManagementClient client, ModelNode op) throws Exception {
        ModelNode result = client.getControllerClient().execute(op);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IllegalStateException("management operation failed: " + op + " -> " + Operations.getFailureDescription(result));
        }
        return Operations.readResult(result);
    }

    @Override
    public void tearDown(ManagementClient client, String containerId) {
        // Kept for the other test classes of the run; the server is stopped at its end.
    }
}
