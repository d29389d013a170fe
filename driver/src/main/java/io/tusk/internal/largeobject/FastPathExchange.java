package io.tusk.internal.largeobject;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.connection.Exchange;
import io.tusk.internal.connection.ServerErrors;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.FunctionCallResponse;
import io.tusk.internal.protocol.backend.ReadyForQuery;
import io.tusk.internal.protocol.frontend.FunctionCall;
import io.tusk.internal.protocol.frontend.Query;

/**
 * One fast-path function call (protocol "Function Call": FunctionCall, answered by
 * FunctionCallResponse or ErrorResponse, then ReadyForQuery), after an implicit BEGIN in the
 * same write when one is due. The result is the function's value in binary, null for NULL.
 */
final class FastPathExchange implements Exchange<byte[]> {
    private final String begin;
    private final FunctionCall call;
    private int ready;
    private byte[] result;
    private Diagnostic error;

    FastPathExchange(String begin, FunctionCall call) {
        this.begin = begin;
        this.call = call;
    }

    @Override
    public void start(WriteBuffer out) {
        if (begin != null) {
            new Query(begin).encode(out);
        }
        call.encode(out);
    }

    @Override
    public boolean handle(BackendMessage m, WriteBuffer out) {
        if (m instanceof FunctionCallResponse r) {
            result = r.result();
        } else if (m instanceof ErrorResponse e) {
            error = error == null ? e.diagnostic() : error;
        } else if (m instanceof ReadyForQuery) {
            return ++ready == (begin == null ? 1 : 2);
        }
        // CommandComplete of the BEGIN: nothing to keep.
        return false;
    }

    @Override
    public byte[] result() {
        if (error != null) {
            throw ServerErrors.of(error);
        }
        return result;
    }
}
