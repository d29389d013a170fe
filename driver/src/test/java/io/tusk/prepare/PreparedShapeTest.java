package io.tusk.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.Column;
import io.tusk.internal.cursor.Columns;
import io.tusk.internal.prepare.PreparedStatement;
import io.tusk.internal.prepare.StatementCache;
import io.tusk.internal.prepare.StatementKey;
import io.tusk.internal.protocol.backend.RowDescription;
import io.tusk.rows.Row;
import io.tusk.rows.RowFactories;
import io.tusk.rows.RowMaker;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a prepared statement keeps between executions so that running it again allocates only
 * its parameters, its rows and its result: the described columns with their result formats,
 * the cursor's Column list and the rows' name index.
 */
class PreparedShapeTest {
    private static final RowDescription DESCRIBED = new RowDescription(new RowDescription.Field[] {
        new RowDescription.Field("aid", 16384, 1, 23, 4, -1, 0),
        new RowDescription.Field("filler", 16384, 4, 1042, -1, 88, 0)});

    private static PreparedStatement prepared() {
        StatementCache cache = new StatementCache();
        cache.threshold(0);
        StatementKey key = new StatementKey("SELECT aid, filler FROM t WHERE aid = $1", new int[] {23});
        StatementCache.Decision d = cache.decide(key, null);
        cache.enqueued(key, d);
        d.statement().describedAs(DESCRIBED);
        return d.statement();
    }

    @Test
    void theSameResultFormatsGiveTheSameDescriptionAndColumns() {
        PreparedStatement p = prepared();
        RowDescription first = p.description(new int[] {1, 0});
        RowDescription again = p.description(new int[] {1, 0});
        assertSame(first, again);
        assertEquals(1, first.fields()[0].format());
        assertEquals(0, first.fields()[1].format());
        assertSame(Columns.describe(first), Columns.describe(again));
        assertEquals(List.of("aid", "filler"), Columns.describe(first).stream().map(Column::name).toList());
    }

    @Test
    void otherResultFormatsGiveAnotherDescription() {
        PreparedStatement p = prepared();
        RowDescription text = p.description(new int[] {0, 0});
        RowDescription binary = p.description(new int[] {1});
        assertNotSame(text, binary);
        assertEquals(0, text.fields()[0].format());
        assertEquals(1, binary.fields()[1].format());
    }

    @Test
    void aNewDescribeReplacesWhatWasKept() {
        PreparedStatement p = prepared();
        RowDescription before = p.description(new int[] {0});
        p.describedAs(new RowDescription(new RowDescription.Field[] {new RowDescription.Field("x", 0, 0, 25, -1, -1, 0)}));
        RowDescription after = p.description(new int[] {0});
        assertEquals("x", after.fields()[0].name());
        assertNotSame(before, after);
    }

    @Test
    void aPreparedStatementIsRunWithOneDecisionObject() {
        StatementCache cache = new StatementCache();
        cache.threshold(0);
        StatementKey key = new StatementKey("SELECT 1", new int[0]);
        cache.enqueued(key, cache.decide(key, null));
        assertSame(cache.decide(key, null), cache.decide(key, null));
        assertEquals(StatementCache.Kind.YES, cache.decide(key, null).kind());
    }

    @Test
    void rowsOfTheSameColumnsShareOneNameIndexAndStayCorrect() {
        List<Column> columns = Columns.describe(prepared().description(new int[] {0}));
        RowMaker<Row> one = RowFactories.rows().makerFor(columns);
        RowMaker<Row> two = RowFactories.rows().makerFor(columns);
        Row a = one.make(new Object[] {1, "x"});
        Row b = two.make(new Object[] {2, "y"});
        assertEquals("y", b.get("filler"));
        assertEquals(1, a.get("aid"));
        assertEquals(1, a.indexOf("filler"));
        assertThrows(UnsupportedOperationException.class, () -> columns.add(columns.get(0)));
    }
}
