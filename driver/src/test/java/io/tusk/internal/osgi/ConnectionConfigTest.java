package io.tusk.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.conninfo.Conninfo;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionConfigTest {

    private static Hashtable<String, Object> props(Object... keyValues) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void connectionKeyWordsBecomeTheConninfoAndFrameworkKeysAreIgnored() {
        ConnectionConfig config = ConnectionConfig.from("io.tusk.connection.abc", props(
                "host", "db.example.com", "port", 5433, "dbname", "app", "user", "app", "password", "s3cret",
                "service.pid", "io.tusk.connection.abc", "service.factoryPid", "io.tusk.connection",
                "felix.fileinstall.filename", "file:/karaf/etc/io.tusk.connection-app.cfg"));
        Conninfo conninfo = Conninfo.parse(config.conninfo());
        assertEquals("db.example.com", conninfo.get("host"));
        assertEquals("5433", conninfo.get("port"));
        assertEquals("s3cret", conninfo.get("password"));
        assertEquals("io.tusk.connection.abc", config.name(), "the name defaults to the PID");
        assertTrue(config.xa());
    }

    @Test
    void conninfoKeyIsTheBaseTheOtherKeysOverride() {
        ConnectionConfig config = ConnectionConfig.from("p", props(
                "conninfo", "host=a dbname=x", "dbname", "y"));
        Conninfo conninfo = Conninfo.parse(config.conninfo());
        assertEquals("a", conninfo.get("host"));
        assertEquals("y", conninfo.get("dbname"));
    }

    @Test
    void passwordStaysOutOfToStringAndServiceProperties() {
        ConnectionConfig config = ConnectionConfig.from("p", props(
                "name", "app", "host", "db", "user", "app", "password", "s3cret",
                "conninfo", "password=base-secret"));
        assertFalse(config.toString().contains("s3cret"), config.toString());
        assertFalse(config.toString().contains("base-secret"), config.toString());
        Hashtable<String, Object> service = config.serviceProperties();
        assertEquals("app", service.get("name"));
        assertEquals("db", service.get("host"));
        assertEquals("app", service.get("user"));
        assertEquals("p", service.get("tusk.pid"));
        assertFalse(service.toString().contains("secret"), service.toString());
    }

    @Test
    void poolKeysAreReadInSeconds() {
        ConnectionConfig config = ConnectionConfig.from("p", props(
                "pool.min_size", "1", "pool.max_size", 5, "pool.timeout", "2.5", "xa", "false"));
        assertEquals(1, config.pool().minSize());
        assertEquals(5, config.pool().maxSize());
        assertEquals(Duration.ofMillis(2500), config.pool().timeout());
        assertNull(config.pool().maxIdle());
        assertFalse(config.xa());
    }

    @Test
    void poolCheckIsATrueOrFalseKeyOffByDefault() {
        assertTrue(ConnectionConfig.from("p", props("pool.check", "true")).pool().check());
        assertFalse(ConnectionConfig.from("p", props("host", "db")).pool().check());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionConfig.from("p", props("pool.check", "sometimes")));
        assertEquals("pool.check", ConnectionConfig.badKey(e));
    }

    @Test
    void theErrorNamesTheKeyForConfigAdmin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionConfig.from("p", props("pool.max_size", "ten")));
        assertEquals("pool.max_size", ConnectionConfig.badKey(e));
    }

    @Test
    void unknownKeyIsReportedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionConfig.from("p", props("hots", "db")));
        assertTrue(e.getMessage().contains("'hots'"), e.getMessage());
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> ConnectionConfig.from("p", props("pool.size", "3")));
        assertTrue(pool.getMessage().contains("pool.max_size"), pool.getMessage());
    }

    @Test
    void badValuesNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionConfig.from("p", props("pool.max_size", "ten")));
        assertTrue(e.getMessage().contains("pool.max_size"), e.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> ConnectionConfig.from("p", props("sslmode", "sometimes", "password", "s3cret")));
        assertTrue(mode.getMessage().contains("sslmode"), mode.getMessage());
        assertFalse(mode.getMessage().contains("s3cret"), mode.getMessage());
    }

    @Test
    void charArrayPasswordsAreRead() {
        ConnectionConfig config = ConnectionConfig.from("p", props("password", "pw".toCharArray()));
        assertEquals(Map.of("password", "pw"), config.params());
    }
}
