package io.tusk.internal.protocol.backend;

import io.tusk.errors.Diagnostic;
import io.tusk.internal.protocol.ReadBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ErrorResponse ('E') and NoticeResponse ('N'): a list of (field code, text) pairs closed by a
 * zero byte (protocol "Error and Notice Message Fields").
 */
public record ErrorResponse(boolean notice, Diagnostic diagnostic) implements BackendMessage {
    public static ErrorResponse decode(boolean notice, ReadBuffer in) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (int code = in.int1(); code != 0; code = in.int1()) {
            fields.put((char) code, in.cstring());
        }
        in.expectEnd();
        return new ErrorResponse(notice, Diagnostic.of(fields));
    }

    public String sqlstate() {
        return diagnostic.sqlstate();
    }

    @Override
    public String toString() {
        return (notice ? "NoticeResponse" : "ErrorResponse") + "[" + diagnostic.severityNonlocalized() + " "
                + diagnostic.sqlstate() + " " + diagnostic.messagePrimary() + "]";
    }
}
