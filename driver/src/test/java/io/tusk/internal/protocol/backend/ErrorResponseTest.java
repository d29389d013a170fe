package io.tusk.internal.protocol.backend;

import static io.tusk.internal.protocol.Wire.decode;
import static io.tusk.internal.protocol.Wire.decodeFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ErrorResponse ('E') and NoticeResponse ('N'): (Byte1 field code, String value) pairs closed
 * by a zero byte, with the field codes of "Error and Notice Message Fields".
 */
class ErrorResponseTest {

    /**
     * All 18 documented fields. Each is 1 code byte + the text + NUL:
     * S 7, V 7, C 7, M 15, D 12, H 13, P 4, p 3, q 10, W 16, s 8, t 7, c 4, d 6, n 12, F 13, L 5,
     * R 18 = 167, + terminator 1 + length 4 = 172 = 0xAC.
     */
    private static final String EVERY_FIELD = "45 000000ac"
            + " 'S' 'ERROR' 00 'V' 'ERROR' 00 'C' '23505' 00 'M' 'duplicate key' 00"
            + " 'D' 'Key exists' 00 'H' 'use another' 00 'P' '15' 00 'p' '3' 00 'q' 'SELECT 1' 00"
            + " 'W' 'SQL function f' 00 's' 'public' 00 't' 'users' 00 'c' 'id' 00 'd' 'int4' 00"
            + " 'n' 'users_pkey' 00 'F' 'nbtinsert.c' 00 'L' '666' 00 'R' '_bt_check_unique' 00"
            + " 00";

    @Test
    void everyFieldCodeMapsToItsDiagnosticAccessor() {
        var m = assertInstanceOf(ErrorResponse.class, decode(EVERY_FIELD));
        assertFalse(m.notice());
        Diagnostic d = m.diagnostic();
        assertEquals("ERROR", d.severity());
        assertEquals("ERROR", d.severityNonlocalized());
        assertEquals("23505", d.sqlstate());
        assertEquals("duplicate key", d.messagePrimary());
        assertEquals("Key exists", d.messageDetail());
        assertEquals("use another", d.messageHint());
        assertEquals("15", d.statementPosition());
        assertEquals("3", d.internalPosition());
        assertEquals("SELECT 1", d.internalQuery());
        assertEquals("SQL function f", d.context());
        assertEquals("public", d.schemaName());
        assertEquals("users", d.tableName());
        assertEquals("id", d.columnName());
        assertEquals("int4", d.datatypeName());
        assertEquals("users_pkey", d.constraintName());
        assertEquals("nbtinsert.c", d.sourceFile());
        assertEquals("666", d.sourceLine());
        assertEquals("_bt_check_unique", d.sourceFunction());
        assertEquals("23505", m.sqlstate());
    }

    @Test
    void fieldsKeepTheServersOrder() {
        var m = (ErrorResponse) decode(EVERY_FIELD);
        assertEquals(List.of('S', 'V', 'C', 'M', 'D', 'H', 'P', 'p', 'q', 'W', 's', 't', 'c', 'd', 'n', 'F', 'L', 'R'),
                List.copyOf(m.diagnostic().fields().keySet()));
    }

    @Test
    void aNoticeHasTheSameShape() {
        // 4 + 'S' "NOTICE\0" 8 + 'V' 8 + 'C' "00000\0" 7 + 'M' "hi\0" 4 + 1 = 32 = 0x20
        var m = assertInstanceOf(ErrorResponse.class,
                decode("4e 00000020 'S' 'NOTICE' 00 'V' 'NOTICE' 00 'C' '00000' 00 'M' 'hi' 00 00"));
        assertTrue(m.notice());
        assertEquals("hi", m.diagnostic().messagePrimary());
        assertEquals("NoticeResponse[NOTICE 00000 hi]", m.toString());
    }

    @Test
    void missingFieldsAreNull() {
        var m = (ErrorResponse) decode("45 0000000c 'C' '42P01' 00 00");
        assertEquals("42P01", m.sqlstate());
        assertNull(m.diagnostic().messagePrimary());
        assertNull(m.diagnostic().tableName());
    }

    @Test
    void anEmptyResponseHasTheEmptyDiagnostic() {
        assertSame(Diagnostic.EMPTY, ((ErrorResponse) decode("45 00000005 00")).diagnostic());
    }

    @Test
    void anUnknownFieldCodeIsKeptNotRejected() {
        // "Frontends should silently ignore fields of unrecognized type": kept, no accessor.
        var m = (ErrorResponse) decode("45 0000000d 'Z' 'future' 00 00");
        assertEquals("future", m.diagnostic().fields().get('Z'));
    }

    @Test
    void fieldTextIsDecodedInTheSessionEncoding() {
        var m = (ErrorResponse) decode("45 00000009 'M' c3a9 00 00");
        assertEquals("\u00e9", m.diagnostic().messagePrimary());
    }

    @Test
    void aMissingTerminatorIsAProtocolViolation() {
        assertEquals("protocol violation: ErrorResponse is truncated: expected a byte at offset 7"
                + " but only 0 bytes remain", decodeFails("45 0000000b 'C' '42P01' 00").getMessage());
    }

    @Test
    void aFieldWithoutNulIsAProtocolViolation() {
        assertEquals("protocol violation: NoticeResponse has a string without its terminating NUL",
                decodeFails("4e 00000009 'M' 'oops'").getMessage());
    }

    @Test
    void bytesAfterTheTerminatorAreAProtocolViolation() {
        assertEquals("protocol violation: ErrorResponse has 2 unexpected trailing bytes",
                decodeFails("45 00000009 'M' 00 00 'M' 00").getMessage());
    }
}
