package io.tusk.internal.tx;

import io.tusk.IsolationLevel;

/**
 * The characteristics of the transactions a connection starts. Each null part leaves the
 * server's {@code default_transaction_*} setting in force. They are sent with BEGIN, never as
 * session settings, so that a pooled session is not left changed (psycopg 2.7+ and 3).
 */
public record Characteristics(IsolationLevel isolationLevel, Boolean readOnly, Boolean deferrable) {
    public static final Characteristics DEFAULT = new Characteristics(null, null, null);

    /** {@code BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE}, or just {@code BEGIN} (PostgreSQL, "BEGIN"). */
    public String beginStatement() {
        StringBuilder b = new StringBuilder("BEGIN");
        if (isolationLevel != null) {
            b.append(" ISOLATION LEVEL ").append(isolationLevel.sql());
        }
        if (readOnly != null) {
            b.append(readOnly ? " READ ONLY" : " READ WRITE");
        }
        if (deferrable != null) {
            b.append(deferrable ? " DEFERRABLE" : " NOT DEFERRABLE");
        }
        return b.toString();
    }
}
