package io.tusk.internal.auth;

import javax.security.auth.Subject;

/**
 * What the connection string says about GSSAPI: {@code gssencmode} and {@code krbsrvname}, with
 * the JAAS {@link Subject} of the code that asked for the connection (or null), captured then
 * because the asynchronous front end authenticates on an I/O thread.
 * The server's principal is {@code serviceName/host@REALM}, asked for as the host-based service
 * name {@code serviceName@host} (RFC 2743 §4.1), as libpq's {@code pg_GSS_load_servicename}.
 */
public record GssSettings(EncMode encMode, String serviceName, Subject caller) {
    /** No GSSAPI encryption, service name {@code postgres}: what a connection without these settings uses. */
    public static final GssSettings DISABLED = new GssSettings(EncMode.DISABLE, "postgres", null);

    /** libpq's gssencmode values. */
    public enum EncMode { DISABLE, PREFER, REQUIRE }

    /** The host-based service name for {@code host}: {@code postgres@db.example.com}. */
    public String hostBasedService(String host) {
        return serviceName + "@" + host;
    }
}
