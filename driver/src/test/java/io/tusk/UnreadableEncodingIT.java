package io.tusk;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.NotSupportedException;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import org.junit.jupiter.api.Test;

/**
 * Switching to an encoding without a Java charset ends the session with a clear error instead
 * of garbling text or leaving the stream out of step. A UTF8 database refuses MULE_INTERNAL
 * itself; an SQL_ASCII database accepts any client encoding, so the test uses one.
 */
@PgTest
class UnreadableEncodingIT {

    @Test
    void switchingToAnEncodingJavaCannotReadClosesTheSessionWithAClearError(PgServer server) {
        server.assumeStandardSetup("creates a database with the admin user");
        String dbname = "tusk_sql_ascii";
        server.admin().execute("DROP DATABASE IF EXISTS " + dbname);
        server.admin().execute("CREATE DATABASE " + dbname + " TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'");
        try (Connection conn = Tusk.connect(server.conninfo(PgUsers.TRUST).replace("dbname=" + server.dbname(), "dbname=" + dbname))) {
            NotSupportedException e = assertThrows(NotSupportedException.class,
                    () -> conn.execute("SET client_encoding TO 'MULE_INTERNAL'"));
            assertTrue(e.getMessage().contains("MULE_INTERNAL"), () -> "message: " + e.getMessage());
            assertTrue(conn.isBroken(), "the session cannot be read any more");
        } finally {
            server.admin().execute("DROP DATABASE IF EXISTS " + dbname + " WITH (FORCE)");
        }
    }

    /** The asynchronous front end refuses it at the same moment, with the same error: when the SET's answer is complete. */
    @Test
    void theAsyncConnectionEndsTheSessionTheSameWay(PgServer server) {
        server.assumeStandardSetup("creates a database with the admin user");
        String dbname = "tusk_sql_ascii_async";
        server.admin().execute("DROP DATABASE IF EXISTS " + dbname);
        server.admin().execute("CREATE DATABASE " + dbname + " TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'");
        io.tusk.async.AsyncConnection conn = Tusk.connectAsync(server.conninfo(PgUsers.TRUST)
                .replace("dbname=" + server.dbname(), "dbname=" + dbname)).toCompletableFuture().join();
        try {
            java.util.concurrent.CompletionException e = assertThrows(java.util.concurrent.CompletionException.class,
                    () -> conn.execute("SET client_encoding TO 'MULE_INTERNAL'").toCompletableFuture().join());
            NotSupportedException cause = org.junit.jupiter.api.Assertions.assertInstanceOf(NotSupportedException.class, e.getCause());
            assertTrue(cause.getMessage().contains("MULE_INTERNAL") && cause.getMessage().contains("can no longer be read"),
                    () -> "message: " + cause.getMessage());
            assertTrue(conn.isBroken(), "the session cannot be read any more");
        } finally {
            conn.close().toCompletableFuture().join();
            server.admin().execute("DROP DATABASE IF EXISTS " + dbname + " WITH (FORCE)");
        }
    }
}
