package io.tusk.testkit;

import io.tusk.testkit.internal.FileTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MIT Kerberos realm for tests, in a temporary directory: its own {@code krb5.conf} and
 * {@code kdc.conf}, a database made with {@code kdb5_util}, principals added with
 * {@code kadmin.local}, and {@code krb5kdc} on a free port of 127.0.0.1 (TCP only, so that a
 * stopped KDC is refused at once instead of timing out).
 * <pre>{@code
 * try (KerberosRealm realm = KerberosRealm.start()) {
 *     Path keytab = realm.addService("postgres/localhost");   // for krb_server_keyfile
 *     realm.addUser("alice", "alice-pw");
 *     Path cache = realm.kinit("alice", "alice-pw");          // a ticket cache file
 *     System.setProperty("java.security.krb5.conf", realm.krb5Conf().toString());
 * }
 * }</pre>
 *
 * <p>Needs Debian's {@code krb5-kdc}, {@code krb5-admin-server} and {@code krb5-user}
 * ({@code kinit}); without them {@link #start()} skips the test with a JUnit assumption naming
 * the missing packages. Every program runs with {@code KRB5_CONFIG} and {@code KRB5_KDC_PROFILE}
 * pointing into the realm's directory, so the machine's own Kerberos set-up is never read.
 */
public final class KerberosRealm implements AutoCloseable {
    /** The realm's name. */
    public static final String REALM = "TUSK.TEST";

    private static final String KRB5KDC = "/usr/sbin/krb5kdc";
    private static final String KDB5_UTIL = "/usr/sbin/kdb5_util";
    private static final String KADMIN_LOCAL = "/usr/sbin/kadmin.local";
    private static final String KINIT = "/usr/bin/kinit";

    private final Path dir;
    private final int port;
    private final Path log;
    private Process kdc;

    private KerberosRealm(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("realm.log");
    }

    /** Skips the calling test (JUnit assumption) unless the MIT Kerberos programs are installed. */
    public static void assumeInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of(KRB5KDC))) {
            missing.add("krb5-kdc");
        }
        if (!Files.isExecutable(Path.of(KADMIN_LOCAL)) || !Files.isExecutable(Path.of(KDB5_UTIL))) {
            missing.add("krb5-admin-server");
        }
        if (!Files.isExecutable(Path.of(KINIT))) {
            missing.add("krb5-user");
        }
        Assumptions.assumeTrue(missing.isEmpty(), "MIT Kerberos is not installed: apt-get install -y "
                + String.join(" ", missing) + " (Debian packages; .ci/run installs them)");
    }

    /** Creates the realm in a new temporary directory and starts its KDC. */
    public static KerberosRealm start() {
        assumeInstalled();
        try {
            Path dir = Files.createTempDirectory("tusk-krb5-");
            KerberosRealm realm = new KerberosRealm(dir, freePort());
            realm.configure();
            realm.run(KDB5_UTIL, "create", "-s", "-r", REALM, "-P", "tusk-master-key");
            realm.startKdc();
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Kerberos realm", e);
        }
    }

    private void configure() throws IOException {
        Files.writeString(krb5Conf(), String.join("\n",
                "[libdefaults]",
                " default_realm = " + REALM,
                " dns_lookup_realm = false",
                " dns_lookup_kdc = false",
                " dns_canonicalize_hostname = false",
                " rdns = false",
                " udp_preference_limit = 1",
                " kdc_timeout = 10000",
                " max_retries = 1",
                "[realms]",
                " " + REALM + " = {",
                "  kdc = 127.0.0.1:" + port,
                " }",
                "[domain_realm]",
                " localhost = " + REALM,
                " 127.0.0.1 = " + REALM,
                ""));
        Files.writeString(dir.resolve("kdc.conf"), String.join("\n",
                "[kdcdefaults]",
                " kdc_listen = 127.0.0.1:" + port,
                " kdc_tcp_listen = 127.0.0.1:" + port,
                "[realms]",
                " " + REALM + " = {",
                "  database_name = " + dir.resolve("principal"),
                "  key_stash_file = " + dir.resolve("stash"),
                "  acl_file = " + dir.resolve("kadm5.acl"),
                "  max_life = 1h",
                "  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal",
                " }",
                "[logging]",
                " kdc = FILE:" + dir.resolve("kdc.log"),
                ""));
        Files.writeString(dir.resolve("kadm5.acl"), "");
    }

    /** The realm's krb5.conf: give it to the JDK as {@code -Djava.security.krb5.conf}. */
    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    /** The KDC's TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The realm's directory (configuration, database, keytabs, ticket caches, logs). */
    public Path directory() {
        return dir;
    }

    /**
     * Adds a service principal with a random key (as {@code postgres/localhost}) and writes its
     * key to a keytab file, for the server's {@code krb_server_keyfile}.
     */
    public Path addService(String principal) {
        Path keytab = dir.resolve(principal.replace('/', '_') + ".keytab");
        kadmin("addprinc -randkey " + principal);
        kadmin("ktadd -k " + keytab + " " + principal);
        return keytab;
    }

    /** Adds a user principal with a password. */
    public void addUser(String name, String password) {
        kadmin("addprinc -pw " + password + " " + name);
    }

    /** Gets a ticket-granting ticket for {@code name} into a new ticket cache file, and returns the file. */
    public Path kinit(String name, String password) {
        return kinit(name, password, null);
    }

    /**
     * As {@link #kinit(String, String)}, with a ticket lifetime ({@code kinit -l}, e.g. {@code "5s"}), or
     * null for the realm's default.
     */
    public Path kinit(String name, String password, String lifetime) {
        Path cache = dir.resolve("cc-" + name + "-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of(KINIT, "-c", "FILE:" + cache));
        if (lifetime != null) {
            cmd.add("-l");
            cmd.add(lifetime);
        }
        cmd.add(name + "@" + REALM);
        run(cmd, password + "\n");
        return cache;
    }

    /** Stops the KDC (the realm's data stays): clients then get "connection refused" from it. */
    public void stopKdc() {
        if (kdc != null) {
            kdc.destroy();
            try {
                if (!kdc.waitFor(10, TimeUnit.SECONDS)) {
                    kdc.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kdc = null;
        }
    }

    /** Starts the KDC again after {@link #stopKdc()}. */
    public void startKdc() {
        if (kdc != null) {
            return;
        }
        try {
            kdc = builder(List.of(KRB5KDC, "-n", "-P", dir.resolve("kdc.pid").toString())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start krb5kdc", e);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (!kdc.isAlive()) {
                throw new IllegalStateException("krb5kdc exited with code " + kdc.exitValue() + "\n" + FileTree.tail(log, 20)
                        + "\n" + FileTree.tail(dir.resolve("kdc.log"), 20));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                sleep(50);
            }
        }
        throw new IllegalStateException("krb5kdc did not listen on 127.0.0.1:" + port + " within 10 s\n"
                + FileTree.tail(dir.resolve("kdc.log"), 20));
    }

    @Override
    public void close() {
        stopKdc();
        FileTree.deleteQuietly(dir);
    }

    private void kadmin(String query) {
        run(KADMIN_LOCAL, "-r", REALM, "-q", query);
    }

    private void run(String... cmd) {
        run(List.of(cmd), null);
    }

    private void run(List<String> cmd, String input) {
        try {
            Process p = builder(cmd).start();
            try (var in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed with code " + p.exitValue() + ":\n"
                        + FileTree.tail(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ProcessBuilder builder(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KRB5_CONFIG", krb5Conf().toString());
        pb.environment().put("KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString());
        pb.environment().remove("KRB5CCNAME");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
