package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.OperationalException;
import io.tusk.testkit.BlackHoleServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.Ports;
import io.tusk.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

/** Several hosts, refused connections and a server that never answers. */
@PgTest
class MultiHostIT {

    @Test
    void whenTheFirstHostRefusesTheSecondIsUsed(TestDatabase db) {
        int dead = Ports.unusedPort();
        String conninfo = "host=127.0.0.1,127.0.0.1 port=" + dead + "," + db.port() + " dbname=" + db.dbname()
                + " user=" + PgUsers.TRUST + " sslmode=disable";
        try (Connection conn = Tusk.connect(conninfo)) {
            assertEquals(db.port(), conn.info().port());
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterConnectTimeout(TestDatabase db) {
        try (BlackHoleServer hole = BlackHoleServer.start()) {
            String conninfo = "host=" + hole.host() + " port=" + hole.port() + " dbname=x user=x connect_timeout=2 sslmode=disable";
            long start = System.nanoTime();
            OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(conninfo));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 1 && seconds < 10, "gave up after " + seconds + " s");
            assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        }
    }

    @Test
    void anUnknownHostAndARefusingOneAreEachNamedInWholePhrasesOnBothFrontEnds() {
        int refused = Ports.unusedPort();
        String conninfo = "host=no-such-host.invalid,127.0.0.1 port=5432," + refused + " dbname=x user=x sslmode=disable";
        OperationalException blocking = assertThrows(OperationalException.class, () -> Tusk.connect(conninfo));
        Throwable async = assertThrows(java.util.concurrent.CompletionException.class,
                () -> Tusk.connectAsync(conninfo).toCompletableFuture().join()).getCause();
        for (Throwable e : new Throwable[] {blocking, async}) {
            String m = e.getMessage();
            assertTrue(m.contains("could not translate host name \"no-such-host.invalid\" to address"), m);
            assertTrue(m.contains("connection to ") && m.contains(String.valueOf(refused)), m);
            assertTrue(!m.contains("connection to could not"), "each failure is a whole phrase: " + m);
        }
    }

    @Test
    void whenEveryHostIsDownOneErrorNamesThemAll() {
        int a = Ports.unusedPort();
        int b = Ports.unusedPort();
        String conninfo = "host=127.0.0.1,localhost port=" + a + "," + b + " dbname=x user=x sslmode=disable";
        OperationalException e = assertThrows(OperationalException.class, () -> Tusk.connect(conninfo));
        assertTrue(e.getMessage().contains(String.valueOf(a)), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(b)), e.getMessage());
    }

    @Test
    void targetSessionAttrsReadWriteAcceptsAPrimary(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST) + " target_session_attrs=read-write")) {
            assertEquals(false, conn.execute("SELECT pg_is_in_recovery()").fetchone().get(0));
        }
        OperationalException e = assertThrows(OperationalException.class,
                () -> Tusk.connect(db.conninfo(PgUsers.TRUST) + " target_session_attrs=standby"));
        assertTrue(e.getMessage().contains("standby"), e.getMessage());
    }

    /** A fake hot standby: trust authentication, then the parameters a PostgreSQL 14+ standby reports. */
    private static ScriptedServer fakeStandby() {
        return ScriptedServer.start(ScriptedServer.send(ScriptedServer.concat(
                io.tusk.internal.protocol.Wire.hex("52 00000008 00000000"),
                parameterStatus("in_hot_standby", "on"), parameterStatus("default_transaction_read_only", "on"),
                parameterStatus("server_version", "17.0"), parameterStatus("client_encoding", "UTF8"),
                io.tusk.internal.protocol.Wire.hex("4b 0000000c 0000002a 01020304"),
                io.tusk.internal.protocol.Wire.hex("5a 00000005 49"))));
    }

    private static byte[] parameterStatus(String name, String value) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] v = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 + 4 + n.length + 1 + v.length + 1);
        b.put((byte) 'S').putInt(4 + n.length + 1 + v.length + 1).put(n).put((byte) 0).put(v).put((byte) 0);
        return b.array();
    }

    /** The backend process id each front end got with {@code conninfo} (the fake standby's is 42). */
    private static java.util.List<Integer> pidOnBothFrontEnds(String conninfo) {
        int blocking;
        try (Connection conn = Tusk.connect(conninfo)) {
            blocking = conn.info().backendPid();
        }
        io.tusk.async.AsyncConnection async = Tusk.connectAsync(conninfo).toCompletableFuture().join();
        try {
            return java.util.List.of(blocking, async.backendPid());
        } finally {
            async.close().toCompletableFuture().join();
        }
    }

    @Test
    void targetSessionAttrsStandbyPassesOverThePrimaryForALaterStandbyOnBothFrontEnds(TestDatabase db) {
        try (ScriptedServer standby = fakeStandby()) {
            String conninfo = "host=127.0.0.1,127.0.0.1 port=" + db.port() + "," + standby.port() + " dbname=" + db.dbname()
                    + " user=" + PgUsers.TRUST + " sslmode=disable target_session_attrs=standby";
            assertEquals(java.util.List.of(42, 42), pidOnBothFrontEnds(conninfo));
        }
    }

    @Test
    void preferStandbyTakesALaterStandbyOverAnEarlierPrimaryOnBothFrontEnds(TestDatabase db) {
        // libpq: prefer-standby first looks for a standby among all hosts, and only then takes any.
        try (ScriptedServer standby = fakeStandby()) {
            String conninfo = "host=127.0.0.1,127.0.0.1 port=" + db.port() + "," + standby.port() + " dbname=" + db.dbname()
                    + " user=" + PgUsers.TRUST + " sslmode=disable target_session_attrs=prefer-standby";
            assertEquals(java.util.List.of(42, 42), pidOnBothFrontEnds(conninfo));
        }
    }

    @Test
    void preferStandbyWithoutAStandbyTakesThePrimaryOnBothFrontEnds(TestDatabase db) {
        int dead = Ports.unusedPort();
        String conninfo = "host=127.0.0.1,127.0.0.1 port=" + dead + "," + db.port() + " dbname=" + db.dbname()
                + " user=" + PgUsers.TRUST + " sslmode=disable target_session_attrs=prefer-standby";
        assertFalse(pidOnBothFrontEnds(conninfo).contains(42), "the real server, not a fake");
    }
}
