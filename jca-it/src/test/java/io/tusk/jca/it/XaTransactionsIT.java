package io.tusk.jca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.TestDatabase;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two databases, two XA connection definitions, one JTA transaction of WildFly's transaction
 * manager (Narayana): both writes commit together or neither stays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(TuskServerSetup.class)
class XaTransactionsIT {
    private static final AtomicInteger IDS = new AtomicInteger(10_000);

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
    void bothDatabasesCommitInOneContainerManagedTransaction() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ok", Wildfly.call(base, "xa-commit", id));
        assertTrue(Wildfly.has(a, id));
        assertTrue(Wildfly.has(b, id));
        assertEquals(0, Wildfly.preparedCount(a));
    }

    @Test
    void anExceptionAfterBothWritesLeavesNeither() throws Exception {
        int id = IDS.incrementAndGet();
        assertTrue(Wildfly.call(base, "xa-fail", id).startsWith("500"));
        assertFalse(Wildfly.has(a, id));
        assertFalse(Wildfly.has(b, id));
    }

    @Test
    void setRollbackOnlyLeavesNeither() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ok", Wildfly.call(base, "xa-rollback-only", id));
        assertFalse(Wildfly.has(a, id));
        assertFalse(Wildfly.has(b, id));
    }

    @Test
    void beanManagedUserTransactionCommitsBoth() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ok", Wildfly.call(base, "bmt-commit", id));
        assertTrue(Wildfly.has(a, id));
        assertTrue(Wildfly.has(b, id));
    }

    @Test
    void beanManagedUserTransactionRollbackLeavesNeither() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ok", Wildfly.call(base, "bmt-rollback", id));
        assertFalse(Wildfly.has(a, id));
        assertFalse(Wildfly.has(b, id));
    }

    @Test
    void handleRefusesCommitInsideTheXaTransaction() throws Exception {
        int id = IDS.incrementAndGet();
        assertEquals("200 ProgrammingException", Wildfly.call(base, "xa-commit-inside", id));
        assertTrue(Wildfly.has(a, id), "the refused commit() leaves the row to the container's transaction, which commits it");
    }

    @Test
    void twoHundredRequestsFromEightThreadsLeakNoConnectionAndNoPreparedTransaction() throws Exception {
        int first = IDS.addAndGet(1_000) - 999;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int id = first + i;
                results.add(pool.submit(() -> Wildfly.call(base, "xa-commit", id)));
            }
            for (Future<String> r : results) {
                assertEquals("200 ok", r.get());
            }
        } finally {
            pool.shutdown();
        }
        String range = "id BETWEEN " + first + " AND " + (first + 199);
        assertEquals("200", a.admin().queryScalar("SELECT count(*) FROM t WHERE " + range));
        assertEquals("200", b.admin().queryScalar("SELECT count(*) FROM t WHERE " + range));
        assertEquals(0, Wildfly.preparedCount(a));
        for (String def : new String[] {"xaA", "xaB"}) {
            ModelNode stats = Wildfly.poolStats(def);
            assertEquals(0, stats.get("InUseCount").asInt(), def + " pool: " + stats);
            assertTrue(stats.get("ActiveCount").asInt() <= 20, def + " pool: " + stats);
        }
    }
}
