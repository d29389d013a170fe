package io.tusk.testkit.internal;

import java.nio.file.Path;

/**
 * Decides which PostgreSQL the tests use: an existing server ({@code TUSK_TEST_PG} or
 * {@code -Dtusk.test.pg}), a container ({@code -Dtusk.pg=docker}) or the embedded one (default).
 *
 * <p>Example: {@code TUSK_TEST_PG="host=db port=5432 user=ci password=..." mvn verify}.
 */
public final class ServerLocator {
    private ServerLocator() {
    }

    /** Starts or finds the server as the environment and system properties say. */
    public static ServerHandle locate() {
        String conninfo = System.getProperty("tusk.test.pg");
        if (conninfo == null || conninfo.isBlank()) {
            conninfo = System.getenv("TUSK_TEST_PG");
        }
        if (conninfo != null && !conninfo.isBlank()) {
            return existing(conninfo);
        }
        String major = System.getProperty("tusk.pg.version");
        String mode = System.getProperty("tusk.pg", "embedded").strip();
        switch (mode) {
            case "docker":
                return DockerServer.start(major);
            case "embedded":
            case "":
                return EmbeddedServer.start(Path.of(System.getProperty("tusk.pg.workdir", "target/tusk-pg")), major);
            default:
                throw new IllegalStateException("-Dtusk.pg=" + mode + " is not known: use 'embedded' (the default) or "
                        + "'docker', or set TUSK_TEST_PG to the connection string of an existing server");
        }
    }

    /** A handle on an existing server; the connection string's user administers it. */
    public static ServerHandle existing(String conninfo) {
        ConnInfo ci;
        try {
            ci = ConnInfo.parse(conninfo);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TUSK_TEST_PG / tusk.test.pg is not a valid connection string: "
                    + e.getMessage(), e);
        }
        if (ci.isUnixSocket()) {
            throw new IllegalStateException("TUSK_TEST_PG names a Unix-socket directory (host=" + ci.host() + "), but "
                    + "the kit administers the server over TCP: give a TCP host and port");
        }
        return new ServerHandle(ServerHandle.Kind.EXISTING, ci.host(), ci.port(), ci.user(), ci.password(),
                ci.sslmode(), ci.dbname(), null, null, null, () -> { });
    }
}
