package io.tusk.internal.auth;

import io.tusk.errors.OperationalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Where the client's Kerberos credentials come from, in the JDK's usual order:
 * <ol>
 *   <li>the JAAS {@link Subject} of the code that opened the connection ({@code Subject.doAs})
 *       when it holds a Kerberos ticket — an application server's or a keytab login;</li>
 *   <li>with {@code -Djavax.security.auth.useSubjectCredsOnly=false}, whatever JGSS finds by
 *       itself (the ticket cache of {@code KRB5CCNAME} or {@code /tmp/krb5cc_<uid>});</li>
 *   <li>otherwise the same ticket cache, read through the JDK's {@code Krb5LoginModule}
 *       ({@code useTicketCache=true doNotPrompt=true}) so that no JAAS configuration file is needed.</li>
 * </ol>
 * The realm and KDCs come from {@code java.security.krb5.conf}, else {@code KRB5_CONFIG}, else
 * {@code /etc/krb5.conf}, as the JDK's Kerberos decides. Nothing here ever prompts for a password.
 */
public final class GssCredentials {
    private static final String LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";

    private final Subject subject;

    private GssCredentials(Subject subject) {
        this.subject = subject;
    }

    /** The subject to act as, or null to let JGSS find the credentials itself. */
    Subject subject() {
        return subject;
    }

    /**
     * Whether Kerberos credentials look available without asking anyone: a caller's Subject with
     * a ticket, or a ticket cache file. libpq's {@code pg_GSS_have_cred_cache} asks the same before
     * trying GSSAPI encryption with {@code gssencmode=prefer}, so that clients without Kerberos
     * do not pay for it.
     */
    public static boolean likelyAvailable(Subject caller) {
        try {
            return caller != null || ticketCache() != null;
        } catch (LinkageError e) {
            return false; // a runtime image without java.security.jgss
        }
    }

    /**
     * The credentials to use for one connection attempt.
     *
     * @throws OperationalException when there is no valid ticket (none, or expired)
     */
    public static GssCredentials acquire(Subject caller) {
        if (caller != null) {
            return new GssCredentials(caller);
        }
        if ("false".equals(System.getProperty("javax.security.auth.useSubjectCredsOnly"))) {
            return new GssCredentials(null);
        }
        Subject subject = new Subject();
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(LOGIN_MODULE,
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("useTicketCache", "true", "doNotPrompt", "true", "refreshKrb5Config", "true"))};
            }
        };
        try {
            LoginContext login = new LoginContext("tusk", subject, null, config);
            login.login();
        } catch (LoginException | SecurityException e) {
            Path cache = ticketCache();
            throw new OperationalException("no valid Kerberos ticket for GSSAPI: "
                    + (cache == null ? "no ticket cache found (KRB5CCNAME or /tmp/krb5cc_<uid>)"
                            : "the ticket cache " + cache + " holds no valid ticket (expired?)")
                    + "; get one with kinit, or run the connection inside Subject.doAs with a Kerberos login"
                    + " (JDK: " + e.getMessage() + ")", e);
        }
        return new GssCredentials(subject);
    }

    /**
     * The JAAS Subject of the calling code ({@code Subject.doAs}) when it holds a Kerberos ticket,
     * else null (also on a runtime image without {@code java.security.jgss}).
     */
    @SuppressWarnings("removal")
    public static Subject callerSubject() {
        try {
            Subject s = Subject.getSubject(java.security.AccessController.getContext());
            return s != null && !s.getPrivateCredentials(KerberosTicket.class).isEmpty() ? s : null;
        } catch (LinkageError | SecurityException e) {
            return null;
        }
    }

    /** The ticket cache file the JDK reads (FILE: caches only: the JDK reads no other kind). */
    static Path ticketCache() {
        String name = System.getenv("KRB5CCNAME");
        Path file;
        if (name != null && !name.isEmpty()) {
            if (name.startsWith("FILE:")) {
                name = name.substring("FILE:".length());
            } else if (name.indexOf(':') > 0 && !name.startsWith("/")) {
                return null; // KEYRING:, KCM:, DIR: ... are invisible to the JDK
            }
            file = Path.of(name);
        } else {
            Long uid = uid();
            if (uid == null) {
                return null;
            }
            file = Path.of("/tmp/krb5cc_" + uid);
        }
        return Files.isReadable(file) ? file : null;
    }

    private static Long uid() {
        try {
            Class<?> c = Class.forName("com.sun.security.auth.module.UnixSystem");
            return (Long) c.getMethod("getUid").invoke(c.getConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
