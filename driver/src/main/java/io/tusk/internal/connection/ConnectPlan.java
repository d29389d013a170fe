package io.tusk.internal.connection;

import io.tusk.errors.DatabaseException;
import io.tusk.errors.OperationalException;
import io.tusk.errors.TuskException;
import io.tusk.internal.connection.ConnectSpec.HostAttempt;
import io.tusk.internal.net.TlsSettings.Mode;
import io.tusk.internal.protocol.ProtocolViolation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * libpq's connect loop ({@code PQconnectPoll}) as decisions only, without I/O, so that the
 * blocking {@link Connector} and the {@link AsyncConnector} choose the same servers in the same
 * order and fail with the same words. A front end asks {@link #next()} for a step, performs it
 * its own way and reports the outcome:
 * <ul>
 * <li>{@link Resolve}: look the host name up, then {@link #resolved} or {@link #unresolved};</li>
 * <li>{@link Attempt}: connect to one address with the given security and run the start-up;
 *     then either {@link #failed} with the cause, or ask {@link #question} and {@link #accepts}
 *     whether the session is what {@code target_session_attrs} wants (a passed-over session is
 *     closed by the front end);</li>
 * <li>{@link Failed}: every attempt failed; throw the error, which names each of them.</li>
 * </ul>
 * The order follows libpq: the hosts in the given order (already shuffled for
 * {@code load_balance_hosts=random}), each address of a host in the order the resolver gave
 * them, and on each address the securities sslmode asks for: {@code allow} tries plain text,
 * then TLS; {@code prefer} TLS, then plain text. connect_timeout bounds each address: the front
 * end starts a new deadline when {@link Attempt#firstOnAddress()}.
 * <p>
 * An encryption of the GSSAPI (gssencmode) is one more {@link Security} tried before TLS on the
 * same address: {@link #securities} is where it is put in the sequence, and {@link #retriable}
 * where its failure is said to fall back to the next one.
 */
public final class ConnectPlan {
    /** How an attempt protects the session. */
    public enum Security { PLAIN, TLS }

    /** What the front end does next. */
    public sealed interface Step permits Resolve, Attempt, Failed {
    }

    /** Look up {@link #target()} (the hostaddr if given, else the host name). */
    public record Resolve(HostAttempt host) implements Step {
        public String target() {
            return host.hostaddr() != null ? host.hostaddr() : host.host();
        }
    }

    /**
     * Connect to {@code address} (null for a Unix socket: {@code host.socketFile()}), with TLS
     * when {@code security} says so, directly (PostgreSQL 17's sslnegotiation=direct, ALPN
     * "postgresql") when {@code direct}; {@code firstOnAddress} starts connect_timeout anew.
     */
    public record Attempt(HostAttempt host, InetSocketAddress address, Security security, boolean direct,
            boolean firstOnAddress) implements Step {
        public boolean tls() {
            return security == Security.TLS;
        }
    }

    /** No attempt is left: raise {@code error}. */
    public record Failed(TuskException error) implements Step {
    }

    /**
     * A failure of the transport (connect, TLS, a closed socket, connect_timeout) rather than a
     * refusal by the server: it is reported with the host it happened on, never alone.
     */
    public static class TransportFailure extends OperationalException {
        private static final long serialVersionUID = 1L;

        public TransportFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A failed TLS handshake: with sslmode=prefer, libpq tries the same address again without TLS. */
    public static final class TlsHandshakeFailed extends TransportFailure {
        private static final long serialVersionUID = 1L;

        public TlsHandshakeFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ConnectSpec spec;
    private final List<String> failures = new ArrayList<>();
    private final Deque<InetSocketAddress> addresses = new ArrayDeque<>();
    private final Deque<Security> securities = new ArrayDeque<>();
    private TuskException last;
    private int nextHost;
    private HostAttempt host;
    private Attempt current;
    /** prefer-standby: the first pass wants a standby, the second (after none was found) any server. */
    private boolean secondPass;
    private boolean passedOver;

    public ConnectPlan(ConnectSpec spec) {
        this.spec = spec;
    }

    /** The next step; after {@link Failed}, or once a session was accepted, there is none. */
    public Step next() {
        while (true) {
            if (current != null && !securities.isEmpty()) {
                current = new Attempt(host, current.address(), securities.poll(), false, false);
                return direct(current);
            }
            if (!addresses.isEmpty() || host != null && host.isUnixSocket() && current == null) {
                InetSocketAddress address = host.isUnixSocket() ? null : addresses.poll();
                securities.addAll(securities(host));
                current = new Attempt(host, address, securities.poll(), false, true);
                return direct(current);
            }
            if (nextHost < spec.hosts().size()) {
                host = spec.hosts().get(nextHost++);
                current = null;
                if (!host.isUnixSocket()) {
                    return new Resolve(host);
                }
                continue;
            }
            if (wanted().equals("prefer-standby") && !secondPass && passedOver) {
                // libpq: no standby among the hosts, so start over accepting any server.
                secondPass = true;
                nextHost = 0;
                host = null;
                current = null;
                continue;
            }
            host = null;
            return new Failed(failure());
        }
    }

    private Attempt direct(Attempt a) {
        return new Attempt(a.host(), a.address(), a.security(), a.tls() && spec.tls().direct(), a.firstOnAddress());
    }

    /**
     * The securities to try on one address, in order. A GSS-encrypted attempt (gssencmode=prefer
     * or require) would come first here, over TCP only, as in libpq.
     */
    private List<Security> securities(HostAttempt h) {
        if (h.isUnixSocket()) {
            return List.of(Security.PLAIN); // libpq never uses TLS over a Unix socket
        }
        Mode mode = spec.tls().mode();
        return switch (mode) {
            case DISABLE -> List.of(Security.PLAIN);
            case ALLOW -> List.of(Security.PLAIN, Security.TLS);
            case PREFER -> List.of(Security.TLS, Security.PLAIN);
            default -> List.of(Security.TLS);
        };
    }

    /** The addresses {@link Resolve} found, in the resolver's order. */
    public void resolved(InetAddress... found) {
        for (InetAddress a : found) {
            addresses.add(new InetSocketAddress(a, host.port()));
        }
    }

    /** {@link Resolve} found no address. */
    public void unresolved() {
        failures.add("could not translate host name \"" + host.host() + "\" to address: unknown host");
    }

    /**
     * The attempt failed with {@code cause}: the same address is tried with the next security if
     * sslmode allows it for that failure, otherwise the attempt is recorded and the next address
     * comes. An {@link java.io.IOException} counts as a {@link TransportFailure}.
     */
    public void failed(Throwable cause) {
        TuskException e = cause instanceof TuskException t ? t
                : new TransportFailure(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        if (!securities.isEmpty() && retriable(e)) {
            return; // next() tries the same address with the next security
        }
        securities.clear();
        last = e;
        failures.add("connection to " + describe(current) + " failed: " + e.getMessage());
    }

    /**
     * Whether sslmode's other security is worth trying on the same address after {@code e}: a
     * failed TLS handshake, or a server that refused the session (pg_hba.conf may treat TLS and
     * plain text differently). Not a wrong password (the same password fails either way), nor a
     * server that broke the protocol (it is not asked again), nor a dead transport.
     */
    private static boolean retriable(TuskException e) {
        if (e instanceof TlsHandshakeFailed) {
            return true;
        }
        return e instanceof DatabaseException && !(e instanceof ProtocolViolation) && e.sqlstate() != null
                && !"28P01".equals(e.sqlstate());
    }

    /**
     * The query a session must answer before {@link #accepts} can tell (servers before 14 report
     * neither {@code in_hot_standby} nor {@code default_transaction_read_only}), or null.
     */
    public String question(Map<String, String> parameters) {
        String wanted = wantedNow();
        return TargetSessionAttrs.fromParameters(wanted, parameters) == null ? TargetSessionAttrs.question(wanted) : null;
    }

    /**
     * Whether a started session is what target_session_attrs asks for, from its parameters or
     * {@code answer} to {@link #question}. If not, the refusal is recorded, the front end closes
     * the session, and the next address comes (sslmode's other security is not tried).
     */
    public boolean accepts(Map<String, String> parameters, String answer) {
        String wanted = wantedNow();
        Boolean known = TargetSessionAttrs.fromParameters(wanted, parameters);
        if (known != null ? known : TargetSessionAttrs.acceptsAnswer(wanted, answer)) {
            securities.clear();
            return true;
        }
        securities.clear();
        passedOver = true;
        failures.add("connection to " + describe(current) + ": " + TargetSessionAttrs.refusal(wanted));
        return false;
    }

    private String wanted() {
        return spec.targetSessionAttrs() == null ? "any" : spec.targetSessionAttrs();
    }

    /** prefer-standby asks for a standby on the first pass, for any server on the second. */
    private String wantedNow() {
        String w = wanted();
        return w.equals("prefer-standby") ? secondPass ? "any" : "standby" : w;
    }

    private TuskException failure() {
        if (failures.size() == 1 && last != null && !(last instanceof TransportFailure)) {
            // One attempt that the server (or the start-up's checks) refused: its own error,
            // with its SQLSTATE (28P01 for a wrong password).
            return last;
        }
        // Each failure is a whole phrase (libpq's wording): "connection to server at ... failed: ..."
        // or "could not translate host name ... to address: ...".
        String message = failures.isEmpty() ? "no host to connect to"
                : failures.size() == 1 ? failures.get(0)
                : "could not connect to any host:\n  - " + String.join("\n  - ", failures);
        Throwable cause = last instanceof TransportFailure && last.getCause() != null ? last.getCause() : last;
        return new OperationalException(message, cause);
    }

    /** The server an attempt went to, as libpq names it. */
    public static String describe(Attempt a) {
        HostAttempt host = a.host();
        InetSocketAddress address = a.address();
        if (host.isUnixSocket() || address == null || address.getAddress() == null) {
            return host.describe();
        }
        String ip = address.getAddress().getHostAddress();
        return ip.equals(host.host()) ? host.describe()
                : "server at \"" + host.host() + "\" (" + ip + "), port " + host.port();
    }

    /** The error of a passed connect_timeout, shared by both front ends. */
    public static TransportFailure timeout(Duration timeout, Throwable cause) {
        return new TransportFailure("timeout expired after " + timeout.toSeconds() + " s (connect_timeout),"
                + " which bounds the whole attempt: TCP connect, TLS, start-up and authentication", cause);
    }
}
