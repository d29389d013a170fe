package io.tusk.internal.connection;

import io.tusk.errors.TuskException;
import io.tusk.internal.connection.ConnectSpec.HostAttempt;
import io.tusk.internal.net.GssEncryption;
import io.tusk.internal.net.SocketTransport;
import io.tusk.internal.net.TlsRequest;
import io.tusk.internal.net.TlsSettings;
import io.tusk.internal.net.TlsUpgrade;
import io.tusk.internal.net.Transport;
import io.tusk.internal.net.UnixSocketTransport;
import io.tusk.internal.protocol.WriteBuffer;
import io.tusk.internal.protocol.backend.BackendMessage;
import io.tusk.internal.protocol.backend.ErrorResponse;
import io.tusk.internal.protocol.backend.ParameterStatus;
import io.tusk.internal.protocol.frontend.Query;
import io.tusk.internal.protocol.frontend.SslRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens a session as libpq does, blocking: {@link ConnectPlan} decides which host, address and
 * security to try next and what to report when all fail; this class performs each step on
 * blocking sockets (name resolution, connect, TLS, start-up, the target_session_attrs query).
 */
public final class Connector {
    private final ConnectSpec spec;

    public Connector(ConnectSpec spec) {
        this.spec = spec;
    }

    public ConnectionImpl.Opened open() {
        ConnectPlan plan = new ConnectPlan(spec);
        ConnectDeadline deadline = null;
        while (true) {
            ConnectPlan.Step step = plan.next();
            if (step instanceof ConnectPlan.Failed f) {
                throw f.error();
            }
            if (step instanceof ConnectPlan.Resolve r) {
                try {
                    plan.resolved(InetAddress.getAllByName(r.target()));
                } catch (UnknownHostException e) {
                    plan.unresolved();
                }
                continue;
            }
            ConnectPlan.Attempt a = (ConnectPlan.Attempt) step;
            if (a.firstOnAddress()) {
                deadline = ConnectDeadline.after(spec.connectTimeout()); // one for both sslmode tries
            }
            ConnectionImpl.Opened opened;
            try {
                opened = startOn(a, deadline);
            } catch (TuskException e) {
                plan.failed(e);
                continue;
            }
            Session s = opened.session();
            try {
                String question = plan.question(s.parameters());
                if (plan.accepts(s.parameters(), question == null ? null : scalar(s, question))) {
                    return opened;
                }
            } catch (TuskException e) {
                plan.failed(e);
            }
            s.close();
        }
    }

    /** The one value a target_session_attrs question returns. */
    private static String scalar(Session s, String sql) {
        List<QueryResult> r = s.run(new QueryExchange(List.of(new Query(sql)), 1));
        var row = r.get(0).rows().get(0);
        return row.isNull(0) ? null : new String(row.buffer(), row.offset(0), row.length(0), s.charset());
    }

    /** One attempt: connect, TLS as the attempt says, start-up and authentication. */
    private ConnectionImpl.Opened startOn(ConnectPlan.Attempt a, ConnectDeadline deadline) {
        HostAttempt host = a.host();
        Transport transport = null;
        AutoCloseable[] watch = new AutoCloseable[1];
        try {
            transport = dial(a, deadline, t -> watch[0] = deadline.watch(t));
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
                if (m instanceof ParameterStatus p) {
                    session.parameter(p.name(), p.value());
                    continue;
                }
                if (m instanceof ErrorResponse e && e.notice()) {
                    session.queues().notice(e.diagnostic());
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
            InetSocketAddress dialled = a.address();
            ConnectPlan.Attempt again = new ConnectPlan.Attempt(host, dialled,
                    connected.isTls() ? ConnectPlan.Security.TLS : ConnectPlan.Security.PLAIN, a.direct(), true);
            Endpoint endpoint = new Endpoint(host.isUnixSocket() ? host.socketFile().getParent().toString() : host.host(),
                    dialled == null || dialled.getAddress() == null ? null : dialled.getAddress().getHostAddress(),
                    host.port(), spec.dbname(), spec.user(), spec.safeDsn(),
                    t -> dial(again, ConnectDeadline.after(t), x -> { }));
            return new ConnectionImpl.Opened(session, endpoint);
        } catch (IOException e) {
            if (deadline.timedOut() || deadline.bounds(e)) {
                throw deadline.expired(e);
            }
            if (e instanceof TlsFailure) {
                throw new ConnectPlan.TlsHandshakeFailed(e.getMessage(), e);
            }
            throw new ConnectPlan.TransportFailure(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } catch (TuskException e) {
            if ((deadline.timedOut() || deadline.bounds(e)) && e.sqlstate() == null) {
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
    private Transport dial(ConnectPlan.Attempt a, ConnectDeadline deadline, Consumer<Transport> connected) throws IOException {
        HostAttempt host = a.host();
        // GSSAPI encryption (gssencmode) is planned before connecting: a required one without a ticket fails here.
        GssEncryption gssenc = GssEncryption.plan(spec.gss(), host.isUnixSocket(), host.host(), spec.connectTimeout());
        if (host.isUnixSocket()) {
            Transport u = UnixSocketTransport.connect(host.socketFile());
            connected.accept(u);
            return u;
        }
        SocketTransport t = SocketTransport.connect(a.address(), deadline.remaining(), spec.keepAlive());
        connected.accept(t); // from here the deadline's watchdog may close it, TLS handshake included
        try {
            if (gssenc != null) {
                // GSSENCRequest before SSLRequest, as libpq: a GSSAPI-encrypted session needs no TLS.
                t.readTimeout(deadline.remaining());
                GssEncryption.Outcome<SocketTransport> gss = gssenc.negotiate(t,
                        () -> SocketTransport.connect(a.address(), deadline.remaining(), spec.keepAlive()));
                if (gss.encrypted() != null) {
                    return gss.encrypted();
                }
                if (gss.plain() != t) {
                    t = gss.plain(); // gssencmode=prefer after a failed context: a new connection without GSSAPI
                    connected.accept(t);
                }
            }
            if (!a.tls()) {
                return t;
            }
            t.readTimeout(deadline.remaining());
            TlsSettings settings = spec.tls();
            if (!a.direct()) {
                WriteBuffer out = new WriteBuffer(16);
                SslRequest.INSTANCE.encode(out);
                t.out().write(out.array(), 0, out.size());
                t.out().flush();
                int answer = t.in().read();
                if (!TlsRequest.handshake(answer, answer >= 0 && t.in().available() > 0, settings.mode())) {
                    return t;
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

    /** A TLS handshake failure inside the dialer. */
    private static final class TlsFailure extends IOException {
        private static final long serialVersionUID = 1L;

        TlsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
