package io.tusk.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.async.AsyncConnection;
import io.tusk.errors.DataException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.protocol.BackendBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tpcRecover() reads pg_prepared_xacts itself (not through a cursor's loaders), so it checks
 * the answer itself: a row of the wrong width or a prepare time that is not a timestamp raises
 * Tusk's exceptions naming the column, on both front ends, and the connection stays usable.
 */
class TwoPhaseRecoverFromABrokenServerTest {
    private FakePostgres server;
    private String conninfo;

    @BeforeEach
    void start() throws Exception {
        server = new FakePostgres();
        conninfo = "host=127.0.0.1 port=" + server.port() + " dbname=fuzz user=fuzz sslmode=disable connect_timeout=2";
        ReplyModel.PREPARED.add("recover-me");
    }

    @AfterEach
    void stop() throws Exception {
        ReplyModel.PREPARED.remove("recover-me");
        server.close();
    }

    /** The recovery reply with its DataRow replaced by one of these text values. */
    private static UnaryOperator<List<byte[]>> rowOf(String... values) {
        return messages -> {
            List<byte[]> out = new ArrayList<>();
            for (byte[] m : messages) {
                out.add(m[0] == 'D' ? new BackendBytes().dataRowText(values).toByteArray() : m);
            }
            return out;
        };
    }

    @Test
    void aPrepareTimeThatIsNotATimestampIsADataExceptionNamingTheColumn() {
        try (Connection conn = Tusk.connect(conninfo)) {
            server.plan.call = Mutation.scripted(0, rowOf("recover-me", "yesterday", "fuzz", "fuzz"));
            DataException e = assertThrows(DataException.class, conn::tpcRecover);
            assertTrue(e.getMessage().contains("\"prepared\"") && e.getMessage().contains("yesterday"), e.getMessage());
            server.plan.call = null;
            assertEquals(3, conn.execute("SELECT 3").fetchone().get(0), "the connection is still in step");
        }
    }

    @Test
    void aRowOfTheWrongWidthIsAProtocolViolation() {
        try (Connection conn = Tusk.connect(conninfo)) {
            server.plan.call = Mutation.scripted(0, rowOf("recover-me", "2026-12-03T13:00:00.000000Z", "fuzz"));
            OperationalException e = assertThrows(OperationalException.class, conn::tpcRecover);
            assertTrue(e.getMessage().contains("3 columns"), e.getMessage());
        }
    }

    @Test
    void aNullGidIsADataException() {
        try (Connection conn = Tusk.connect(conninfo)) {
            server.plan.call = Mutation.scripted(0, rowOf(null, "2026-12-03T13:00:00.000000Z", "fuzz", "fuzz"));
            DataException e = assertThrows(DataException.class, conn::tpcRecover);
            assertTrue(e.getMessage().contains("\"gid\""), e.getMessage());
        }
    }

    @Test
    void theAsyncFrontEndChecksTheSameWay() throws Exception {
        AsyncConnection conn = Scenarios.get(AsyncConnection.connect(conninfo, Map.of(), null));
        try {
            server.plan.call = Mutation.scripted(0, rowOf("recover-me", "not a time", "fuzz", "fuzz"));
            Exception e = assertThrows(Exception.class, () -> Scenarios.get(conn.tpcRecover()));
            assertTrue(e instanceof DataException, () -> "a " + e.getClass().getName() + ": " + e.getMessage());
            server.plan.call = Mutation.scripted(0, rowOf("recover-me", "2026-12-03T13:00:00.000000Z"));
            Exception narrow = assertThrows(Exception.class, () -> Scenarios.get(conn.tpcRecover()));
            assertTrue(narrow instanceof TuskException, () -> "a " + narrow.getClass().getName());
        } finally {
            server.plan.call = null;
            Scenarios.get(conn.close());
        }
    }
}
