package io.tusk.conninfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What libpq reads from the process around a connection string: the {@code PG*} environment
 * variables, the operating-system user name, the home directory, and files ({@code ~/.pgpass},
 * service files, the Unix-socket probe). {@link Conninfo#resolve(Environment)} reads only through
 * this interface, so a test can stand in for the process:
 *
 * <pre>{@code
 * Environment env = Environment.builder()
 *         .variable("PGHOST", "db.example.com")
 *         .userName("alice")
 *         .homeDirectory(tempDir)
 *         .socketProbe(path -> path.toString().equals("/tmp/.s.PGSQL.5432"))
 *         .build();
 * ConnectionSettings settings = Conninfo.parse("dbname=app").resolve(env);
 * }</pre>
 *
 * <p>File access has default methods over {@code java.nio.file}; an implementation overrides them
 * only to fake files.
 */
public interface Environment {

    /** The value of an environment variable, or {@code null} when it is not set. */
    String getenv(String name);

    /**
     * The operating-system user name, libpq's default {@code user}; {@code null} when it cannot
     * be known.
     */
    String userName();

    /**
     * The directory libpq reads user files from, or {@code null}: {@code $HOME} (else the user's
     * home) on POSIX, {@code %APPDATA%\postgresql} on Windows.
     */
    Path homeDirectory();

    /**
     * Whether to follow libpq's Windows conventions: {@code pgpass.conf} instead of
     * {@code .pgpass}, certificates directly in {@link #homeDirectory()}, no Unix sockets, no
     * permission check of the password file.
     */
    default boolean isWindows() {
        return false;
    }

    /**
     * Whether a PostgreSQL Unix-domain socket file exists, to choose the default host: Tusk, unlike
     * libpq (whose default socket directory is fixed when it is compiled), probes
     * {@code /var/run/postgresql} and then {@code /tmp}.
     */
    default boolean socketExists(Path socketFile) {
        return Files.exists(socketFile);
    }

    /** Whether a file exists (following links). */
    default boolean exists(Path file) {
        return Files.exists(file);
    }

    /** Whether a file is a regular file (following links). */
    default boolean isRegularFile(Path file) {
        return Files.isRegularFile(file);
    }

    /** The POSIX permissions of a file; empty where the file system has none (Windows). */
    default Optional<Set<PosixFilePermission>> posixPermissions(Path file) throws IOException {
        try {
            return Optional.of(Files.getPosixFilePermissions(file));
        } catch (UnsupportedOperationException notPosix) {
            return Optional.empty();
        }
    }

    /** The text of a file, read as UTF-8 (malformed bytes replaced, as a C program would pass them). */
    default String readFile(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** The running process: {@link System#getenv}, {@code user.name}, {@code $HOME} or {@code user.home}. */
    static Environment system() {
        return SystemEnvironment.INSTANCE;
    }

    /**
     * A builder for a made-up environment, for tests and for embedding applications that must
     * not read the process's variables: no variables, no user name, no home directory, no Unix
     * socket and POSIX conventions until told otherwise. Files are read from the real file system.
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Environment} from explicit values; see {@link Environment#builder()}. */
    final class Builder {
        private final Map<String, String> variables = new HashMap<>();
        private String userName;
        private Path homeDirectory;
        private boolean windows;
        private Predicate<Path> socketProbe = path -> false;

        private Builder() {
        }

        /** Sets one environment variable. */
        public Builder variable(String name, String value) {
            variables.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Sets several environment variables. */
        public Builder variables(Map<String, String> values) {
            values.forEach(this::variable);
            return this;
        }

        /** Sets the operating-system user name. */
        public Builder userName(String name) {
            this.userName = name;
            return this;
        }

        /** Sets the home directory user files are read from. */
        public Builder homeDirectory(Path directory) {
            this.homeDirectory = directory;
            return this;
        }

        /** Chooses libpq's Windows conventions (see {@link Environment#isWindows()}). */
        public Builder windows(boolean value) {
            this.windows = value;
            return this;
        }

        /** Tells which socket files exist, e.g. {@code p -> p.startsWith("/tmp")}. */
        public Builder socketProbe(Predicate<Path> probe) {
            this.socketProbe = Objects.requireNonNull(probe);
            return this;
        }

        public Environment build() {
            return new BuiltEnvironment(Map.copyOf(variables), userName, homeDirectory, windows, socketProbe);
        }
    }
}
