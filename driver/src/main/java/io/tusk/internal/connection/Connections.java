package io.tusk.internal.connection;

import io.tusk.Connection;
import io.tusk.conninfo.ConnectionSettings;
import io.tusk.conninfo.Conninfo;
import io.tusk.conninfo.Environment;
import io.tusk.conninfo.HostSpec;
import io.tusk.conninfo.SslNegotiation;
import io.tusk.internal.auth.GssCredentials;
import io.tusk.internal.auth.GssSettings;
import io.tusk.internal.connection.ConnectSpec.HostAttempt;
import io.tusk.internal.net.SocketTransport.KeepAlive;
import io.tusk.internal.net.TlsSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a connection string, override parameters and an environment (variables, home
 * directory, OS user) into an open connection; {@code Tusk.connect} passes the real
 * environment, tests pass their own.
 */
public final class Connections {
    private static final System.Logger LOG = System.getLogger("io.tusk");

    private Connections() {
    }

    public static Connection open(String conninfo, Map<String, ?> parameters, Environment env) {
        ConnectionSettings settings = Conninfo.parse(conninfo == null ? "" : conninfo).merge(parameters).resolve(env);
        for (String w : settings.warnings()) {
            LOG.log(System.Logger.Level.WARNING, w);
        }
        Connector connector = new Connector(spec(settings));
        return new ConnectionImpl(connector.open(), connector::open);
    }

    public static ConnectSpec spec(ConnectionSettings s) {
        List<HostSpec> order = s.connectionOrder(new SecureRandom());
        Map<HostAttempt, HostSpec> byAttempt = new IdentityHashMap<>();
        List<HostAttempt> attempts = new ArrayList<>(order.size());
        for (HostSpec h : order) {
            HostAttempt a = h.isUnixSocket()
                    ? new HostAttempt(h.host().orElse(null), null, h.port(), Path.of(h.socketPath()))
                    : new HostAttempt(h.host().orElse(h.hostaddr().orElse("localhost")), h.hostaddr().orElse(null), h.port(), null);
            byAttempt.put(a, h);
            attempts.add(a);
        }
        TlsSettings tls = new TlsSettings(
                TlsSettings.Mode.valueOf(s.sslMode().name()),
                s.sslRootCertSystem() ? null : s.sslRootCert().orElse(null),
                s.sslRootCertSystem(),
                s.sslCert().orElse(null),
                s.sslKey().orElse(null),
                s.sslPassword().map(String::toCharArray).orElse(null),
                s.sslNegotiation() == SslNegotiation.DIRECT,
                s.sslSni());
        KeepAlive keepAlive = new KeepAlive(s.keepalives(), boxed(s.keepalivesIdle()), boxed(s.keepalivesInterval()),
                boxed(s.keepalivesCount()));
        return new ConnectSpec(attempts, s.user(), s.dbname(), s.startupParameters(), s.connectTimeout().orElse(null),
                s.socketTimeout().orElse(null),
                keepAlive, tls, s.requireAuth().orElse(null), s.channelBinding().value(), s.targetSessionAttrs().value(),
                s.minProtocolVersion(), s.maxProtocolVersion(),
                a -> {
                    Optional<String> pw = s.passwordFor(byAttempt.get(a));
                    return pw.map(String::toCharArray).orElse(null);
                },
                s.conninfo().toSafeString(),
                new GssSettings(GssSettings.EncMode.valueOf(s.gssEncMode().name()), s.krbSrvName(),
                        GssCredentials.callerSubject()));
    }

    private static Integer boxed(java.util.OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }
}
