package io.tusk.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.internal.prepare.StatementCache;
import io.tusk.internal.prepare.StatementCache.Decision;
import io.tusk.internal.prepare.StatementCache.Kind;
import io.tusk.internal.prepare.StatementKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prepare decisions of psycopg's PrepareManager, without a server. */
class StatementCacheTest {
    private static final StatementKey Q = new StatementKey("SELECT $1", new int[] {23});

    private static Decision run(StatementCache c, StatementKey k, Boolean prepare) {
        Decision d = c.decide(k, prepare);
        c.enqueued(k, d);
        return d;
    }

    @Test
    void sixthExecutionPreparesWithTheDefaultThreshold() {
        StatementCache c = new StatementCache();
        for (int i = 0; i < 5; i++) {
            assertEquals(Kind.NO, run(c, Q, null).kind());
        }
        Decision d = run(c, Q, null);
        assertEquals(Kind.SHOULD, d.kind());
        assertEquals("_tusk_1", d.statement().name());
        assertEquals(Kind.YES, run(c, Q, null).kind());
    }

    @Test
    void otherParameterTypesAreAnotherStatement() {
        StatementCache c = new StatementCache();
        c.threshold(0);
        run(c, Q, null);
        assertEquals(Kind.SHOULD, c.decide(new StatementKey("SELECT $1", new int[] {25}), null).kind());
    }

    @Test
    void evictionClosesTheLeastRecentlyUsedInFrontOfTheNextStatement() {
        StatementCache c = new StatementCache();
        c.threshold(0);
        c.max(2);
        StatementKey a = new StatementKey("a", new int[0]);
        StatementKey b = new StatementKey("b", new int[0]);
        StatementKey third = new StatementKey("c", new int[0]);
        run(c, a, null);
        run(c, b, null);
        run(c, a, null);
        Decision d = c.decide(third, null);
        assertEquals(List.of("_tusk_2"), c.enqueued(third, d), "b was the least recently used");
        assertEquals(2, c.size());
    }

    @Test
    void dropAndRollbackCloseEverythingWhileDiscardAllForgetsOnly() {
        StatementCache c = new StatementCache();
        c.threshold(0);
        run(c, Q, null);
        c.observeTag("ROLLBACK");
        assertEquals(List.of("_tusk_1"), c.takeCloses());
        run(c, Q, null);
        c.observeTag("DISCARD ALL");
        assertEquals(List.of(), c.takeCloses(), "the server dropped them itself");
        assertEquals(Kind.SHOULD, c.decide(Q, null).kind());
    }

    @Test
    void ddlThatCanReshapeAResultClosesEverything() {
        for (String tag : List.of("ALTER TABLE", "ALTER TYPE", "ALTER DOMAIN", "ALTER VIEW", "ALTER MATERIALIZED VIEW",
                "CREATE VIEW", "CREATE FUNCTION", "CREATE PROCEDURE", "CREATE RULE", "DROP TABLE", "DEALLOCATE")) {
            StatementCache c = new StatementCache();
            c.threshold(0);
            run(c, Q, null);
            c.observeTag(tag);
            assertEquals(List.of("_tusk_1"), c.takeCloses(), tag);
            assertEquals(Kind.SHOULD, c.decide(Q, null).kind(), tag + ": prepared again");
        }
        StatementCache c = new StatementCache();
        c.threshold(0);
        run(c, Q, null);
        for (String tag : List.of("SELECT 1", "INSERT 0 1", "CREATE TABLE", "COMMIT", "SET")) {
            c.observeTag(tag);
        }
        assertEquals(List.of(), c.takeCloses(), "commands that reshape nothing keep the cache");
        assertEquals(Kind.YES, c.decide(Q, null).kind());
    }

    @Test
    void failedPreparationIsForgottenAndClosed() {
        StatementCache c = new StatementCache();
        Decision d = run(c, Q, true);
        c.failed(Q, d);
        assertEquals(List.of("_tusk_1"), c.takeCloses());
        assertEquals(Kind.SHOULD, c.decide(Q, true).kind());
    }

    @Test
    void negativeThresholdIsRejectedWithTheFix() {
        StatementCache c = new StatementCache();
        assertThrows(IllegalArgumentException.class, () -> c.threshold(-1));
        assertThrows(IllegalArgumentException.class, () -> c.max(0));
    }
}
