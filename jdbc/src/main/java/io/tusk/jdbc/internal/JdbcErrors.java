package io.tusk.jdbc.internal;

import io.tusk.errors.TuskException;
import java.sql.SQLException;

/** Turns Tusk's exceptions into JDBC's, keeping the Tusk exception (and its Diagnostic) as cause. */
public final class JdbcErrors {
    private JdbcErrors() {
    }

    /** The SQLException for {@code e}: its message, its SQLSTATE, {@code e} as cause. */
    public static SQLException translate(TuskException e) {
        return new SQLException(e.getMessage(), e.sqlstate(), e);
    }
}
