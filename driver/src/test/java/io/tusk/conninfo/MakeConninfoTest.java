package io.tusk.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.ProgrammingException;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** make / escape / with / without / toString, with psycopg's make_conninfo cases. */
class MakeConninfoTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void psycopgCases() {
        assertEquals("", Conninfo.make("", Map.of()));
        assertEquals("dbname=foo", Conninfo.make("dbname=foo", Map.of()));
        assertEquals("dbname=foo user=bar", Conninfo.make("dbname=foo", Map.of("user", "bar")));
        assertEquals("dbname=sony password=''", Conninfo.make("dbname=sony", Map.of("password", "")));
        assertEquals("dbname=bar", Conninfo.make("dbname=foo", Map.of("dbname", "bar")));
        assertEquals("user=bar dbname='foo bar'", Conninfo.make("user=bar", Map.of("dbname", "foo bar")));
        assertEquals("dbname=foo", Conninfo.make("", Map.of("dbname", "foo")));
        assertEquals("dbname=foo port=15432", Conninfo.make("", map("port", 15432, "dbname", "foo")));
        assertEquals("dbname=a\\'b", Conninfo.make("", Map.of("dbname", "a'b")));
        assertEquals("dbname=\u2603", Conninfo.make("", Map.of("dbname", "\u2603")));
        assertEquals("host=host2 dbname=test", Conninfo.make("postgresql://host1/test", Map.of("host", "host2")));
    }

    @Test
    void withoutOverridesTheStringIsReturnedUnchanged() {
        String dsn = "dbname=a host=b user=c password=d";
        assertSame(dsn, Conninfo.make(dsn, Map.of()));
        String uri = "postgresql://u@h/db";
        assertSame(uri, Conninfo.make(uri, null));
    }

    @Test
    void withoutOverridesTheStringIsStillChecked() {
        assertThrows(ProgrammingException.class, () -> Conninfo.make("dbname=foo bar", Map.of()));
        assertThrows(ProgrammingException.class, () -> Conninfo.make("foo=bar", Map.of()));
    }

    @Test
    void unknownOverrideIsAnError() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.make("dbname=foo", Map.of("bar", "baz")));
        assertEquals("invalid connection option \"bar\"", e.getMessage());
    }

    @Test
    void invalidOverrideValueIsAnError() {
        assertThrows(ProgrammingException.class, () -> Conninfo.make("dbname=foo", Map.of("sslmode", "on")));
    }

    @Test
    void nullOverrideRemovesTheKey() {
        assertEquals("dbname=a", Conninfo.make("dbname=a user=b", Collections.singletonMap("user", null)));
        assertEquals("dbname=a", Conninfo.make("dbname=a", Collections.singletonMap("port", null)));
    }

    @Test
    void newKeysFollowLibpqOrderWhateverTheMapOrder() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("sslmode", "require");
        overrides.put("application_name", "app");
        overrides.put("user", "u");
        overrides.put("host", "h");
        assertEquals("dbname=d user=u host=h application_name=app sslmode=require",
                Conninfo.make("dbname=d", overrides));
    }

    @Test
    void booleansBecomeOneAndZero() {
        assertEquals("keepalives=0 sslsni=1", Conninfo.make("", map("keepalives", false, "sslsni", true)));
    }

    @Test
    void resultParsesBackToTheSameParameters() {
        Map<String, Object> tricky = map("dbname", "a b'c\\d", "user", "", "application_name", "tab\there",
                "options", "-c search_path=x");
        String made = Conninfo.make("", tricky);
        assertEquals(Conninfo.of(tricky), Conninfo.parse(made));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abc | abc",
        "a b | 'a b'",
        "it's | it\\'s",
        "a\\b | a\\\\b",
        "'q' | \\'q\\'",
        "x=y | x=y",
    })
    void escapeQuotesOnlyWhereNeeded(String value, String escaped) {
        assertEquals(escaped, Conninfo.escape(value));
    }

    @Test
    void escapeOfEmptyIsTwoQuotes() {
        assertEquals("''", Conninfo.escape(""));
    }

    @Test
    void escapeQuotesEveryKindOfWhitespace() {
        assertEquals("'a\tb'", Conninfo.escape("a\tb"));
        assertEquals("'a\nb'", Conninfo.escape("a\nb"));
    }

    @Test
    void withReplacesInPlaceAndAppendsNewKeys() {
        Conninfo info = Conninfo.parse("host=a dbname=b");
        assertEquals("host=c dbname=b", info.with("host", "c").toString());
        assertEquals("host=a dbname=b port=5433", info.with("port", 5433).toString());
        assertEquals("host=a dbname=b", info.toString(), "a Conninfo is immutable");
    }

    @Test
    void withNullAndWithoutRemove() {
        Conninfo info = Conninfo.parse("host=a dbname=b");
        assertEquals("dbname=b", info.with("host", null).toString());
        assertEquals("host=a", info.without("dbname").toString());
        assertSame(info, info.without("port"));
    }

    @Test
    void withChecksKeyAndValue() {
        assertThrows(ProgrammingException.class, () -> Conninfo.empty().with("hots", "a"));
        assertThrows(ProgrammingException.class, () -> Conninfo.empty().with("port", "x"));
        assertThrows(ProgrammingException.class, () -> Conninfo.empty().with("hots", null));
    }

    @Test
    void passwordNeverInToStringNorSafeString() {
        Conninfo info = Conninfo.parse("host=a password=hunter2 sslpassword=k3y user=u");
        assertFalse(info.toString().contains("hunter2"));
        assertFalse(info.toString().contains("k3y"));
        assertFalse(info.toSafeString().contains("password"));
        assertEquals("host=a user=u", info.withoutPassword().toConninfoString());
        assertTrue(info.toConninfoString().contains("password=hunter2"));
    }

    @Test
    void asMapIsUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> Conninfo.parse("host=a").asMap().put("port", "1"));
    }

    @Test
    void ofSkipsNullValues() {
        assertEquals(Conninfo.parse("host=a"), Conninfo.of(map("host", "a", "port", null)));
        assertNotEquals(Conninfo.parse("host=a"), Conninfo.parse("host=b"));
    }

    @Test
    void keysListsTheAcceptedKeyWords() {
        assertTrue(Conninfo.keys().containsAll(java.util.List.of("host", "hostaddr", "port", "dbname", "user",
                "password", "passfile", "service", "servicefile", "sslmode", "sslnegotiation", "require_auth",
                "min_protocol_version", "max_protocol_version", "load_balance_hosts", "gssencmode", "krbsrvname", "gsslib")));
        assertFalse(Conninfo.keys().contains("gssdelegation"));
    }
}
