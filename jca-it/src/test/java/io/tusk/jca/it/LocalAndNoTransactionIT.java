package io.tusk.jca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.TestDatabase;
import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The LocalTransaction and NoTransaction connection definitions inside WildFly (Jakarta
 * Connectors 2.1, 7.1): the first follows the container's transaction, the second does not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(TuskServerSetup.class)
class LocalAndNoTransactionIT {
    private static final AtomicInteger IDS = new AtomicInteger(1000);

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Wildfly.rar();
    }

    @Deployment(name = "app", order = 2, testable = false)
    static WebArchive app() {
        return Wildfly.app();
    }

    @ArquillianResource
    @OperateOnDeployment("app")
    URL base;

    private final TestDatabase a = TuskServerSetup.Databases.A;
    private final TestDatabase b = TuskServerSetup.Databases.B;

    @Test
    void localTransactionCommitsWithTheContainerTransaction() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ok", Wildfly.call(base, "local-commit", id));
        assertTrue(Wildfly.has(a, id));
    }

    @Test
    void localTransactionRollsBackWhenTheBeanFails() throws Exception {
        int id = IDS.incrementAndGet();
        assertTrue(Wildfly.call(base, "local-fail", id).startsWith("500"));
        assertFalse(Wildfly.has(a, id));
    }

    @Test
    void handleRefusesCommitInsideTheContainerLocalTransaction() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ProgrammingException", Wildfly.call(base, "local-commit-inside", id));
    }

    @Test
    void noTransactionWorkCommittedByTheApplicationSurvivesTheContainerRollback() throws Exception {
        int id = IDS.incrementAndGet();
        assertTrue(Wildfly.call(base, "none-commit-fail", id).startsWith("500"));
        assertTrue(Wildfly.has(b, id));
    }

    @Test
    void noTransactionWorkNotCommittedIsDiscardedWhenTheHandleReturnsToThePool() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ok", Wildfly.call(base, "none-no-commit", id));
        assertFalse(Wildfly.has(b, id));
    }
}
