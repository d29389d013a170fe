package io.tusk.internal.connection;

import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.UntrustedText;
import java.util.Map;
import java.util.Set;

/**
 * Bounds what a server can make the client keep through ParameterStatus (protocol "Asynchronous
 * Operations"): a server, or a man in the middle before authentication, could otherwise send
 * ever new names until the heap is full. The limits, far above anything PostgreSQL sends:
 * <ul>
 * <li>the parameters PostgreSQL reports ({@code GUC_REPORT}) plus at most
 *     {@value #MAX_OTHER_NAMES} other names (extensions may mark their own settings reported);</li>
 * <li>names of at most {@value #MAX_NAME_CHARS} characters and values of at most
 *     {@value #MAX_VALUE_CHARS} characters (64 KiB).</li>
 * </ul>
 * A ParameterStatus beyond them is a {@link ProtocolViolation}: the session is broken.
 */
public final class ServerParameters {
    public static final int MAX_OTHER_NAMES = 64;
    public static final int MAX_NAME_CHARS = 1024;
    public static final int MAX_VALUE_CHARS = 64 * 1024;

    /** What PostgreSQL 13 to 18 report ("ParameterStatus" in the protocol chapter, and GUC_REPORT in guc_tables.c). */
    private static final Set<String> REPORTED = Set.of(
            "application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
            "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "scram_iterations",
            "search_path", "server_encoding", "server_version", "session_authorization",
            "standard_conforming_strings", "TimeZone");

    private ServerParameters() {
    }

    /**
     * Stores a ParameterStatus in {@code parameters} if it stays within the limits.
     *
     * @throws ProtocolViolation naming the limit the server went past
     */
    public static void put(Map<String, String> parameters, String name, String value) {
        if (name.length() > MAX_NAME_CHARS) {
            throw new ProtocolViolation("the server sent a ParameterStatus with a name of " + name.length()
                    + " characters; Tusk keeps names of at most " + MAX_NAME_CHARS);
        }
        if (value.length() > MAX_VALUE_CHARS) {
            throw new ProtocolViolation("the server sent a ParameterStatus \"" + UntrustedText.clean(name) + "\" of " + value.length()
                    + " characters; Tusk keeps values of at most " + MAX_VALUE_CHARS);
        }
        if (!parameters.containsKey(name) && !REPORTED.contains(name) && others(parameters) >= MAX_OTHER_NAMES) {
            throw new ProtocolViolation("the server sent ParameterStatus for more than " + MAX_OTHER_NAMES
                    + " parameters beyond those PostgreSQL reports (the last was \"" + UntrustedText.clean(name) + "\")");
        }
        parameters.put(name, value);
    }

    private static int others(Map<String, String> parameters) {
        int n = 0;
        for (String k : parameters.keySet()) {
            if (!REPORTED.contains(k)) {
                n++;
            }
        }
        return n;
    }
}
