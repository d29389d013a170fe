package io.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class InsertRewriteTest {
    private static InsertRewrite of(String query) {
        return InsertRewrite.of(QueryParser.parse(query));
    }

    @Test
    void plainInsertBecomesOneTuplePerRowWithRenumberedParameters() {
        InsertRewrite r = of("INSERT INTO t (a, b) VALUES (%s, %s)");
        assertEquals("INSERT INTO t (a, b) VALUES ($1, $2)", r.sql(1));
        assertEquals("INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6)", r.sql(3));
        assertEquals(2, r.parametersPerRow());
        assertEquals(128, r.maxRows());
    }

    @Test
    void expressionsQuotesAndQuotedNamesInTheTupleAreRepeated() {
        InsertRewrite r = of("insert into \"My Table\" (\"a b\", c) values (lower(%s), 'it''s (x)', now(), %s::int)");
        assertEquals("insert into \"My Table\" (\"a b\", c) values (lower($1), 'it''s (x)', now(), $2::int), "
                + "(lower($3), 'it''s (x)', now(), $4::int)", r.sql(2));
    }

    @Test
    void namedPlaceholdersKeepOneNumberPerNameInEachRow() {
        InsertRewrite r = of("INSERT INTO t VALUES (%(id)s, %(name)s, %(id)s);");
        assertEquals("INSERT INTO t VALUES ($1, $2, $1), ($3, $4, $3)", r.sql(2));
    }

    @Test
    void rowsPerStatementKeepUnder65535Parameters() {
        String tuple = "%s, ".repeat(999) + "%s";
        assertEquals(65, of("INSERT INTO wide VALUES (" + tuple + ")").maxRows());
    }

    @Test
    void anythingButAPlainSingleTupleInsertIsLeftAlone() {
        assertNull(of("INSERT INTO t VALUES (%s) RETURNING id"));
        assertNull(of("INSERT INTO t VALUES (%s) ON CONFLICT DO NOTHING"));
        assertNull(of("INSERT INTO t VALUES (%s), (%s)"));
        assertNull(of("INSERT INTO t SELECT %s"));
        assertNull(of("UPDATE t SET a = %s"));
        assertNull(of("INSERT INTO t VALUES (1)"), "no parameter: nothing to group");
        assertNull(of("INSERT INTO t VALUES (%s, 'a$1')"), "dollar signs are not scanned");
        assertNull(of("INSERT INTO t VALUES (%s, E'\\'')"), "backslash escapes are not scanned");
        assertNull(of("INSERT INTO t VALUES (%s) -- note"));
        assertNull(of("INSERT INTO t VALUES (%s); DELETE FROM t"));
        assertNull(of("WITH x AS (SELECT 1) INSERT INTO t VALUES (%s)"));
    }
}
