package io.tusk.internal.cursor;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.QueryResult;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.BindComplete;
import io.tusk.internal.protocol.backend.CommandComplete;
import io.tusk.internal.protocol.backend.DataRow;
import io.tusk.internal.protocol.backend.RowSet;
import io.tusk.internal.protocol.backend.EmptyQueryResponse;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.NoData;
import io.tusk.internal.protocol.backend.ParseComplete;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.internal.protocol.frontend.Flush;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.Sync;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code executemany} as one extended-query exchange: every row's Bind/Execute pipelined and a
 * single Sync at the end, so the batch is one implicit transaction in autocommit mode and costs
 * no round trip per row (psycopg runs it in pipeline mode).
 *
 * <p>Why chunks: the server answers each Execute (BindComplete, rows, CommandComplete) while we
 * are still writing. Written in one go, a large batch fills the server's output and our receive
 * buffer; the server then stops reading, our write blocks, and both sides wait for ever. So rows
 * leave in chunks of at most {@value #CHUNK_BYTES} bytes or {@value #CHUNK_ROWS} rows, each
 * followed by Flush (so its replies come without a Sync), and at most two chunks are in flight:
 * the next chunk is written only once every reply of the oldest has been read. What is written
 * but unread by the server is then bounded by two chunks, which the kernel's socket buffers
 * hold, so a write never waits for the server while the server waits for us.
 *
 * <p>After the first ErrorResponse the server skips everything up to Sync (protocol "Extended
 * Query"): no more chunks are written, a Sync is sent if it was not yet, and the error is raised
 * once ReadyForQuery arrives.
 */
public final class BatchExchange implements Exchange<BatchExchange.Outcome> {
    static final int CHUNK_BYTES = 32 * 1024;
    static final int CHUNK_ROWS = 1000;

    /** Rows affected in total, and every result when they were asked to be kept. */
    public record Outcome(long rowCount, List<QueryResult> results) {
    }

    private final String begin;
    private final BatchSource source;
    private final boolean keepResults;
    /** Executes not yet answered, per chunk in flight, oldest first. */
    private final ArrayDeque<int[]> inFlight = new ArrayDeque<>();
    private final List<QueryResult> results = new ArrayList<>();
    private boolean hasPrepared = true;
    private boolean syncSent;
    private boolean beginPending;
    private long rowCount;
    private RowDescription description;
    private List<DataRow> rows;
    private Diagnostic error;
    private RuntimeException clientError;

    /**
     * @param begin the BEGIN to send first (as a simple Query) or null
     * @param source the rows; its first row must already be prepared
     */
    public BatchExchange(String begin, BatchSource source, boolean keepResults) {
        this.begin = begin;
        this.source = source;
        this.keepResults = keepResults;
        this.beginPending = begin != null;
    }

    @Override
    public void start(WriteBuffer out) {
        if (begin != null) {
            new Query(begin).encode(out);
        }
        writeChunk(out);
        writeChunk(out);
    }

    private void writeChunk(WriteBuffer out) {
        if (syncSent) {
            return;
        }
        int start = out.size();
        int count = 0;
        while (hasPrepared && error == null && count < CHUNK_ROWS && out.size() - start < CHUNK_BYTES) {
            source.encodePrepared(out);
            count++;
            try {
                hasPrepared = source.prepareNext();
            } catch (RuntimeException e) {
                // Rows already sent run; the error is raised after Sync (psycopg behaves alike).
                clientError = e;
                hasPrepared = false;
            }
        }
        if (count > 0) {
            inFlight.add(new int[] {count});
        }
        if (hasPrepared && error == null) {
            Flush.INSTANCE.encode(out);
        } else {
            Sync.INSTANCE.encode(out);
            syncSent = true;
        }
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (m instanceof DataRow row) {
            if (rows != null) {
                rows.add(row);
            }
        } else if (m instanceof CommandComplete cc) {
            if (beginPending) {
                return false;
            }
            rowCount += Math.max(0, cc.rowCount());
            if (keepResults) {
                results.add(new QueryResult(description, rows == null ? List.of() : rows, cc));
            }
            executeDone(out);
        } else if (m instanceof RowDescription rd) {
            description = rd;
            rows = keepResults ? new RowSet() : null;
        } else if (m instanceof ReadyForQuery) {
            if (beginPending) {
                beginPending = false;
                return false;
            }
            return true;
        } else if (m instanceof ErrorResponse er) {
            if (error == null) {
                error = er.diagnostic();
            }
            if (!beginPending && !syncSent) {
                Sync.INSTANCE.encode(out);
                syncSent = true;
            }
        } else if (m == EmptyQueryResponse.INSTANCE) {
            if (keepResults) {
                results.add(new QueryResult(null, List.of(), null));
            }
            executeDone(out);
        } else if (m == NoData.INSTANCE) {
            description = null;
            rows = null;
        } else if (m != ParseComplete.INSTANCE && m != BindComplete.INSTANCE) {
            throw new ProtocolViolation("unexpected " + m.getClass().getSimpleName() + " during executemany");
        }
        return false;
    }

    private void executeDone(WriteBuffer out) {
        description = null;
        rows = null;
        int[] oldest = inFlight.peek();
        if (oldest == null) {
            throw new ProtocolViolation("more results than Execute messages during executemany");
        }
        if (--oldest[0] == 0) {
            inFlight.poll();
            writeChunk(out);
        }
    }

    @Override
    public Outcome result() {
        if (error != null) {
            throw ServerErrors.of(error);
        }
        if (clientError != null) {
            throw clientError;
        }
        return new Outcome(rowCount, results);
    }
}
