package io.tusk.internal.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.adapt.AdaptersMap;
import io.tusk.errors.Diagnostic;
import io.tusk.errors.IntegrityException;
import io.tusk.internal.adapt.builtin.BuiltinAdapters;
import io.tusk.internal.adapt.Transformer;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BindComplete;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ParseComplete;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.query.ParsedQuery;
import io.tusk.internal.query.QueryParser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The executemany flow against a scripted server: chunks, flow control, one Sync. */
class BatchExchangeTest {
    private static BatchExchange batch(int rows, String begin) {
        BuiltinAdapters.ensureRegistered();
        ParsedQuery q = QueryParser.parse("INSERT INTO t VALUES (%s)");
        List<Object[]> params = IntStream.range(0, rows).mapToObj(i -> new Object[] {i}).toList();
        BatchSource source = new ServerBoundRows(q, q.postgresQuery(), params.iterator(),
                new Transformer(AdaptersMap.global(), StandardCharsets.UTF_8), false, false);
        assertTrue(source.prepareNext());
        return new BatchExchange(begin, source, false);
    }

    /** Counts the frontend messages written, by type byte. */
    private static Map<Character, Integer> sent(WriteBuffer out) {
        Map<Character, Integer> n = new HashMap<>();
        byte[] b = out.array();
        int i = 0;
        while (i < out.size()) {
            char type = (char) b[i];
            int len = ((b[i + 1] & 0xFF) << 24) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 3] & 0xFF) << 8) | (b[i + 4] & 0xFF);
            n.merge(type, 1, Integer::sum);
            i += 1 + len;
        }
        out.clear();
        return n;
    }

    /** Executes per chunk, in order: each chunk ends with Flush or Sync. */
    private static List<Integer> chunks(WriteBuffer out) {
        List<Integer> sizes = new java.util.ArrayList<>();
        byte[] b = out.array();
        int executes = 0;
        for (int i = 0; i < out.size(); ) {
            char type = (char) b[i];
            int len = ((b[i + 1] & 0xFF) << 24) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 3] & 0xFF) << 8) | (b[i + 4] & 0xFF);
            if (type == 'E') {
                executes++;
            } else if (type == 'H' || type == 'S') {
                sizes.add(executes);
                executes = 0;
            }
            i += 1 + len;
        }
        return sizes;
    }

    private static boolean answer(BatchExchange x, int executes, WriteBuffer out) {
        boolean done = false;
        for (int i = 0; i < executes; i++) {
            done |= x.handle(BindComplete.INSTANCE, out);
            done |= x.handle(new CommandComplete("INSERT 0 1"), out);
        }
        return done;
    }

    @Test
    void rowsLeaveInChunksWithAtMostTwoInFlightAndOneSync() {
        BatchExchange x = batch(2_500, null);
        WriteBuffer out = new WriteBuffer();
        x.start(out);
        List<Integer> written = chunks(out);
        assertEquals(2, written.size(), "two chunks in flight");
        int first = written.get(0);
        assertTrue(first > 500 && first <= BatchExchange.CHUNK_ROWS, "a chunk is bounded: " + first);
        assertTrue(out.size() <= 2 * BatchExchange.CHUNK_BYTES + 200, "bytes in flight are bounded: " + out.size());
        Map<Character, Integer> firstWrite = sent(out);
        assertEquals(1, firstWrite.get('P'), "parsed once");
        assertEquals(2, firstWrite.get('H'), "each chunk ends with Flush");
        assertFalse(firstWrite.containsKey('S'), "no Sync before the last row");

        x.handle(ParseComplete.INSTANCE, out);
        assertFalse(answer(x, first - 1, out));
        assertEquals(0, out.size(), "nothing more is written while the oldest chunk is unanswered");
        answer(x, 1, out);
        int third = chunks(out).get(0);
        // Answer chunk after chunk until the Sync has gone out.
        int outstanding = written.get(1);
        Map<Character, Integer> w = sent(out);
        int answered = first;
        while (!w.containsKey('S')) {
            answer(x, outstanding, out);
            answered += outstanding;
            outstanding = third;
            third = chunks(out).get(0);
            w = sent(out);
        }
        assertEquals(1, w.get('S'), "the last chunk ends with the only Sync");
        assertFalse(answer(x, 2_500 - answered, out));
        assertEquals(0, out.size());
        assertTrue(x.handle(ReadyForQuery.IDLE, out));
        assertEquals(2_500, x.result().rowCount());
    }

    @Test
    void anErrorStopsTheBatchAndSendsSync() {
        BatchExchange x = batch(5_000, "BEGIN");
        WriteBuffer out = new WriteBuffer();
        x.start(out);
        assertEquals(1, sent(out).get('Q'), "BEGIN goes first in the same write");
        x.handle(new CommandComplete("BEGIN"), out);
        assertFalse(x.handle(ReadyForQuery.IN_TRANSACTION, out), "the BEGIN's ReadyForQuery does not end the batch");
        x.handle(ParseComplete.INSTANCE, out);
        answer(x, 10, out);
        x.handle(new ErrorResponse(false, Diagnostic.of(Map.of('S', "ERROR", 'C', "23505", 'M', "duplicate key"))), out);
        Map<Character, Integer> after = sent(out);
        assertEquals(Map.of('S', 1), after, "only a Sync: the server skips the rest up to it");
        assertTrue(x.handle(ReadyForQuery.IN_ERROR, out));
        assertThrows(IntegrityException.class, x::result);
    }
}
