package io.tusk.internal.connection;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.connection.ConnectSpec.HostAttempt;
import io.tusk.internal.net.GssEncryption;
import io.tusk.internal.net.SocketTransport;
import io.tusk.internal.net.TlsSettings;
import io.tusk.internal.net.TlsSettings.Mode;
import io.tusk.internal.net.TlsUpgrade;
import io.tusk.internal.net.Transport;
import io.tusk.internal.net.UnixSocketTransport;
import io.tusk.internal.protocol.ProtocolViolation;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.frontend.SslRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a session as libpq does: each host in turn (each of its addresses in turn), TLS as
 * sslmode says (with its fallbacks for allow and prefer), start-up and authentication, then
 * the target_session_attrs check. When every attempt fails, one error lists them all.
 */
public final class Connector {
    private final ConnectSpec spec;

    public Connector(ConnectSpec spec) {
        this.spec = spec;
    }

    public ConnectionImpl.Opened open() {
        List<String> failures = new ArrayList<>();
        TuskException last = null;
        for (HostAttempt host : spec.hosts()) {
            List<InetSocketAddress> addresses;
            if (host.isUnixSocket()) {
                addresses = List.of(); // a single attempt below
            } else {
                try {
                    addresses = resolve(host);
                } catch (UnknownHostException e) {
                    failures.add("could not translate host name \"" + host.host() + "\" to address: unknown host");
                    continue;
                }
            }
            int tries = host.isUnixSocket() ? 1 : addresses.size();
            for (int i = 0; i < tries; i++) {
                InetSocketAddress address = host.isUnixSocket() ? null : addresses.get(i);
                try {
                    ConnectionImpl.Opened opened = attempt(host, address);
                    if (TargetSessionAttrs.accepts(spec.targetSessionAttrs(), opened.session())) {
                        return opened;
                    }
                    failures.add("connection to " + describe(host, address) + ": " + TargetSessionAttrs.refusal(spec.targetSessionAttrs()));
                    opened.session().close();
                } catch (TuskException e) {
                    last = e;
                    failures.add("connection to " + describe(host, address) + " failed: " + e.getMessage());
                }
            }
        }
        throw failure(failures, last);
    }

    private static TuskException failure(List<String> failures, TuskException last) {
        if (failures.size() == 1 && last instanceof DatabaseException) {
            return last; // the server's own error, with its SQLSTATE (28P01 for a wrong password)
        }
        // Each failure is a whole phrase (libpq's wording): "connection to server at ... failed: ..."
        // or "could not translate host name ... to address: ...".
        String message = failures.size() == 1 ? failures.get(0)
                : "could not connect to any host:\n  - " + String.join("\n  - ", failures);
        if (last instanceof DatabaseException db && last.sqlstate() != null) {
            // Keep the server's SQLSTATE reachable as the cause.
            return new OperationalException(message, db);
        }
        return new OperationalException(message, last);
    }

    private static String describe(HostAttempt host, InetSocketAddress address) {
        if (host.isUnixSocket() || address == null || address.getAddress() == null) {
            return host.describe();
        }
        String ip = address.getAddress().getHostAddress();
        return ip.equals(host.host()) ? host.describe()
                : "server at \"" + host.host() + "\" (" + ip + "), port " + host.port();
    }

    private List<InetSocketAddress> resolve(HostAttempt host) throws UnknownHostException {
        List<InetSocketAddress> out = new ArrayList<>();
        String target = host.hostaddr() != null ? host.hostaddr() : host.host();
        for (InetAddress a : InetAddress.getAllByName(target)) {
            out.add(new InetSocketAddress(a, host.port()));
        }
        return out;
    }

    /** One attempt on one address, with sslmode's allow/prefer fallback on the same address. */
    private ConnectionImpl.Opened attempt(HostAttempt host, InetSocketAddress address) {
        ConnectDeadline deadline = ConnectDeadline.after(spec.connectTimeout());
        Mode mode = spec.tls().mode();
        if (host.isUnixSocket()) {
            return startOn(host, address, false, deadline);
        }
        if (mode == Mode.ALLOW) {
            try {
                return startOn(host, address, false, deadline);
            } catch (ProtocolViolation e) {
                throw e; // a server that breaks the protocol is not asked again
            } catch (DatabaseException e) {
                return startOn(host, address, true, deadline); // the server refused plain text: try TLS
            }
        }
        if (mode == Mode.PREFER) {
            try {
                return startOn(host, address, true, deadline);
            } catch (TlsHandshakeFailed e) {
                return startOn(host, address, false, deadline);
            } catch (ProtocolViolation e) {
                throw e; // a server that breaks the protocol is not asked again
            } catch (DatabaseException e) {
                if (isPasswordFailure(e)) {
                    throw e; // the same password fails without TLS too
                }
                return startOn(host, address, false, deadline);
            }
        }
        return startOn(host, address, mode != Mode.DISABLE, deadline);
    }

    private static boolean isPasswordFailure(DatabaseException e) {
        return "28P01".equals(e.sqlstate());
    }

    private ConnectionImpl.Opened startOn(HostAttempt host, InetSocketAddress address, boolean tls, ConnectDeadline deadline) {
        Transport transport = null;
        AutoCloseable[] watch = new AutoCloseable[1];
        try {
            transport = dial(host, address, tls, deadline, t -> watch[0] = deadline.watch(t));
            transport.readTimeout(deadline.remaining());
            PgStream stream = new PgStream(transport);
            Session session = new Session(stream);
            StartupExchange startup = new StartupExchange(spec.maxProtocolVersion(), spec.minProtocolVersion(),
                    spec.startupParameters(), new Authenticator(spec, host, transport));
            startup.start(stream.buffer());
            stream.flush();
            boolean done = false;
            while (!done) {
                BackendMessage m = startup.screen(stream.read());
                if (m instanceof io.tusk.internal.protocol.backend.ParameterStatus p) {
                    session.parameter(p.name(), p.value());
                    continue;
                }
                if (m instanceof io.tusk.internal.protocol.backend.ErrorResponse e && e.notice()) {
                    session.notice(e.diagnostic());
                    continue;
                }
                done = startup.handle(m, stream.buffer());
                stream.flush();
            }
            startup.result();
            session.started(startup);
            closeQuietly(watch[0]);
            watch[0] = null;
            if (deadline.timedOut()) {
                throw deadline.expired(null);
            }
            session.socketTimeout(spec.socketTimeout());
            Transport connected = transport;
            transport = null; // now owned by the session
            InetSocketAddress dialled = address;
            Endpoint endpoint = new Endpoint(host.isUnixSocket() ? host.socketFile().getParent().toString() : host.host(),
                    dialled == null || dialled.getAddress() == null ? null : dialled.getAddress().getHostAddress(),
                    host.port(), spec.dbname(), spec.user(), spec.safeDsn(),
                    t -> dial(host, dialled, connected.isTls(), ConnectDeadline.after(t), x -> { }));
            return new ConnectionImpl.Opened(session, endpoint);
        } catch (IOException e) {
            if (deadline.timedOut()) {
                throw deadline.expired(e);
            }
            if (e instanceof TlsFailure) {
                throw new TlsHandshakeFailed(e.getMessage(), e);
            }
            throw new OperationalException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } catch (io.tusk.errors.TuskException e) {
            if (deadline.timedOut() && !(e instanceof DatabaseException d && d.sqlstate() != null)) {
                throw deadline.expired(e);
            }
            throw e;
        } finally {
            closeQuietly(watch[0]);
            if (transport != null) {
                transport.close();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // cancelling a scheduled task does not fail
            }
        }
    }

    /** Connects and negotiates TLS: SSLRequest first (protocol "SSL Session Encryption") or direct TLS. */
    private Transport dial(HostAttempt host, InetSocketAddress address, boolean tls, ConnectDeadline deadline,
            java.util.function.Consumer<Transport> connected) throws IOException {
        // GSSAPI encryption (gssencmode) is planned before connecting: a required one without a ticket fails here.
        GssEncryption gssenc = GssEncryption.plan(spec.gss(), host.isUnixSocket(), host.host(), spec.connectTimeout());
        if (host.isUnixSocket()) {
            Transport u = UnixSocketTransport.connect(host.socketFile());
            connected.accept(u);
            return u;
        }
        SocketTransport t = SocketTransport.connect(address, deadline.remaining(), spec.keepAlive());
        connected.accept(t); // from here the deadline's watchdog may close it, TLS handshake included
        try {
            if (gssenc != null) {
                // GSSENCRequest before SSLRequest, as libpq: a GSSAPI-encrypted session needs no TLS.
                t.readTimeout(deadline.remaining());
                GssEncryption.Outcome<SocketTransport> gss = gssenc.negotiate(t,
                        () -> SocketTransport.connect(address, deadline.remaining(), spec.keepAlive()));
                if (gss.encrypted() != null) {
                    return gss.encrypted();
                }
                if (gss.plain() != t) {
                    t = gss.plain(); // gssencmode=prefer after a failed context: a new connection without GSSAPI
                    connected.accept(t);
                }
            }
            if (!tls) {
                return t;
            }
            t.readTimeout(deadline.remaining());
            TlsSettings settings = spec.tls();
            if (!settings.direct()) {
                WriteBuffer out = new WriteBuffer(16);
                SslRequest.INSTANCE.encode(out);
                t.out().write(out.array(), 0, out.size());
                t.out().flush();
                int answer = t.in().read();
                if (answer == 'N') {
                    if (settings.mode() == Mode.PREFER || settings.mode() == Mode.ALLOW) {
                        return t;
                    }
                    throw new IOException("the server does not support TLS, but sslmode=" + modeName(settings.mode()) + " requires it");
                }
                if (answer != 'S') {
                    throw new IOException(answer < 0 ? "the server closed the connection during TLS negotiation"
                            : "the server answered the TLS request with an unexpected byte " + answer);
                }
                if (t.in().available() > 0) {
                    // Bytes after 'S' and before the handshake could be injected (CVE-2021-23222).
                    throw new IOException("the server sent unexpected data after accepting TLS");
                }
            }
            try {
                t.upgrade(TlsUpgrade.upgrade(t.socket(), host.host(), host.port(), settings));
            } catch (javax.net.ssl.SSLException e) {
                throw new TlsFailure("TLS handshake failed: " + e.getMessage(), e);
            }
            return t;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    static String modeName(Mode m) {
        return m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A failed TLS handshake, as the caller sees it: with sslmode=prefer, libpq tries again without TLS. */
    static final class TlsHandshakeFailed extends OperationalException {
        private static final long serialVersionUID = 1L;

        TlsHandshakeFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A TLS handshake failure inside the dialer. */
    static final class TlsFailure extends IOException {
        private static final long serialVersionUID = 1L;

        TlsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
