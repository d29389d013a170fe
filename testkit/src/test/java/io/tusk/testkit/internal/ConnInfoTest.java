package io.tusk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnInfoTest {

    @Test
    void readsKeyValuePairs() {
        ConnInfo ci = ConnInfo.parse("host=db.example port=5433 user=ci password=secret dbname=app sslmode=require");
        assertEquals("db.example", ci.host());
        assertEquals(5433, ci.port());
        assertEquals("ci", ci.user());
        assertEquals("secret", ci.password());
        assertEquals("app", ci.dbname());
        assertEquals("require", ci.sslmode());
    }

    @Test
    void quotedValuesKeepSpacesAndEscapedQuotes() {
        ConnInfo ci = ConnInfo.parse("user = ci dbname='my db' host=h");
        assertEquals("ci", ci.user());
        assertEquals("my db", ci.dbname());
        ConnInfo escaped = ConnInfo.parse("password='it\\'s a \\\\ test'");
        assertEquals("it's a \\ test", escaped.password());
    }

    @Test
    void missingParametersTakeLibpqDefaults() {
        ConnInfo ci = ConnInfo.parse("user=alice");
        assertEquals("localhost", ci.host());
        assertEquals(5432, ci.port());
        assertEquals("alice", ci.dbname(), "dbname defaults to the user name");
        assertNull(ci.password());
        assertNull(ci.sslmode());
    }

    @Test
    void readsUrisWithPercentEncodingAndQueryParameters() {
        ConnInfo ci = ConnInfo.parse("postgresql://ci:p%40ss+word@db.example:6543/my%20db?sslmode=verify-full&application_name=x");
        assertEquals("ci", ci.user());
        assertEquals("p@ss+word", ci.password());
        assertEquals("db.example", ci.host());
        assertEquals(6543, ci.port());
        assertEquals("my db", ci.dbname());
        assertEquals("verify-full", ci.sslmode());
        assertEquals("x", ci.others().get("application_name"));
    }

    @Test
    void readsUrisWithIpv6HostsAndWithoutCredentials() {
        ConnInfo ci = ConnInfo.parse("postgres://[::1]:5433/db");
        assertEquals("::1", ci.host());
        assertEquals(5433, ci.port());
        assertEquals("db", ci.dbname());
        assertEquals(System.getProperty("user.name"), ci.user());
        ConnInfo bare = ConnInfo.parse("postgresql://");
        assertEquals("localhost", bare.host());
    }

    @Test
    void unixSocketHostsAreRecognised() {
        assertTrue(ConnInfo.parse("host=/var/run/postgresql").isUnixSocket());
        assertFalse(ConnInfo.parse("host=localhost").isUnixSocket());
    }

    @Test
    void malformedStringsNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("host"))
                .getMessage().contains("missing '=' after 'host'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("password='open"))
                .getMessage().contains("unterminated"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("port=abc"))
                .getMessage().contains("port 'abc'"));
    }

    @Test
    void toStringHidesThePassword() {
        String s = ConnInfo.parse("user=u password=hunter2").toString();
        assertFalse(s.contains("hunter2"), s);
        assertTrue(s.contains("password=***"), s);
    }
}
