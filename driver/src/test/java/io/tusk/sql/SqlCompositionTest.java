package io.tusk.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.adapt.Format;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlCompositionTest {

    @Test
    void identifiersAreDoubleQuotedAndDotted() {
        assertEquals("\"schema\".\"table\"", Identifier.of("schema", "table").asString(null));
        assertEquals("\"Mixed Case\"", Identifier.of("Mixed Case").asString(null));
        assertEquals("\"a\"\"b\"", Identifier.of("a\"b").asString(null));
    }

    @Test
    void emptyIdentifierIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Identifier.of().asString(null));
        assertThrows(IllegalArgumentException.class, () -> Identifier.of("").asString(null));
    }

    @Test
    void literalsAreQuotedAsStringsWithQuotesDoubled() {
        assertEquals("'it''s'", Literal.of("it's").asString(null));
        assertEquals("NULL", Literal.of(null).asString(null));
        assertEquals(" E'back\\\\slash'", Literal.of("back\\slash").asString(null));
    }

    @Test
    void placeholdersArePositionalOrNamedWithTheirFormat() {
        assertEquals("%s", Placeholder.of().asString(null));
        assertEquals("%(name)s", Placeholder.of("name").asString(null));
        assertEquals("%b", Placeholder.of(null, Format.BINARY).asString(null));
        assertEquals("%(n)t", Placeholder.of("n", Format.TEXT).asString(null));
        assertThrows(IllegalArgumentException.class, () -> Placeholder.of("bad)name"));
    }

    @Test
    void formatFillsAutomaticFieldsInOrder() {
        Composed q = SQL.of("SELECT {} FROM {} WHERE id = {}")
                .format(Identifier.of("name"), Identifier.of("app", "users"), Placeholder.of());
        assertEquals("SELECT \"name\" FROM \"app\".\"users\" WHERE id = %s", q.asString(null));
    }

    @Test
    void formatFillsNumberedAndNamedFields() {
        Composed q = SQL.of("SELECT {0}, {0} FROM {table} WHERE {1} = {value}")
                .format(Map.of("table", Identifier.of("t"), "value", Literal.of("x")), Identifier.of("a"), Identifier.of("b"));
        assertEquals("SELECT \"a\", \"a\" FROM \"t\" WHERE \"b\" = 'x'", q.asString(null));
    }

    @Test
    void formatTakesPlainValuesAsLiterals() {
        assertEquals("SET search_path TO 'app'", SQL.of("SET search_path TO {}").format("app").asString(null));
    }

    @Test
    void doubledBracesStandForBraces() {
        assertEquals("SELECT '{1,2}'::int[], \"x\"", SQL.of("SELECT '{{1,2}}'::int[], {}").format(Identifier.of("x")).asString(null));
    }

    @Test
    void malformedTemplatesAndMissingArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SQL.of("SELECT {").format());
        assertThrows(IllegalArgumentException.class, () -> SQL.of("SELECT }").format());
        assertThrows(IllegalArgumentException.class, () -> SQL.of("SELECT {}, {}").format(Identifier.of("a")));
        assertThrows(IllegalArgumentException.class, () -> SQL.of("SELECT {name}").format());
        assertThrows(IllegalArgumentException.class, () -> SQL.of("SELECT {0:x}").format(Identifier.of("a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SQL.of("SELECT {}, {0}").format(Identifier.of("a")));
        assertTrue(e.getMessage().contains("numbering"), e.getMessage());
    }

    @Test
    void joinPutsTheSeparatorBetweenPieces() {
        Composed cols = SQL.of(", ").join(Identifier.of("a"), Identifier.of("b"), Identifier.of("c"));
        assertEquals("\"a\", \"b\", \"c\"", cols.asString(null));
        assertEquals("", SQL.of(", ").join(List.of()).asString(null));
        assertEquals("%s AND %s", Composed.of(Placeholder.of(), Placeholder.of()).join(" AND ").asString(null));
    }

    @Test
    void plusAndTimesConcatenate() {
        Composable q = SQL.of("SELECT ").plus(Identifier.of("a")).plus(SQL.of(" FROM t"));
        assertEquals("SELECT \"a\" FROM t", q.asString(null));
        assertEquals("%s%s%s", Placeholder.of().times(3).asString(null));
        assertEquals(SQL.of("x").plus(SQL.of("y")), Composed.of(SQL.of("x"), SQL.of("y")));
    }

    @Test
    void insertStatementFromNamesAndPlaceholders() {
        List<String> columns = List.of("id", "name");
        Composed q = SQL.of("INSERT INTO {} ({}) VALUES ({})").format(
                Identifier.of("public", "people"),
                SQL.of(", ").join(columns.stream().map(c -> (Composable) Identifier.of(c)).toList()),
                SQL.of(", ").join(columns.stream().map(c -> (Composable) Placeholder.of(c)).toList()));
        assertEquals("INSERT INTO \"public\".\"people\" (\"id\", \"name\") VALUES (%(id)s, %(name)s)", q.asString(null));
    }
}
