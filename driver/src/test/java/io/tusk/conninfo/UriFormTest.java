package io.tusk.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.ProgrammingException;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The URI form, with the examples of the PostgreSQL documentation ("Connection URIs") and psycopg's tests. */
class UriFormTest {

    private static Map<String, String> parse(String uri) {
        return Conninfo.parse(uri).asMap();
    }

    @Test
    void bareSchemeHasNoParameters() {
        assertTrue(parse("postgresql://").isEmpty());
        assertTrue(parse("postgres://").isEmpty());
    }

    @Test
    void documentedExamples() {
        assertEquals(Map.of("host", "localhost"), parse("postgresql://localhost"));
        assertEquals(Map.of("host", "localhost", "port", "5433"), parse("postgresql://localhost:5433"));
        assertEquals(Map.of("host", "localhost", "dbname", "mydb"), parse("postgresql://localhost/mydb"));
        assertEquals(Map.of("user", "user", "host", "localhost"), parse("postgresql://user@localhost"));
        assertEquals(Map.of("user", "user", "password", "secret", "host", "localhost"),
                parse("postgresql://user:secret@localhost"));
        assertEquals(Map.of("user", "other", "host", "localhost", "dbname", "otherdb", "connect_timeout", "10",
                "application_name", "myapp"),
                parse("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp"));
    }

    @Test
    void psycopgExampleWithoutHost() {
        assertEquals(Map.of("user", "tester", "password", "secret", "dbname", "test", "port", "5433"),
                parse("postgresql://tester:secret@/test?port=5433"));
    }

    @Test
    void hostListBecomesHostAndPortLists() {
        assertEquals(Map.of("host", "host1,host2", "port", "123,456", "dbname", "somedb",
                "target_session_attrs", "any", "application_name", "myapp"),
                parse("postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp"));
    }

    @Test
    void hostListWithSomePortsLeavesEmptyPortElements() {
        assertEquals(Map.of("host", "host1,host2", "port", "5432,"), parse("postgresql://host1:5432,host2"));
        assertEquals(Map.of("host", "host1,host2", "port", ",5433"), parse("postgresql://host1,host2:5433"));
    }

    @Test
    void ipv6AddressInBrackets() {
        assertEquals(Map.of("host", "2001:db8::1234", "dbname", "database"),
                parse("postgresql://[2001:db8::1234]/database"));
        assertEquals(Map.of("host", "::1", "port", "5433"), parse("postgresql://[::1]:5433"));
        assertEquals(Map.of("host", "::1,10.0.0.1", "port", "5432,"), parse("postgresql://[::1]:5432,10.0.0.1"));
    }

    @Test
    void queryParametersMaySetTheHost() {
        assertEquals(Map.of("dbname", "mydb", "host", "localhost", "port", "5433"),
                parse("postgresql:///mydb?host=localhost&port=5433"));
        assertEquals(Map.of("dbname", "dbname", "host", "/var/lib/postgresql"),
                parse("postgresql:///dbname?host=/var/lib/postgresql"));
    }

    @Test
    void percentEncodedSocketDirectoryAsHost() {
        assertEquals(Map.of("host", "/var/lib/postgresql", "dbname", "dbname"),
                parse("postgresql://%2Fvar%2Flib%2Fpostgresql/dbname"));
        assertEquals("/tmp", parse("postgres://%2ftmp").get("host"));
    }

    @Test
    void percentDecodingAppliesToEveryPart() {
        Map<String, String> p = parse("postgresql://us%40er:p%3Ass%2Fw@h%6Fst/d%20b?application_name=my%20app&op%74ions=-c%20x%3D1");
        assertEquals("us@er", p.get("user"));
        assertEquals("p:ss/w", p.get("password"));
        assertEquals("host", p.get("host"));
        assertEquals("d b", p.get("dbname"));
        assertEquals("my app", p.get("application_name"));
        assertEquals("-c x=1", p.get("options"));
    }

    @Test
    void percentEncodedUtf8IsDecoded() {
        assertEquals("caf\u00e9", parse("postgresql:///caf%C3%A9").get("dbname"));
        assertEquals("caf\u00e9", parse("postgresql:///caf\u00e9").get("dbname"));
    }

    @Test
    void emptyUserPasswordAndDatabaseSetNothing() {
        assertEquals(Map.of("host", "h"), parse("postgresql://@h/"));
        assertEquals(Map.of("user", "u", "host", "h"), parse("postgresql://u:@h"));
        assertEquals(Map.of("password", "p", "host", "h"), parse("postgresql://:p@h"));
    }

    @Test
    void sslTrueMeansSslmodeRequire() {
        assertEquals(Map.of("host", "h", "sslmode", "require"), parse("postgresql://h?ssl=true"));
    }

    @Test
    void trailingAmpersandIsAccepted() {
        assertEquals(Map.of("host", "h", "port", "1"), parse("postgresql://h?port=1&"));
    }

    @Test
    void schemeIsCaseSensitiveAsInLibpq() {
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("POSTGRESQL://localhost"));
    }

    @Test
    void extraEqualsInQueryParameter() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("postgresql://tester:secret@/test?port=5433=x"));
        assertTrue(e.getMessage().startsWith("extra key/value separator \"=\" in URI query parameter: \"port\""),
                e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the URI, and its password, must not be echoed");
    }

    @Test
    void missingEqualsInQueryParameter() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("postgresql://h/db?sslmode"));
        assertTrue(e.getMessage().startsWith("missing key/value separator \"=\" in URI query parameter: \"sslmode\""),
                e.getMessage());
    }

    @Test
    void unknownQueryParameterIsAnError() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("postgresql://h/db?foo=bar"));
        assertEquals("invalid connection option \"foo\" at position 18 in URI", e.getMessage());
    }

    @Test
    void invalidValueInQueryIsAnError() {
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://h/db?sslmode=yes"));
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://h:port/db"));
    }

    @Test
    void badPercentEncodingGivesPositionNotValue() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("postgresql://u:se%zzret@h"));
        assertEquals("invalid percent-encoded token at position 17 in URI (write % itself as %25)", e.getMessage());
        assertFalse(e.getMessage().contains("se%zz"));
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://h/db%4"));
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://h/db%"));
    }

    @Test
    void percentZeroZeroIsForbidden() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://h/a%00b"));
        assertTrue(e.getMessage().startsWith("forbidden value %00"), e.getMessage());
    }

    @Test
    void percentEncodedInvalidUtf8IsAnError() {
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql:///%C3"));
    }

    @Test
    void unclosedIpv6Bracket() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://[::1/db"));
        assertTrue(e.getMessage().startsWith("end of string reached when looking for matching \"]\""), e.getMessage());
        assertTrue(e.getMessage().contains("position 13"), e.getMessage());
    }

    @Test
    void emptyIpv6Address() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://[]/db"));
        assertTrue(e.getMessage().startsWith("IPv6 host address may not be empty"), e.getMessage());
    }

    @Test
    void unexpectedCharacterAfterIpv6Address() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("postgresql://[::1]x/db"));
        assertEquals("unexpected character \"x\" at position 18 in URI (expected \":\" or \"/\")", e.getMessage());
    }

    @Test
    void uriPasswordIsHiddenFromToString() {
        Conninfo info = Conninfo.parse("postgresql://app:s3cret@db/sales");
        assertEquals("user=app host=db dbname=sales", info.toString());
        assertEquals("s3cret", info.get("password"));
    }
}
