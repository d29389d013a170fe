package io.tusk.internal.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.Diagnostic;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.EmptyQueryResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.Query;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simple-query flow against a scripted server, without a socket. */
class QueryExchangeTest {
    private final WriteBuffer out = new WriteBuffer();

    @Test
    void encodesTheQueryAndCollectsRowsUntilReadyForQuery() {
        QueryExchange x = new QueryExchange(List.of(new Query("SELECT 1")), 1);
        x.start(out);
        assertArrayEquals(new byte[] {'Q', 0, 0, 0, 13, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', 0}, out.toByteArray());

        assertFalse(x.handle(rowDescription("?column?"), out));
        assertFalse(x.handle(dataRow("1"), out));
        assertFalse(x.handle(new CommandComplete("SELECT 1"), out));
        assertTrue(x.handle(ReadyForQuery.IDLE, out));

        List<QueryResult> results = x.result();
        assertEquals(1, results.size());
        assertEquals(1, results.get(0).rows().size());
        assertEquals(1, results.get(0).rowCount());
        assertEquals("SELECT 1", results.get(0).statusMessage());
    }

    @Test
    void keepsEveryResultOfSeveralStatements() {
        QueryExchange x = new QueryExchange(List.of(new Query("CREATE TABLE t(); SELECT 1; ")), 1);
        x.handle(new CommandComplete("CREATE TABLE"), out);
        x.handle(rowDescription("a"), out);
        x.handle(dataRow("1"), out);
        x.handle(new CommandComplete("SELECT 1"), out);
        x.handle(ReadyForQuery.IN_TRANSACTION, out);
        List<QueryResult> results = x.result();
        assertEquals(2, results.size());
        assertNull(results.get(0).description());
        assertEquals(-1, results.get(0).rowCount());
        assertEquals(ReadyForQuery.IN_TRANSACTION, x.status());
    }

    @Test
    void emptyQueryGivesAResultWithoutStatus() {
        QueryExchange x = new QueryExchange(List.of(new Query("")), 1);
        x.handle(EmptyQueryResponse.INSTANCE, out);
        x.handle(ReadyForQuery.IDLE, out);
        assertNull(x.result().get(0).statusMessage());
    }

    @Test
    void raisesTheServerErrorOnlyAfterReadyForQuery() {
        QueryExchange x = new QueryExchange(List.of(new Query("SELEC 1")), 1);
        Diagnostic d = Diagnostic.of(Map.of('S', "ERROR", 'V', "ERROR", 'C', "42601", 'M', "syntax error at or near \"SELEC\"", 'P', "1"));
        assertFalse(x.handle(new ErrorResponse(false, d), out), "the exchange waits for ReadyForQuery");
        assertTrue(x.handle(ReadyForQuery.IDLE, out));
        ProgrammingException e = assertThrows(ProgrammingException.class, x::result);
        assertEquals("42601", e.sqlstate());
        assertEquals("1", e.diag().statementPosition());
    }

    @Test
    void aDataRowBeforeItsDescriptionIsAProtocolViolation() {
        QueryExchange x = new QueryExchange(List.of(new Query("SELECT 1")), 1);
        assertThrows(ProtocolViolation.class, () -> x.handle(dataRow("1"), out));
    }

    @Test
    void waitsForOneReadyForQueryPerSync() {
        QueryExchange x = new QueryExchange(List.of(new Query("BEGIN"), new Query("SELECT 1")), 2);
        x.handle(new CommandComplete("BEGIN"), out);
        assertFalse(x.handle(ReadyForQuery.IN_TRANSACTION, out));
        x.handle(new CommandComplete("SELECT 0"), out);
        assertTrue(x.handle(ReadyForQuery.IN_TRANSACTION, out));
        assertEquals(2, x.result().size());
    }

    static RowDescription rowDescription(String... names) {
        RowDescription.Field[] f = new RowDescription.Field[names.length];
        for (int i = 0; i < names.length; i++) {
            f[i] = new RowDescription.Field(names[i], 0, 0, 25, -1, -1, 0);
        }
        return new RowDescription(f);
    }

    static DataRow dataRow(String... values) {
        WriteBuffer b = new WriteBuffer();
        b.beginMessage((byte) 'D').int16(values.length);
        for (String v : values) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            b.int32(bytes.length).bytes(bytes);
        }
        b.endMessage();
        byte[] m = b.toByteArray();
        return (DataRow) io.tusk.internal.protocol.backend.BackendDecoder.decode((byte) 'D', m, 5, m.length - 5, StandardCharsets.UTF_8);
    }
}
