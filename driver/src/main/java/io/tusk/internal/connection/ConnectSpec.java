package io.tusk.internal.connection;

import io.tusk.internal.auth.GssSettings;
import io.tusk.internal.net.SocketTransport.KeepAlive;
import io.tusk.internal.net.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything the connector needs, resolved from the connection string, the environment and
 * libpq's defaults: the hosts to try in order, the start-up parameters, TLS, authentication
 * rules and timeouts. Passwords are looked up per host (the password file may differ by host)
 * and never kept in a string.
 */
public record ConnectSpec(
        List<HostAttempt> hosts,
        String user,
        String dbname,
        Map<String, String> startupParameters,
        Duration connectTimeout,
        Duration socketTimeout,
        KeepAlive keepAlive,
        TlsSettings tls,
        String requireAuth,
        String channelBinding,
        String targetSessionAttrs,
        int minProtocolVersion,
        int maxProtocolVersion,
        Function<HostAttempt, char[]> password,
        String safeDsn,
        GssSettings gss) {

    /** A spec without GSSAPI settings: no GSSAPI encryption, service name {@code postgres}. */
    public ConnectSpec(List<HostAttempt> hosts, String user, String dbname, Map<String, String> startupParameters,
            Duration connectTimeout, Duration socketTimeout, KeepAlive keepAlive, TlsSettings tls, String requireAuth,
            String channelBinding, String targetSessionAttrs, int minProtocolVersion, int maxProtocolVersion,
            Function<HostAttempt, char[]> password, String safeDsn) {
        this(hosts, user, dbname, startupParameters, connectTimeout, socketTimeout, keepAlive, tls, requireAuth,
                channelBinding, targetSessionAttrs, minProtocolVersion, maxProtocolVersion, password, safeDsn,
                GssSettings.DISABLED);
    }

    /** One host to try: a name or address (or a Unix-socket directory) and a port. */
    public record HostAttempt(String host, String hostaddr, int port, Path socketFile) {
        public boolean isUnixSocket() {
            return socketFile != null;
        }

        public String describe() {
            if (isUnixSocket()) {
                return "socket \"" + socketFile + "\"";
            }
            String h = hostaddr != null ? host + " (" + hostaddr + ")" : host;
            return "server at \"" + h + "\", port " + port;
        }
    }

    @Override
    public String toString() {
        return "ConnectSpec[" + safeDsn + "]";
    }
}
