package io.tusk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * A server given by TUSK_TEST_PG (here: the embedded one, reached through its admin connection
 * string) is used as it is: no kit roles or TLS files, and tests needing them are skipped.
 */
@PgTest
class ExistingServerIT {

    @Test
    void existingServerIsUsableButHasNoStandardSetup(PgServer embedded) {
        embedded.assumeEmbedded("points an 'existing server' at the embedded one");
        PgServer existing = PgServer.existing("postgresql://postgres@127.0.0.1:" + embedded.port() + "/tusk_test?sslmode=disable");
        assertFalse(existing.isEmbedded());
        assertFalse(existing.hasStandardSetup());
        assertEquals(embedded.serverVersionNum(), existing.serverVersionNum());
        assertEquals("tusk_test", existing.admin().queryScalar("SELECT current_database()"));
        assertEquals("host=127.0.0.1 port=" + embedded.port() + " dbname=tusk_test user=postgres sslmode=disable",
                existing.conninfo());
    }

    @Test
    void whatNeedsTheKitsSetupIsSkippedOnAnExistingServer(PgServer embedded) {
        embedded.assumeEmbedded("points an 'existing server' at the embedded one");
        PgServer existing = PgServer.existing("host=127.0.0.1 port=" + embedded.port() + " user=postgres dbname=tusk_test");
        assertThrows(TestAbortedException.class, existing::caFile);
        assertThrows(TestAbortedException.class, () -> existing.conninfo(PgUsers.SCRAM));
        assertThrows(TestAbortedException.class, existing::unixSocketDir);
        assertThrows(TestAbortedException.class, () -> existing.assumeEmbedded("needs the embedded server"));
    }
}
