package io.tusk.internal.auth;

import io.tusk.errors.OperationalException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the client accepts from the server during authentication: libpq's {@code require_auth}
 * (PostgreSQL 16+) and {@code channel_binding} (13+) connection parameters, as pure checks the
 * connection asks at each Authentication message.
 * <pre>{@code
 * AuthPolicy policy = AuthPolicy.of("scram-sha-256", "require");
 * policy.checkMethod(AuthMethod.PASSWORD);
 * // OperationalException: authentication method requirement "scram-sha-256" failed:
 * //                       server requested a cleartext password
 * }</pre>
 *
 * <p>{@code require_auth} is a comma-separated list of {@code password}, {@code md5},
 * {@code gss}, {@code sspi}, {@code scram-sha-256} and {@code none} (the server may let the
 * client in without asking anything); either every element is negated with {@code !} (all
 * methods but those) or none is. With a list of allowed methods the server must also complete
 * an exchange, unless {@code none} is listed. The rules and the error texts are libpq's
 * ({@code connectOptions2} and {@code check_expected_areq}); {@code oauth} of PostgreSQL 18
 * is not accepted since this client does not implement OAUTHBEARER.
 */
public final class AuthPolicy {

    /** The methods {@code require_auth} can name besides {@code none}; KERBEROS is never allowed once it is set. */
    private static final Set<AuthMethod> NAMEABLE = EnumSet.of(
            AuthMethod.PASSWORD, AuthMethod.MD5, AuthMethod.GSS, AuthMethod.SSPI, AuthMethod.SCRAM_SHA_256);

    private final String requireAuth;
    private final Set<AuthMethod> allowed;
    private final boolean authRequired;
    private final ChannelBindingPolicy channelBinding;

    private AuthPolicy(String requireAuth, Set<AuthMethod> allowed, boolean authRequired,
                       ChannelBindingPolicy channelBinding) {
        this.requireAuth = requireAuth;
        this.allowed = allowed;
        this.authRequired = authRequired;
        this.channelBinding = channelBinding;
    }

    /**
     * The policy of a connection's parameters; {@code null} or empty values are the defaults (no
     * {@code require_auth}, {@code channel_binding=prefer}).
     *
     * @throws OperationalException for an invalid value, with libpq's text
     */
    public static AuthPolicy of(String requireAuth, String channelBinding) {
        return of(requireAuth, ChannelBindingPolicy.parse(channelBinding));
    }

    /** As {@link #of(String, String)} with an already parsed {@code channel_binding}. */
    public static AuthPolicy of(String requireAuth, ChannelBindingPolicy channelBinding) {
        if (requireAuth == null || requireAuth.isEmpty()) {
            return new AuthPolicy(null, EnumSet.copyOf(NAMEABLE), false, channelBinding);
        }
        Set<AuthMethod> allowed = EnumSet.noneOf(AuthMethod.class);
        boolean authRequired = true;
        boolean negated = false;
        // No trimming: libpq's parse_comma_separated_list keeps spaces, so " md5" is invalid there too.
        String[] parts = requireAuth.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String name = part;
            if (part.startsWith("!")) {
                if (i == 0) {
                    // A negated list starts from everything allowed, nothing required.
                    allowed.addAll(NAMEABLE);
                    authRequired = false;
                } else if (!negated) {
                    throw new OperationalException("negative require_auth method \"" + part
                            + "\" cannot be mixed with non-negative methods");
                }
                negated = true;
                name = part.substring(1);
            } else if (negated) {
                throw new OperationalException("require_auth method \"" + part + "\" cannot be mixed with negative methods");
            }
            Optional<AuthMethod> method = AuthMethod.forKeyword(name);
            if (method.isEmpty()) {
                throw new OperationalException("invalid require_auth value: \"" + name
                        + "\": use password, md5, gss, sspi, scram-sha-256 or none, all of them or none of them negated with !");
            }
            boolean duplicate;
            if (method.get() == AuthMethod.NONE) {
                duplicate = authRequired == negated;
                authRequired = negated;
            } else {
                duplicate = negated ? !allowed.remove(method.get()) : !allowed.add(method.get());
            }
            if (duplicate) {
                // libpq: a repeated method is probably a typo, in a setting where typos are risky.
                throw new OperationalException("require_auth method \"" + part + "\" is specified more than once");
            }
        }
        return new AuthPolicy(requireAuth, allowed, authRequired, channelBinding);
    }

    /** The {@code require_auth} value as given, or {@code null} when not set. */
    public String requireAuth() {
        return requireAuth;
    }

    public ChannelBindingPolicy channelBinding() {
        return channelBinding;
    }

    /**
     * Whether the policy lets the server use {@code method}; for {@link AuthMethod#NONE}, whether
     * the server may let the client in without any exchange. Without {@code require_auth} every
     * method is allowed but KERBEROS, which no PostgreSQL since 8.x sends.
     */
    public boolean allows(AuthMethod method) {
        return method == AuthMethod.NONE ? !authRequired : allowed.contains(method);
    }

    /**
     * Checks an authentication request before the client answers it: call it for every
     * Authentication message but AuthenticationOk, with {@link AuthMethod#forRequestCode}.
     *
     * @throws OperationalException when {@code require_auth} excludes the method, or when
     *         {@code channel_binding=require} and the method is not SASL (the client would
     *         otherwise send a password to a server it has not authenticated)
     */
    public void checkMethod(AuthMethod method) {
        if (method == AuthMethod.NONE) {
            throw new IllegalArgumentException("NONE is no request: call checkFinished on AuthenticationOk");
        }
        if (requireAuth != null && !allowed.contains(method)) {
            throw requirementFailed(describeRequest(method));
        }
        if (channelBinding == ChannelBindingPolicy.REQUIRE && method != AuthMethod.SCRAM_SHA_256) {
            throw new OperationalException("channel binding required but not supported by server's authentication"
                    + " request (" + describeRequest(method) + "): the server must use scram-sha-256 over SSL;"
                    + " fix pg_hba.conf or connect with channel_binding=prefer");
        }
    }

    /**
     * Checks AuthenticationOk against what happened before it.
     *
     * @param used the method the server asked for, {@link AuthMethod#NONE} when it asked nothing
     * @param clientFinished whether the client finished its side: sent a cleartext or MD5
     *        password, or verified the SCRAM server signature ({@link ScramSha256Client#isComplete()})
     * @param channelBound whether a SCRAM-SHA-256-PLUS exchange completed ({@link ScramSha256Client#isChannelBound()})
     * @throws OperationalException when {@code require_auth} needs an exchange the server skipped,
     *         when a SCRAM exchange was cut short before the server proved it knows the password,
     *         or when {@code channel_binding=require} and no bound exchange took place
     */
    public void checkFinished(AuthMethod used, boolean clientFinished, boolean channelBound) {
        if (requireAuth != null && authRequired && !clientFinished) {
            throw requirementFailed("server did not complete authentication");
        }
        // Stricter than libpq, which lets this pass unless require_auth or channel_binding=require
        // catch it: a server that accepts the client proof without sending its own signature has
        // not shown that it knows the password, and may only be collecting proofs to attack offline.
        if (used == AuthMethod.SCRAM_SHA_256 && !clientFinished) {
            throw new OperationalException("SCRAM: the server sent AuthenticationOk before AuthenticationSASLFinal,"
                    + " without proving that it knows the password (possible man-in-the-middle); the connection"
                    + " is refused");
        }
        if (channelBinding == ChannelBindingPolicy.REQUIRE && !channelBound) {
            throw new OperationalException("channel binding required, but server authenticated client without"
                    + " channel binding: the server must use scram-sha-256 over SSL (pg_hba.conf), or connect"
                    + " with channel_binding=prefer");
        }
    }

    /**
     * Chooses the SASL mechanism and the channel-binding mode for an AuthenticationSASL message,
     * as libpq's {@code pg_SASL_init} does: SCRAM-SHA-256-PLUS when the server offers it over TLS
     * and {@code channel_binding} is not {@code disable}, SCRAM-SHA-256 otherwise, with the flag
     * {@code y} when TLS is in use and the server offered no PLUS (RFC 5802 downgrade detection).
     *
     * <p>When the server offers PLUS but its certificate has no tls-server-end-point hash
     * (Ed25519), or is not available, {@code prefer} falls back to SCRAM-SHA-256 with the flag
     * {@code n} and {@code require} fails; libpq fails in both cases.
     *
     * @param serverMechanisms the names the server listed, in its order
     * @param sslInUse whether the connection is encrypted with TLS
     * @param serverCertificate the server's leaf certificate, {@code null} when there is none
     * @throws OperationalException when the server offers PLUS without TLS (a proxy stripped TLS?),
     *         when none of its mechanisms is supported, or when {@code channel_binding=require}
     *         cannot be satisfied
     */
    public SaslChoice chooseSasl(List<String> serverMechanisms, boolean sslInUse, X509Certificate serverCertificate) {
        if (channelBinding == ChannelBindingPolicy.REQUIRE && !sslInUse) {
            throw new OperationalException("channel binding required, but SSL not in use: connect with"
                    + " sslmode=require (or stronger) to use channel_binding=require");
        }
        boolean offersPlus = false;
        boolean offersPlain = false;
        for (String mechanism : serverMechanisms) {
            if (ScramSha256Client.MECHANISM_PLUS.equals(mechanism)) {
                if (!sslInUse) {
                    // The server binds only over TLS; seeing PLUS here means something between us
                    // removed TLS, and the server would refuse an unbound exchange anyway.
                    throw new OperationalException("server offered SCRAM-SHA-256-PLUS authentication over a"
                            + " non-SSL connection: is a proxy terminating SSL in between?");
                }
                offersPlus = true;
            } else if (ScramSha256Client.MECHANISM.equals(mechanism)) {
                offersPlain = true;
            }
        }
        if (offersPlus && channelBinding != ChannelBindingPolicy.DISABLE) {
            if (serverCertificate != null && ChannelBinding.hashAlgorithm(serverCertificate).isPresent()) {
                return new SaslChoice(ScramSha256Client.MECHANISM_PLUS, ChannelBindingMode.TLS_SERVER_END_POINT,
                        ChannelBinding.tlsServerEndPoint(serverCertificate));
            }
            if (channelBinding == ChannelBindingPolicy.REQUIRE) {
                if (serverCertificate != null) {
                    ChannelBinding.tlsServerEndPoint(serverCertificate); // throws, explaining the certificate
                }
                throw new OperationalException("channel binding is required, but the server presented no"
                        + " certificate to bind to");
            }
        }
        if (!offersPlain) {
            throw new OperationalException("none of the server's SASL authentication mechanisms are supported"
                    + " (server offered " + String.join(", ", serverMechanisms) + "; this client supports "
                    + ScramSha256Client.MECHANISM + " and " + ScramSha256Client.MECHANISM_PLUS + ")");
        }
        if (channelBinding == ChannelBindingPolicy.REQUIRE) {
            throw new OperationalException("channel binding is required, but server did not offer an authentication"
                    + " method that supports channel binding (SCRAM-SHA-256-PLUS over SSL)");
        }
        ChannelBindingMode mode = sslInUse && channelBinding != ChannelBindingPolicy.DISABLE && !offersPlus
                ? ChannelBindingMode.CLIENT_SUPPORTS_NOT_USED
                : ChannelBindingMode.NONE;
        return new SaslChoice(ScramSha256Client.MECHANISM, mode, null);
    }

    @Override
    public String toString() {
        return "AuthPolicy[require_auth=" + (requireAuth == null ? "" : requireAuth)
                + ", channel_binding=" + channelBinding.keyword() + "]";
    }

    private OperationalException requirementFailed(String reason) {
        return new OperationalException("authentication method requirement \"" + requireAuth + "\" failed: " + reason);
    }

    /** libpq's auth_method_description. */
    private static String describeRequest(AuthMethod method) {
        switch (method) {
            case PASSWORD:
                return "server requested a cleartext password";
            case MD5:
                return "server requested a hashed password";
            case GSS:
                return "server requested GSSAPI authentication";
            case SSPI:
                return "server requested SSPI authentication";
            case SCRAM_SHA_256:
                return "server requested SASL authentication";
            default:
                return "server requested an unknown authentication type";
        }
    }
}
