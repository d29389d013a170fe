package io.tusk.errors;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every field of an error or notice the server sent: psycopg's {@code Diagnostic}, from the
 * fields of an ErrorResponse or NoticeResponse message (PostgreSQL protocol, "Error and Notice
 * Message Fields").
 *
 * <pre>{@code
 * catch (DatabaseException e) {
 *     Diagnostic d = e.diag();
 *     System.out.println(d.sqlstate() + " " + d.messagePrimary() + " on " + d.tableName());
 * }
 * }</pre>
 *
 * A field the server did not send is {@code null}.
 */
public final class Diagnostic implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The diagnostic of an error that did not come from the server: every field null. */
    public static final Diagnostic EMPTY = new Diagnostic(Map.of());

    private final Map<Character, String> fields;

    private Diagnostic(Map<Character, String> fields) {
        this.fields = fields;
    }

    /** A diagnostic from the protocol's field codes ({@code 'C'} SQLSTATE, {@code 'M'} message, ...). */
    public static Diagnostic of(Map<Character, String> fields) {
        return fields.isEmpty() ? EMPTY : new Diagnostic(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    /** Every field by its protocol code, in the order the server sent them. */
    public Map<Character, String> fields() {
        return fields;
    }

    /** {@code S}: ERROR, FATAL, PANIC, WARNING, NOTICE, ... possibly localized. */
    public String severity() { return fields.get('S'); }

    /** {@code V}: the severity, never localized (PostgreSQL 9.6+). */
    public String severityNonlocalized() { return fields.get('V'); }

    /** {@code C}: the SQLSTATE code. */
    public String sqlstate() { return fields.get('C'); }

    /** {@code M}: the primary human-readable message. */
    public String messagePrimary() { return fields.get('M'); }

    /** {@code D}: an optional secondary message with more detail. */
    public String messageDetail() { return fields.get('D'); }

    /** {@code H}: an optional suggestion of what to do about the problem. */
    public String messageHint() { return fields.get('H'); }

    /** {@code P}: the 1-based character position of the error in the statement, as text. */
    public String statementPosition() { return fields.get('P'); }

    /** {@code p}: like {@link #statementPosition()}, for an internally generated command. */
    public String internalPosition() { return fields.get('p'); }

    /** {@code q}: the text of the failed internally generated command. */
    public String internalQuery() { return fields.get('q'); }

    /** {@code W}: the context in which the error occurred, such as a PL/pgSQL call stack. */
    public String context() { return fields.get('W'); }

    /** {@code s}: the schema of the object the error is about. */
    public String schemaName() { return fields.get('s'); }

    /** {@code t}: the table the error is about. */
    public String tableName() { return fields.get('t'); }

    /** {@code c}: the column the error is about. */
    public String columnName() { return fields.get('c'); }

    /** {@code d}: the data type the error is about. */
    public String datatypeName() { return fields.get('d'); }

    /** {@code n}: the constraint the error is about. */
    public String constraintName() { return fields.get('n'); }

    /** {@code F}: the server source file where the error was reported. */
    public String sourceFile() { return fields.get('F'); }

    /** {@code L}: the server source line where the error was reported. */
    public String sourceLine() { return fields.get('L'); }

    /** {@code R}: the server source routine that reported the error. */
    public String sourceFunction() { return fields.get('R'); }

    /** Keeps {@link #EMPTY} a singleton across serialization, as exceptions are serializable. */
    private Object readResolve() {
        return fields.isEmpty() ? EMPTY : this;
    }

    @Override
    public String toString() {
        return "Diagnostic" + fields;
    }
}
