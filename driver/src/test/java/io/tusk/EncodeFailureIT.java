package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.connection.ConnectionImpl;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.frontend.Query;
import org.junit.jupiter.api.Test;

/**
 * A request whose encoding fails half-way: nothing of it leaves and the connection stays usable,
 * or, once part of it has left, the connection is broken; never a connection that refuses every
 * later call with "message not ended". Against a scripted loopback server.
 */
class EncodeFailureIT {
    /** Stands for a value a dumper fails on after part of its message was written. */
    record Exploding(Throwable failure) {
    }

    /** An exchange that writes a whole BEGIN, half a Bind, then fails as a dumper or the heap would. */
    private static Exchange<Void> failingAfterPart(Throwable failure) {
        return new Exchange<>() {
            @Override
            public void start(WriteBuffer out) {
                new Query("BEGIN").encode(out);
                out.beginMessage((byte) 'B').cstring("").cstring("").int16(0).int16(1).int32(1_000_000);
                out.bytes(new byte[100_000]); // part of a large value, held by reference
                sneakyThrow(failure);
            }

            @Override
            public boolean handle(BackendMessage message, WriteBuffer out) {
                return true;
            }

            @Override
            public Void result() {
                return null;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    private static void runOn(Connection conn, Exchange<?> x) {
        ConnectionImpl c = (ConnectionImpl) conn;
        c.session().lock().lock();
        try {
            c.session().run(x);
        } finally {
            c.session().lock().unlock();
        }
    }

    @Test
    void aDumperFailingHalfWaySendsNothingAndTheNextStatementRuns() throws Exception {
        try (TamperingServer server = new TamperingServer(); Connection conn = Tusk.connect(server.conninfo())) {
            conn.setAutocommit(true);
            IllegalStateException cause = new IllegalStateException("the dumper gave up");
            TuskException e = assertThrows(TuskException.class, () -> runOn(conn, failingAfterPart(cause)));
            assertSame(cause, e.getCause());
            assertFalse(conn.isBroken());
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
            // The server saw no BEGIN and no half Bind: the next statement gets its own answer.
            assertEquals("answer-1", conn.execute("SELECT %s", 1).fetchone().getString(0));
            assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        }
    }

    @Test
    void runningOutOfMemoryHalfWayIsRaisedAsItselfAndTheConnectionStaysUsable() throws Exception {
        try (TamperingServer server = new TamperingServer(); Connection conn = Tusk.connect(server.conninfo())) {
            conn.setAutocommit(true);
            OutOfMemoryError oom = new OutOfMemoryError("Java heap space (simulated)");
            assertSame(oom, assertThrows(OutOfMemoryError.class, () -> runOn(conn, failingAfterPart(oom))));
            assertFalse(conn.isBroken());
            assertEquals("answer-1", conn.execute("SELECT %s", 1).fetchone().getString(0));
        }
    }

    @Test
    void aFailureAfterPartOfTheRequestLeftBreaksTheConnectionAndCloseStillWorks() throws Exception {
        try (TamperingServer server = new TamperingServer(); Connection conn = Tusk.connect(server.conninfo())) {
            conn.setAutocommit(true);
            Exchange<Void> x = new Exchange<>() {
                @Override
                public void start(WriteBuffer out) {
                    new Query("SELECT 1").encode(out); // sent and answered
                }

                @Override
                public boolean handle(BackendMessage message, WriteBuffer out) {
                    // More of the request, written while reading the answer (executemany's next chunk), fails half-way.
                    out.beginMessage((byte) 'B').int32(7);
                    throw new IllegalStateException("the dumper gave up");
                }

                @Override
                public Void result() {
                    return null;
                }
            };
            assertThrows(OperationalException.class, () -> runOn(conn, x));
            assertTrue(conn.isBroken());
            assertThrows(OperationalException.class, () -> conn.execute("SELECT %s", 2));
            conn.close();
            assertTrue(conn.isClosed());
        }
    }

    @Test
    void aUserDumperThatThrowsIsRaisedAsATuskExceptionAndTheConnectionGoesOn() throws Exception {
        try (TamperingServer server = new TamperingServer(); Connection conn = Tusk.connect(server.conninfo())) {
            conn.setAutocommit(true);
            conn.adapters().registerDumper(Exploding.class, Format.TEXT, new Dumper<Exploding>() {
                @Override
                public int oid() {
                    return 0;
                }

                @Override
                public Format format() {
                    return Format.TEXT;
                }

                @Override
                public byte[] dump(Exploding value) {
                    throw new IllegalStateException("cannot dump this");
                }
            });
            TuskException e = assertThrows(TuskException.class,
                    () -> conn.execute("SELECT %s, %s", "fine", new Exploding(null)));
            assertTrue(e.getMessage().contains("cannot dump this"), e.getMessage());
            assertFalse(conn.isBroken());
            assertEquals("answer-1", conn.execute("SELECT %s", 1).fetchone().getString(0));
            conn.close();
            assertThrows(InterfaceException.class, () -> conn.execute("SELECT 1"));
        }
    }

    @Test
    void closeWorksAfterAFailedEncode() throws Exception {
        try (TamperingServer server = new TamperingServer(); Connection conn = Tusk.connect(server.conninfo())) {
            assertThrows(TuskException.class, () -> runOn(conn, failingAfterPart(new IllegalArgumentException("x"))));
            conn.close();
            assertTrue(conn.isClosed());
        }
    }
}
