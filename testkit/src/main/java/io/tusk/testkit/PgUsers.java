package io.tusk.testkit;

import java.util.List;

/**
 * The roles of the kit's PostgreSQL server, one per client authentication method of
 * {@code pg_hba.conf} (PostgreSQL documentation, chapter "Client Authentication").
 *
 * <p>Example: {@code Tusk.connect(server.conninfo(PgUsers.SCRAM))} logs in with SCRAM-SHA-256.
 *
 * <table>
 *   <caption>Roles and how each may log in (TCP to 127.0.0.1/::1, and the Unix socket)</caption>
 *   <tr><th>role</th><th>password</th><th>TCP without TLS</th><th>TCP with TLS</th><th>Unix socket</th></tr>
 *   <tr><td>{@value #ADMIN}</td><td>none</td><td>trust</td><td>trust</td><td>trust</td></tr>
 *   <tr><td>{@value #TRUST}</td><td>none</td><td>trust</td><td>trust</td><td>trust</td></tr>
 *   <tr><td>{@value #SCRAM}</td><td>{@value #SCRAM_PASSWORD}</td><td>scram-sha-256</td><td>scram-sha-256</td><td>scram-sha-256</td></tr>
 *   <tr><td>{@value #MD5}</td><td>{@value #MD5_PASSWORD} (stored as MD5)</td><td>md5</td><td>md5</td><td>md5</td></tr>
 *   <tr><td>{@value #CLEARTEXT}</td><td>{@value #CLEARTEXT_PASSWORD}</td><td>password</td><td>password</td><td>password</td></tr>
 *   <tr><td>{@value #SSL}</td><td>{@value #SSL_PASSWORD}</td><td>reject</td><td>scram-sha-256</td><td>reject</td></tr>
 *   <tr><td>{@value #CERT}</td><td>none</td><td>reject</td><td>cert (clientcert=verify-full)</td><td>reject</td></tr>
 *   <tr><td>any other role</td><td></td><td>scram-sha-256</td><td>scram-sha-256</td><td>scram-sha-256</td></tr>
 * </table>
 *
 * <p>Every role has LOGIN and CREATEDB; only {@value #ADMIN} is a superuser. These roles exist only
 * on the embedded server ({@link PgServer#hasStandardSetup()}).
 */
public final class PgUsers {
    /** The superuser the kit administers the server with; trusted. */
    public static final String ADMIN = "postgres";
    /** A role that logs in without a password ({@code trust}). */
    public static final String TRUST = "tusk_trust";
    /** A role with a SCRAM-SHA-256 verifier, authenticated with {@code scram-sha-256}. */
    public static final String SCRAM = "tusk_scram";
    /** Password of {@link #SCRAM}. */
    public static final String SCRAM_PASSWORD = "scram-secret";
    /** A role whose password is stored as an MD5 hash, authenticated with {@code md5}. */
    public static final String MD5 = "tusk_md5";
    /** Password of {@link #MD5}. */
    public static final String MD5_PASSWORD = "md5-secret";
    /** A role authenticated with {@code password}: the password is sent in clear text. */
    public static final String CLEARTEXT = "tusk_password";
    /** Password of {@link #CLEARTEXT}. */
    public static final String CLEARTEXT_PASSWORD = "clear-secret";
    /** A role that may log in only over TLS ({@code hostssl}), with SCRAM-SHA-256. */
    public static final String SSL = "tusk_ssl";
    /** Password of {@link #SSL}. */
    public static final String SSL_PASSWORD = "ssl-secret";
    /** A role authenticated by its client certificate ({@code cert}, CN=tusk_cert) over TLS only. */
    public static final String CERT = "tusk_cert";
    /** Password of the encrypted client key and of the client PKCS#12 file. */
    public static final String CLIENT_KEY_PASSWORD = "keypass";

    private PgUsers() {
    }

    /** Every role the kit creates, the admin first. */
    public static List<String> all() {
        return List.of(ADMIN, TRUST, SCRAM, MD5, CLEARTEXT, SSL, CERT);
    }

    /** The password of a kit role, or null for the roles that log in without one ({@code trust}, {@code cert}) and unknown roles. */
    public static String passwordOf(String user) {
        switch (user) {
            case SCRAM:
                return SCRAM_PASSWORD;
            case MD5:
                return MD5_PASSWORD;
            case CLEARTEXT:
                return CLEARTEXT_PASSWORD;
            case SSL:
                return SSL_PASSWORD;
            default:
                return null;
        }
    }
}
