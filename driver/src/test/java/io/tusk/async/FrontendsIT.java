package io.tusk.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Notify;
import io.tusk.TransactionStatus;
import io.tusk.Xid;
import io.tusk.errors.DatabaseException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One suite, two front ends: the blocking and the asynchronous connection must behave alike. */
@PgTest
class FrontendsIT {
    static Stream<Arguments> frontends() {
        return Stream.of(Arguments.of("blocking", Frontend.blocking()), Arguments.of("async", Frontend.async()));
    }

    private static RuntimeException failure(Runnable r) {
        RuntimeException e = assertThrows(RuntimeException.class, r::run);
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException c ? c : e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void parametersAndTypesRoundTrip(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.SCRAM))) {
            List<List<Object>> rows = f.query("SELECT %s::int4, %s::text, %s::bool, %s::int8, NULL::text", 42, "héllo", true, 1L << 40);
            assertEquals(List.of(java.util.Arrays.asList(42, "héllo", true, 1L << 40, null)), rows);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void implicitTransactionIsCommittedOrRolledBack(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_tx_" + name;
        db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int); GRANT ALL ON " + table + " TO PUBLIC");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            f.execute("INSERT INTO " + table + " VALUES (%s)", 1);
            assertEquals(TransactionStatus.INTRANS, f.status());
            f.commit();
            assertEquals(TransactionStatus.IDLE, f.status());
            f.execute("INSERT INTO " + table + " VALUES (%s)", 2);
            f.rollback();
            f.commit(); // nothing open: nothing sent, no error
            assertEquals(List.of(List.of(1L)), f.query("SELECT count(*) FROM " + table));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void errorCarriesSqlstateAndConnectionStaysUsable(String name, Function<String, Frontend> open, TestDatabase db) {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            RuntimeException e = failure(() -> f.query("SELECT 1 / %s", 0));
            assertInstanceOf(DatabaseException.class, e);
            assertEquals("22012", ((DatabaseException) e).sqlstate());
            assertEquals(TransactionStatus.INERROR, f.status());
            f.rollback();
            assertEquals(List.of(List.of(2)), f.query("SELECT 2"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void twoPhasePrepareRecoverCommit(String name, Function<String, Frontend> open, TestDatabase db) {
        String table = "fe_tpc_" + name;
        db.admin().execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id int); GRANT ALL ON " + table + " TO PUBLIC");
        Xid xid = Xid.of(7, "fe-" + name + "-" + System.nanoTime(), "b");
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(false);
            f.tpcBegin(xid);
            f.execute("INSERT INTO " + table + " VALUES (1)");
            f.tpcPrepare();
            assertEquals(TransactionStatus.IDLE, f.status());
        }
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            assertTrue(f.tpcRecover().contains(xid), "recover lists the prepared transaction");
            f.tpcCommit(xid);
            assertEquals(List.of(List.of(1L)), f.query("SELECT count(*) FROM " + table));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontends")
    void notificationIsDelivered(String name, Function<String, Frontend> open, TestDatabase db) throws InterruptedException {
        try (Frontend f = open.apply(db.conninfo(PgUsers.TRUST))) {
            f.setAutocommit(true);
            f.listen("fe_chan_" + name);
            db.admin().execute("NOTIFY fe_chan_" + name + ", 'hello'");
            Notify n = f.nextNotify(Duration.ofSeconds(10));
            assertNotNull(n, "a notification arrives");
            assertEquals("fe_chan_" + name, n.channel());
            assertEquals("hello", n.payload());
        }
    }
}
