package io.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.adapt.Format;
import io.tusk.errors.ProgrammingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParserTest {
    @Test
    void positionalPlaceholdersBecomeDollarNumbers() {
        ParsedQuery q = QueryParser.parse("INSERT INTO test (num, data) VALUES (%s, %s)");
        assertEquals("INSERT INTO test (num, data) VALUES ($1, $2)", q.postgresQuery());
        assertEquals(2, q.parameterCount());
    }

    @Test
    void doublePercentIsALiteralPercent() {
        ParsedQuery q = QueryParser.parse("SELECT %s LIKE 'a%%b%%'");
        assertEquals("SELECT $1 LIKE 'a%b%'", q.postgresQuery());
    }

    @Test
    void binaryAndTextPlaceholdersForceTheFormat() {
        ParsedQuery q = QueryParser.parse("SELECT %s, %b, %t");
        assertArrayEquals(new Format[] {Format.AUTO, Format.BINARY, Format.TEXT}, q.formats());
    }

    @Test
    void aNameUsedTwiceIsSentOnce() {
        ParsedQuery q = QueryParser.parse("VALUES (%(int)s, %(date)s, %(date)s, %(str)s)");
        assertEquals("VALUES ($1, $2, $2, $3)", q.postgresQuery());
        assertEquals(List.of("int", "date", "str"), q.names());
        assertArrayEquals(new Object[] {10, "d", "O'Reilly"},
                q.order(Map.of("int", 10, "str", "O'Reilly", "date", "d", "unused", 1)));
    }

    @Test
    void mixingPositionalAndNamedIsRejected() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> QueryParser.parse("SELECT %s, %(a)s"));
        assertTrue(e.getMessage().contains("cannot be mixed"), e.getMessage());
    }

    @Test
    void otherPercentSequencesAreRejectedNamingThem() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> QueryParser.parse("INSERT INTO numbers VALUES (%d)"));
        assertTrue(e.getMessage().contains("'%d'"), e.getMessage());
        assertThrows(ProgrammingException.class, () -> QueryParser.parse("SELECT 100 %"));
        assertThrows(ProgrammingException.class, () -> QueryParser.parse("SELECT %(unclosed"));
        assertThrows(ProgrammingException.class, () -> QueryParser.parse("SELECT %(name)x"));
        assertThrows(ProgrammingException.class, () -> QueryParser.parse("SELECT %()s"));
    }

    @Test
    void parameterCountMustMatch() {
        ParsedQuery q = QueryParser.parse("SELECT %s, %s");
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> q.order(new Object[] {1}));
        assertEquals("the query has 2 placeholders but 1 parameter was passed", e.getMessage());
        assertThrows(ProgrammingException.class, () -> q.order(new Object[] {1, 2, 3}));
        assertThrows(ProgrammingException.class, () -> q.order(Map.of("a", 1)));
    }

    @Test
    void aMissingNameIsReported() {
        ParsedQuery q = QueryParser.parse("SELECT %(a)s, %(b)s");
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> q.order(Map.of("a", 1)));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
        assertThrows(ProgrammingException.class, () -> q.order(new Object[] {1, 2}));
    }

    @Test
    void aNameWithTwoFormatsIsRejected() {
        assertThrows(ProgrammingException.class, () -> QueryParser.parse("SELECT %(a)s, %(a)b"));
    }

    @Test
    void clientBindingQuotesEachPlaceholder() {
        ParsedQuery q = QueryParser.parse("SELECT %(x)s, %(y)s, %(x)s, '100%%'");
        String sql = q.bindLiterals(q.order(Map.of("x", "a", "y", "b")), v -> "<" + v + ">");
        assertEquals("SELECT <a>, <b>, <a>, '100%'", sql);
    }
}
