package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fault proxy, the black hole and the unused port behave as a client meets them against PostgreSQL. */
@PgTest
class FaultProxyIT {
    private final PgServer pg;

    FaultProxyIT(PgServer pg) {
        this.pg = pg;
        pg.assumeStandardSetup("connects as the kit's trusted role");
    }

    private Connection connectVia(int port, String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + pg.dbname()
                + "?sslmode=disable&connectTimeout=5&user=" + PgUsers.TRUST + extra);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void forwardsAQueryAndCountsTheConnection() throws SQLException {
        try (FaultProxy proxy = FaultProxy.start(pg.host(), pg.port()); Connection c = connectVia(proxy.port(), "")) {
            assertEquals("42", query(c, "SELECT 42"));
            assertEquals(1, proxy.connectionCount());
        }
    }

    @Test
    void cutAllBreaksALiveConnection() throws SQLException {
        try (FaultProxy proxy = FaultProxy.start(pg.host(), pg.port()); Connection c = connectVia(proxy.port(), "")) {
            assertEquals("1", query(c, "SELECT 1"));
            proxy.cutAll();
            SQLException e = assertThrows(SQLException.class, () -> query(c, "SELECT 1"));
            // 08006 connection_failure: pgjdbc's "An I/O error occurred while sending to the backend."
            assertEquals("08006", e.getSQLState());
            assertEquals(0, proxy.connectionCount());
        }
    }

    @Test
    void pauseHoldsAQueryUntilResume() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(pg.host(), pg.port()); Connection c = connectVia(proxy.port(), "")) {
            proxy.pause();
            var answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return query(c, "SELECT 'after pause'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertTrue(!answer.isDone(), "the query must wait while the proxy is paused");
            proxy.resume();
            assertEquals("after pause", answer.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void refusedConnectionsFailAndLiveOnesKeepWorking() throws SQLException {
        try (FaultProxy proxy = FaultProxy.start(pg.host(), pg.port()); Connection live = connectVia(proxy.port(), "")) {
            proxy.refuseNew(true);
            SQLException e = assertThrows(SQLException.class, () -> connectVia(proxy.port(), "").close());
            assertTrue(SetupAssertions.causedBy(e, ConnectException.class), () -> "expected connection refused: " + e);
            assertEquals("1", query(live, "SELECT 1"));
            proxy.refuseNew(false);
            try (Connection again = connectVia(proxy.port(), "")) {
                assertEquals("2", query(again, "SELECT 2"));
            }
        }
    }

    @Test
    void blackHoleMakesTheLoginTimeOut() {
        try (BlackHoleServer hole = BlackHoleServer.start()) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                        + hole.port() + "/x?sslmode=disable&loginTimeout=1&connectTimeout=1&socketTimeout=1", "u", "p").close());
            });
            assertTrue(System.nanoTime() - start >= 900_000_000L, "the client must have waited for its timeout");
            assertEquals(1, hole.acceptedCount());
        }
    }

    @Test
    void nothingListensOnAnUnusedPort() {
        int port = Ports.unusedPort();
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/x?sslmode=disable&connectTimeout=5", "u", "p").close());
        assertTrue(SetupAssertions.causedBy(e, ConnectException.class), () -> "expected connection refused: " + e);
    }
}
