package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint made by {@link JdbcConnection#setSavepoint}: named (the caller's name) or unnamed
 * (a number, sent as {@code JDBC_SAVEPOINT_n}), as pgjdbc's {@code PSQLSavepoint}. Released ones
 * refuse to be used again; the server's name is always a quoted identifier, so any string works.
 */
final class JdbcSavepoint implements Savepoint {
    /** pgjdbc's {@code PSQLState.WRONG_OBJECT_TYPE}: the id of a named savepoint, the name of an unnamed one. */
    static final String WRONG_OBJECT_TYPE = "42809";
    /** pgjdbc's {@code PSQLState.INVALID_SAVEPOINT_SPECIFICATION}: a released savepoint. */
    static final String INVALID_SAVEPOINT = "3B000";

    private final int id;
    private final String name;
    private final JdbcConnection owner;
    private boolean released;

    JdbcSavepoint(int id, String name, JdbcConnection owner) {
        this.id = id;
        this.name = name;
        this.owner = owner;
    }

    @Override
    public int getSavepointId() throws SQLException {
        checkValid();
        if (name != null) {
            throw new SQLException("Cannot retrieve the id of a named savepoint.", WRONG_OBJECT_TYPE);
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        checkValid();
        if (name == null) {
            throw new SQLException("Cannot retrieve the name of an unnamed savepoint.", WRONG_OBJECT_TYPE);
        }
        return name;
    }

    /** The savepoint's name as SQL: a quoted identifier. */
    String sqlName() throws SQLException {
        checkValid();
        String raw = name != null ? name : "JDBC_SAVEPOINT_" + id;
        return '"' + raw.replace("\"", "\"\"") + '"';
    }

    /** Whether {@code c} made it: another connection's savepoint means nothing here. */
    boolean ownedBy(JdbcConnection c) {
        return owner == c;
    }

    void release() {
        released = true;
    }

    private void checkValid() throws SQLException {
        if (released) {
            throw new SQLException("Cannot reference a savepoint after it has been released.", INVALID_SAVEPOINT);
        }
    }

    @Override
    public String toString() {
        return name != null ? "Savepoint " + name : "Savepoint #" + id;
    }
}
