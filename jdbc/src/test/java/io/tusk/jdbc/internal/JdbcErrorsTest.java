package io.tusk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tusk.errors.DataException;
import io.tusk.errors.InterfaceException;
import io.tusk.errors.NotSupportedException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
import io.tusk.errors.QueryCanceledException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Client-side failures (no SQLSTATE from a server) get pgjdbc's SQLSTATE and JDBC's subclass. */
class JdbcErrorsTest {

    private static void check(SQLException e, Class<? extends SQLException> type, String state, Throwable cause) {
        assertEquals(type, e.getClass());
        assertEquals(state, e.getSQLState());
        assertSame(cause, e.getCause());
    }

    @Test
    void tuskClientErrors() {
        OperationalException lost = new OperationalException("the connection to x was lost: reset");
        check(JdbcErrors.translate(lost), SQLTransientConnectionException.class, "08006", lost);
        QueryCanceledException canceled = new QueryCanceledException("canceled");
        check(JdbcErrors.translate(canceled), SQLException.class, "57014", canceled);
        check(JdbcErrors.translateTimeout(canceled), SQLTimeoutException.class, "57014", canceled);
        NotSupportedException unsupported = new NotSupportedException("no");
        check(JdbcErrors.translate(unsupported), SQLFeatureNotSupportedException.class, "0A000", unsupported);
        DataException data = new DataException("cannot dump");
        check(JdbcErrors.translate(data), SQLDataException.class, "22023", data);
        ProgrammingException misuse = new ProgrammingException("can't change autocommit now");
        check(JdbcErrors.translate(misuse), SQLException.class, "55000", misuse);
        InterfaceException closed = new InterfaceException("the connection is closed");
        check(JdbcErrors.translate(closed), SQLNonTransientConnectionException.class, "08003", closed);
    }

    @Test
    void connectFailures() {
        OperationalException refused = new OperationalException("connection to 127.0.0.1:1 refused");
        check(JdbcErrors.translateConnect(refused), SQLTransientConnectionException.class, "08001", refused);
        OperationalException timeout = new OperationalException("timeout expired after 1 s (connect_timeout), which bounds ...");
        check(JdbcErrors.translateConnect(timeout), SQLTimeoutException.class, "08001", timeout);
        ProgrammingException bad = new ProgrammingException("invalid sslmode value");
        check(JdbcErrors.translateConnect(bad), SQLNonTransientConnectionException.class, "08001", bad);
    }

    @Test
    void runtimeExceptionsThatEscapeTheNativeApi() {
        IllegalArgumentException arg = new IllegalArgumentException("value out of range");
        check(JdbcErrors.translate(arg), SQLDataException.class, "22023", arg);
        ClassCastException cast = new ClassCastException("String cannot be cast to Integer");
        check(JdbcErrors.translate(cast), SQLDataException.class, "22023", cast);
        IllegalStateException state = new IllegalStateException("not now");
        check(JdbcErrors.translate(state), SQLException.class, "55000", state);
        UnsupportedOperationException uoe = new UnsupportedOperationException("nope");
        check(JdbcErrors.translate(uoe), SQLFeatureNotSupportedException.class, "0A000", uoe);
        NullPointerException npe = new NullPointerException();
        SQLException e = JdbcErrors.translate(npe);
        assertEquals("99999", e.getSQLState());
        assertInstanceOf(NullPointerException.class, e.getCause());
        RuntimeException tusk = new OperationalException("lost");
        assertEquals("08006", JdbcErrors.translate(tusk).getSQLState());
    }
}
