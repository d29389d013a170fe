package io.tusk.testkit.internal;

import java.nio.file.Path;

/**
 * What the kit knows about the server tests run against, however it was obtained: where it
 * listens, how the kit logs in as administrator, and (for the embedded server) its files.
 *
 * <p>Example: {@code new ServerHandle(Kind.EXISTING, "db", 5432, "ci", "pw", null, "ci", null, null, null, () -> {})}.
 */
public final class ServerHandle {
    /** Where the server came from. */
    public enum Kind {
        /** Started by the kit from the embedded binaries, with the standard users and TLS. */
        EMBEDDED,
        /** An existing server named by TUSK_TEST_PG / tusk.test.pg. */
        EXISTING,
        /** A Testcontainers PostgreSQL container. */
        DOCKER
    }

    private final Kind kind;
    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final String sslmode;
    private final String sharedDb;
    private final Path socketDir;
    private final TlsFiles tls;
    private final Path logFile;
    private final Runnable stop;

    public ServerHandle(Kind kind, String host, int port, String adminUser, String adminPassword, String sslmode,
            String sharedDb, Path socketDir, TlsFiles tls, Path logFile, Runnable stop) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.sslmode = sslmode;
        this.sharedDb = sharedDb;
        this.socketDir = socketDir;
        this.tls = tls;
        this.logFile = logFile;
        this.stop = stop;
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String adminUser() {
        return adminUser;
    }

    /** The administrator's password, or null. */
    public String adminPassword() {
        return adminPassword;
    }

    /** The sslmode the administrator connects with, or null for the client default. */
    public String sslmode() {
        return sslmode;
    }

    public String sharedDb() {
        return sharedDb;
    }

    /** The Unix socket directory, or null when unknown. */
    public Path socketDir() {
        return socketDir;
    }

    /** The TLS files, or null when the kit did not make the server's certificates. */
    public TlsFiles tls() {
        return tls;
    }

    /** The server log, or null when the kit cannot read it. */
    public Path logFile() {
        return logFile;
    }

    /** Stops the server if the kit started it. */
    public void stop() {
        stop.run();
    }

    @Override
    public String toString() {
        return kind + " " + adminUser + "@" + host + ":" + port + "/" + sharedDb;
    }
}
