package io.tusk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data sources' URL property split into and made from serverNames, portNumbers, databaseName and the query. */
class DataSourceUrlTest {

    @Test
    void severalHostsWithAndWithoutPortsAndAnIpv6Address() {
        DataSourceUrl u = DataSourceUrl.parse("jdbc:tusk://db1:5433,db2,[::1]:5434/app?sslmode=require&ApplicationName=a%20b");
        assertEquals(List.of("db1", "db2", "::1"), u.hosts());
        assertEquals(List.of(5433, 0, 5434), u.ports());
        assertEquals("app", u.database());
        assertEquals(Map.of("sslmode", "require", "ApplicationName", "a b"), u.query());
    }

    @Test
    void noHostLeavesItToTheEnvironment() {
        DataSourceUrl u = DataSourceUrl.parse("jdbc:tusk:");
        assertTrue(u.hosts().isEmpty());
        assertNull(u.database());
        assertEquals("jdbc:tusk:///", DataSourceUrl.build(new String[0], new int[0], null));
        assertEquals("jdbc:tusk://:5433/app", DataSourceUrl.build(new String[0], new int[] {5433}, "app"));
    }

    @Test
    void onePortServesEveryHost() {
        assertEquals("jdbc:tusk://a:6000,b:6000/db", DataSourceUrl.build(new String[] {"a", "b"}, new int[] {6000}, "db"));
        assertEquals("jdbc:tusk://a:1,b:2/db", DataSourceUrl.build(new String[] {"a", "b"}, new int[] {1, 2}, "db"));
        assertEquals("jdbc:tusk://[fe80::1]/db", DataSourceUrl.build(new String[] {"fe80::1"}, new int[0], "db"));
    }

    @Test
    void databaseNamesAndValuesArePercentEncodedBothWays() {
        String url = DataSourceUrl.withQuery(DataSourceUrl.build(new String[] {"h"}, new int[0], "a b+c/é"), Map.of("options", "-c x=1&y"));
        assertFalse(url.contains(" "), url);
        DataSourceUrl u = DataSourceUrl.parse(url);
        assertEquals("a b+c/é", u.database());
        assertEquals("-c x=1&y", u.query().get("options"));
    }

    @Test
    void otherUrlsAndBadPortsAreRefusedWithoutShowingThePassword() {
        assertThrows(IllegalArgumentException.class, () -> DataSourceUrl.parse("jdbc:postgresql://h/db"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSourceUrl.parse("jdbc:tusk://h:port/db?password=hunter2"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("port"), e.getMessage());
    }
}
