package io.tusk.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.ProtocolViolation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerParametersTest {
    private final Map<String, String> parameters = new HashMap<>();

    @Test
    void keepsWhatPostgresqlReportsAndSomeMore() {
        for (String name : new String[] {"server_version", "client_encoding", "DateStyle", "TimeZone", "is_superuser"}) {
            ServerParameters.put(parameters, name, "x");
        }
        for (int i = 0; i < ServerParameters.MAX_OTHER_NAMES; i++) {
            ServerParameters.put(parameters, "ext.setting" + i, "v");
        }
        ServerParameters.put(parameters, "ext.setting0", "changed"); // a known name may change for ever
        ServerParameters.put(parameters, "application_name", "still reported");
        assertEquals(5 + 1 + ServerParameters.MAX_OTHER_NAMES, parameters.size());
    }

    @Test
    void refusesEverNewNames() {
        for (int i = 0; i < ServerParameters.MAX_OTHER_NAMES; i++) {
            ServerParameters.put(parameters, "flood" + i, "v");
        }
        ProtocolViolation e = assertThrows(ProtocolViolation.class, () -> ServerParameters.put(parameters, "flood-next", "v"));
        assertTrue(e.getMessage().contains("more than 64 parameters") && e.getMessage().contains("flood-next"), e.getMessage());
    }

    @Test
    void refusesHugeValuesAndNames() {
        String big = "x".repeat(ServerParameters.MAX_VALUE_CHARS + 1);
        assertThrows(ProtocolViolation.class, () -> ServerParameters.put(parameters, "application_name", big));
        assertThrows(ProtocolViolation.class, () -> ServerParameters.put(parameters, big, "v"));
        ServerParameters.put(parameters, "application_name", big.substring(1));
    }
}
