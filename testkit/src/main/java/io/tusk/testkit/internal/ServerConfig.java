package io.tusk.testkit.internal;

import io.tusk.testkit.PgUsers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration files of the embedded server: the lines appended to {@code postgresql.conf}
 * and the whole {@code pg_hba.conf}.
 *
 * <p>Example: {@code ServerConfig.hba(true)} gives the rules for 127.0.0.1, ::1 and the Unix socket.
 *
 * <p>The server is set up as a production server is (TLS, SCRAM, prepared transactions), except
 * for durability, which tests do not need: {@code fsync} and {@code synchronous_commit} are off.
 */
public final class ServerConfig {
    /**
     * Longest socket file path we accept: {@code sun_path} holds 108 bytes on Linux, and PostgreSQL
     * PostgreSQL refuses longer paths.
     */
    static final int MAX_SOCKET_PATH = 100;

    private ServerConfig() {
    }

    /**
     * The settings appended to {@code postgresql.conf}, so that ALTER SYSTEM can still override
     * them. The port is given on the command line instead: it may change between start attempts.
     */
    public static String settings(boolean ipv6, Path socketDir, TlsFiles tls, Path hbaFile) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("# --- written by tusk-testkit ---");
        lines.add("listen_addresses = '" + (ipv6 ? "127.0.0.1,::1" : "127.0.0.1") + "'");
        lines.add("unix_socket_directories = " + quote(socketDir.toString()));
        // 200 connections of one test (the driver's AsyncScaleIT) next to the admin's and those other tests leave open.
        lines.add("max_connections = 300");
        lines.add("max_prepared_transactions = 64");
        lines.add("password_encryption = 'scram-sha-256'");
        lines.add("hba_file = " + quote(hbaFile.toString()));
        lines.add("ssl = on");
        lines.add("ssl_cert_file = " + quote(tls.serverCert().toString()));
        lines.add("ssl_key_file = " + quote(tls.serverKey().toString()));
        lines.add("ssl_ca_file = " + quote(tls.caFile().toString()));
        lines.add("# Tests need no durability: see \"Non-Durable Settings\" in the PostgreSQL documentation.");
        lines.add("fsync = off");
        lines.add("synchronous_commit = off");
        lines.add("full_page_writes = off");
        lines.add("logging_collector = off");
        lines.add("log_line_prefix = '%m [%p] %q%u@%d '");
        return String.join("\n", lines) + "\n";
    }

    /**
     * The client authentication rules. The first matching line decides (PostgreSQL documentation,
     * "The pg_hba.conf File"), so each kit role gets its own lines before the catch-all ones;
     * {@code host} matches both TLS and plain TCP, {@code hostssl}/{@code hostnossl} only one of them.
     */
    public static String hba(boolean ipv6) {
        List<String> addresses = ipv6 ? List.of("127.0.0.1/32", "::1/128") : List.of("127.0.0.1/32");
        List<String> lines = new ArrayList<>();
        lines.add("# TYPE     DATABASE     USER           ADDRESS         METHOD  -- written by tusk-testkit");
        rule(lines, addresses, "local", "host", PgUsers.ADMIN, "trust", "all");
        rule(lines, addresses, "local", "host", PgUsers.ADMIN, "trust", "replication");
        rule(lines, addresses, "local", "host", PgUsers.TRUST, "trust", "all");
        rule(lines, addresses, "local", "host", PgUsers.SCRAM, "scram-sha-256", "all");
        rule(lines, addresses, "local", "host", PgUsers.MD5, "md5", "all");
        rule(lines, addresses, "local", "host", PgUsers.CLEARTEXT, "password", "all");
        // tusk_ssl: TLS only; plain TCP and the socket are refused explicitly rather than by the catch-all.
        rule(lines, addresses, "local", "hostnossl", PgUsers.SSL, "reject", "all");
        rule(lines, addresses, null, "hostssl", PgUsers.SSL, "scram-sha-256", "all");
        rule(lines, addresses, "local", "hostnossl", PgUsers.CERT, "reject", "all");
        rule(lines, addresses, null, "hostssl", PgUsers.CERT, "cert clientcert=verify-full", "all");
        // Roles that tests create themselves log in with SCRAM, the server default.
        rule(lines, addresses, "local", "host", "all", "scram-sha-256", "all");
        return String.join("\n", lines) + "\n";
    }

    private static void rule(List<String> lines, List<String> addresses, String local, String tcp, String user,
            String method, String database) {
        if (local != null) {
            lines.add(String.format("%-10s %-12s %-14s %-15s %s", local, database, user, "", method));
        }
        for (String address : addresses) {
            lines.add(String.format("%-10s %-12s %-14s %-15s %s", tcp, database, user, address, method));
        }
    }

    /**
     * Whether this host can listen on the IPv6 loopback address {@code ::1} (containers often have
     * IPv6 disabled, and then {@code listen_addresses} must not name it).
     */
    public static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return s.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The directory for the Unix socket: {@code preferred} when the socket path fits in
     * {@code sun_path}, otherwise a new short directory under /tmp (and {@code fallback} is true).
     */
    public static SocketDir socketDir(Path preferred) throws IOException {
        String socketFile = preferred.toAbsolutePath() + "/.s.PGSQL.65535";
        if (socketFile.getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            Files.createDirectories(preferred);
            return new SocketDir(preferred.toAbsolutePath(), false);
        }
        return new SocketDir(Files.createTempDirectory(Path.of("/tmp"), "tusk-pg-"), true);
    }

    /** A chosen Unix socket directory; {@code temporary} when it had to move to /tmp. */
    public record SocketDir(Path path, boolean temporary) {
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
