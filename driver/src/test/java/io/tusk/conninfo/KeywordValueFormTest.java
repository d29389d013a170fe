package io.tusk.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.errors.ProgrammingException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key=value form, checked against libpq's conninfo_parse rules and psycopg's conninfo_to_dict cases. */
class KeywordValueFormTest {

    @Test
    void emptyStringHasNoParameters() {
        assertTrue(Conninfo.parse("").isEmpty());
        assertTrue(Conninfo.parse("   \t\n").isEmpty());
        assertTrue(Conninfo.parse(null).isEmpty());
    }

    @Test
    void plainPairsKeepTheirOrder() {
        Conninfo info = Conninfo.parse("host=localhost port=5432 dbname=mydb connect_timeout=10");
        assertEquals(Map.of("host", "localhost", "port", "5432", "dbname", "mydb", "connect_timeout", "10"),
                info.asMap());
        assertEquals("[host, port, dbname, connect_timeout]", info.asMap().keySet().toString());
    }

    @Test
    void whitespaceMaySurroundTheEqualsSign() {
        assertEquals(Map.of("dbname", "foo", "user", "bar"), Conninfo.parse("  dbname =  foo\tuser=\nbar ").asMap());
    }

    @Test
    void singleQuotesHoldSpacesAndDoubleQuotes() {
        assertEquals("foo bar", Conninfo.parse("dbname='foo bar'").get("dbname"));
        assertEquals("a\"b", Conninfo.parse("dbname='a\"b'").get("dbname"));
    }

    @Test
    void backslashEscapesQuoteAndBackslashInsideQuotes() {
        assertEquals("a'b", Conninfo.parse("dbname='a\\'b'").get("dbname"));
        assertEquals("a\\b", Conninfo.parse("dbname='a\\\\b'").get("dbname"));
    }

    @Test
    void backslashEscapesOutsideQuotesToo() {
        assertEquals("a b", Conninfo.parse("dbname=a\\ b").get("dbname"));
        assertEquals("it's", Conninfo.parse("dbname=it\\'s").get("dbname"));
    }

    @Test
    void emptyQuotedValueIsEmpty() {
        Conninfo info = Conninfo.parse("dbname=sony password=''");
        assertEquals("", info.get("password"));
        assertTrue(info.containsKey("password"));
    }

    @Test
    void valueAtEndOfStringMayBeEmpty() {
        assertEquals(Map.of("dbname", "sony", "password", ""), Conninfo.parse("dbname=sony password=").asMap());
    }

    @Test
    void aQuotedValueNeedsNoSpaceBeforeTheNextKey() {
        assertEquals(Map.of("dbname", "a b", "user", "c"), Conninfo.parse("dbname='a b'user=c").asMap());
    }

    @Test
    void nonAsciiValuesPassThrough() {
        assertEquals("\u2603", Conninfo.parse("dbname=\u2603").get("dbname"));
    }

    @Test
    void laterKeyOverridesEarlierOne() {
        assertEquals("second", Conninfo.parse("dbname=first dbname=second").get("dbname"));
    }

    @Test
    void missingEqualsNamesKeyAndPosition() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("dbname"));
        assertTrue(e.getMessage().startsWith(
                "missing \"=\" after \"dbname\" in connection info string at position 6"), e.getMessage());
    }

    @Test
    void secondWordOfUnquotedValueIsAMissingEquals() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("dbname=foo bar"));
        assertTrue(e.getMessage().startsWith("missing \"=\" after \"bar\" in connection info string at position 14"),
                e.getMessage());
    }

    @Test
    void plainWordIsNotADatabaseName() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("hello"));
        assertTrue(e.getMessage().contains("after \"hello\""), e.getMessage());
    }

    @Test
    void unterminatedQuoteNamesWhereItOpened() {
        ProgrammingException e = assertThrows(ProgrammingException.class,
                () -> Conninfo.parse("host=a dbname='oops"));
        assertTrue(e.getMessage().startsWith("unterminated quoted string in connection info string"), e.getMessage());
        assertTrue(e.getMessage().contains("position 14"), e.getMessage());
    }

    @Test
    void escapedClosingQuoteLeavesTheStringUnterminated() {
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("dbname='abc\\'"));
    }

    @Test
    void unknownKeyIsAnErrorWithItsPosition() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("host=a foo=bar"));
        assertEquals("invalid connection option \"foo\" at position 7", e.getMessage());
    }

    @Test
    void libpqKeyTuskDoesNotImplementSaysSo() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("gssdelegation=1"));
        assertTrue(e.getMessage().contains("libpq option that Tusk does not support"), e.getMessage());
    }

    @Test
    void nonAsciiKeyIsUnknown() {
        assertThrows(ProgrammingException.class, () -> Conninfo.parse("\u2603=\u2603"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sslmode=maybe | invalid sslmode value: \"maybe\"",
        "channel_binding=always | invalid channel_binding value: \"always\"",
        "target_session_attrs=master | invalid target_session_attrs value: \"master\"",
        "load_balance_hosts=roundrobin | invalid load_balance_hosts value: \"roundrobin\"",
        "sslnegotiation=tls | invalid sslnegotiation value: \"tls\"",
        "gssencmode=sometimes | invalid gssencmode value: \"sometimes\"",
        "sslcertmode=maybe | invalid sslcertmode value: \"maybe\"",
        "min_protocol_version=3.3 | invalid min_protocol_version value: \"3.3\"",
        "max_protocol_version=2.0 | invalid max_protocol_version value: \"2.0\"",
        "ssl_min_protocol_version=SSLv3 | invalid \"ssl_min_protocol_version\" value: \"SSLv3\"",
        "connect_timeout=soon | invalid integer value \"soon\" for connection option \"connect_timeout\"",
        "keepalives_idle=1.5 | invalid integer value \"1.5\" for connection option \"keepalives_idle\"",
        "port=http | invalid integer value \"http\" for connection option \"port\"",
        "port=70000 | invalid port number: \"70000\"",
        "port='5432,0' | invalid port number: \"0\"",
        "require_auth=kerberos | invalid require_auth value: \"kerberos\"",
    })
    void invalidValuesNameKeyAndValue(String conninfo, String expectedStart) {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse(conninfo));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void enumeratedErrorsListTheAcceptedValues() {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse("sslmode=on"));
        assertTrue(e.getMessage().contains("disable, allow, prefer, require, verify-ca, verify-full"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sslmode=verify-full", "connect_timeout=' 10 '", "port=5432,,5433", "port=", "keepalives=0",
        "min_protocol_version=latest", "max_protocol_version=3.2", "ssl_max_protocol_version=''",
        "require_auth=scram-sha-256,md5", "require_auth=!password,!md5", "require_auth=none",
        "target_session_attrs=prefer-standby", "gssencmode=require", "sslrootcert=system", "krbsrvname=pg",
        "gsslib=gssapi",
    })
    void acceptedValues(String conninfo) {
        assertEquals(1, Conninfo.parse(conninfo).asMap().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "require_auth=password,!md5 | negative require_auth method \"!md5\" cannot be mixed with non-negative methods",
        "require_auth=!password,md5 | require_auth method \"md5\" cannot be mixed with negative methods",
        "require_auth=md5,md5 | require_auth method \"md5\" is specified more than once",
    })
    void requireAuthFollowsLibpqRules(String conninfo, String expected) {
        ProgrammingException e = assertThrows(ProgrammingException.class, () -> Conninfo.parse(conninfo));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void everyEnumAgreesWithTheParameterTable() {
        for (SslMode m : SslMode.values()) {
            assertEquals(m, SslMode.of(m.value()));
            Conninfo.parse("sslmode=" + m.value());
        }
        for (ChannelBinding m : ChannelBinding.values()) {
            assertEquals(m, ChannelBinding.of(m.value()));
        }
        for (TargetSessionAttrs m : TargetSessionAttrs.values()) {
            assertEquals(m, TargetSessionAttrs.of(m.value()));
        }
        for (LoadBalanceHosts m : LoadBalanceHosts.values()) {
            assertEquals(m, LoadBalanceHosts.of(m.value()));
        }
        for (SslNegotiation m : SslNegotiation.values()) {
            assertEquals(m, SslNegotiation.of(m.value()));
        }
        assertThrows(ProgrammingException.class, () -> SslMode.of("verify_full"));
    }
}
