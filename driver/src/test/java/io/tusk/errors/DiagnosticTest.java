package io.tusk.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** psycopg's Diagnostic: every field of an ErrorResponse by its protocol code. */
class DiagnosticTest {

    /** The 18 fields of "Error and Notice Message Fields" (protocol chapter 53.8), in its order. */
    static final Map<Character, Function<Diagnostic, String>> ACCESSORS = new LinkedHashMap<>();
    static {
        ACCESSORS.put('S', Diagnostic::severity);
        ACCESSORS.put('V', Diagnostic::severityNonlocalized);
        ACCESSORS.put('C', Diagnostic::sqlstate);
        ACCESSORS.put('M', Diagnostic::messagePrimary);
        ACCESSORS.put('D', Diagnostic::messageDetail);
        ACCESSORS.put('H', Diagnostic::messageHint);
        ACCESSORS.put('P', Diagnostic::statementPosition);
        ACCESSORS.put('p', Diagnostic::internalPosition);
        ACCESSORS.put('q', Diagnostic::internalQuery);
        ACCESSORS.put('W', Diagnostic::context);
        ACCESSORS.put('s', Diagnostic::schemaName);
        ACCESSORS.put('t', Diagnostic::tableName);
        ACCESSORS.put('c', Diagnostic::columnName);
        ACCESSORS.put('d', Diagnostic::datatypeName);
        ACCESSORS.put('n', Diagnostic::constraintName);
        ACCESSORS.put('F', Diagnostic::sourceFile);
        ACCESSORS.put('L', Diagnostic::sourceLine);
        ACCESSORS.put('R', Diagnostic::sourceFunction);
    }

    static Diagnostic everyField() {
        Map<Character, String> fields = new LinkedHashMap<>();
        ACCESSORS.keySet().forEach(code -> fields.put(code, "value of " + code));
        return Diagnostic.of(fields);
    }

    @Test
    void eachOfTheEighteenAccessorsReadsItsOwnField() {
        assertEquals(18, ACCESSORS.size());
        Diagnostic diag = everyField();
        ACCESSORS.forEach((code, accessor) -> assertEquals("value of " + code, accessor.apply(diag), "field " + code));
    }

    @Test
    void fieldsTheServerDidNotSendAreNull() {
        Diagnostic diag = Diagnostic.of(Map.of('C', "23505"));
        ACCESSORS.forEach((code, accessor) -> {
            if (code != 'C') {
                assertNull(accessor.apply(diag), "field " + code);
            }
        });
        ACCESSORS.values().forEach(accessor -> assertNull(accessor.apply(Diagnostic.EMPTY)));
    }

    @Test
    void fieldsKeepTheServersOrderAndCannotBeChanged() {
        Diagnostic diag = everyField();
        assertEquals(List.copyOf(ACCESSORS.keySet()), List.copyOf(diag.fields().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> diag.fields().put('M', "changed"));
    }

    @Test
    void noFieldsIsTheEmptyDiagnostic() {
        assertSame(Diagnostic.EMPTY, Diagnostic.of(Map.of()));
        assertSame(Diagnostic.EMPTY, new InterfaceException("client-side").diag());
    }

    @Test
    void exceptionsSurviveSerializationWithTheirDiagnostic() throws Exception {
        DatabaseException sent = Errors.fromDiagnostic(everyField());
        DatabaseException received = roundTrip(sent);
        assertSame(sent.getClass(), received.getClass());
        assertEquals(sent.diag().fields(), received.diag().fields());
        assertEquals(sent.getMessage(), received.getMessage());
        assertSame(Diagnostic.EMPTY, roundTrip(new InterfaceException("client-side")).diag());
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
