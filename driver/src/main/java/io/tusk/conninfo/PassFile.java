package io.tusk.conninfo;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The password file ({@code ~/.pgpass}, {@code passfile}, {@code PGPASSFILE}), read and matched as
 * libpq's {@code passwordFromFile} and {@code pwdfMatchesString} (PostgreSQL docs, "The Password
 * File").
 *
 * <p>Each line is {@code hostname:port:database:username:password}; a field of just {@code *}
 * matches anything, {@code \:} and {@code \\} stand for {@code :} and {@code \}, lines starting
 * with {@code #} are comments, and the first matching line wins. On POSIX systems a file that is
 * not a regular file, or that the group or others may access, is ignored with a warning, so that
 * a password left readable by others is not used.
 */
final class PassFile {

    static final PassFile NONE = new PassFile(null, List.of());

    private static final Set<PosixFilePermission> GROUP_OR_WORLD = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final List<String> lines;

    private PassFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * Reads the file, or returns {@link #NONE} when it is missing (silently, as libpq) or unsafe or
     * unreadable (adding a warning for the driver to log).
     */
    static PassFile load(Path file, Environment env, List<String> warnings) {
        if (file == null || !env.exists(file)) {
            return NONE;
        }
        try {
            if (!env.isWindows()) {
                if (!env.isRegularFile(file)) {
                    warnings.add("password file \"" + file + "\" is not a plain file");
                    return NONE;
                }
                Optional<Set<PosixFilePermission>> permissions = env.posixPermissions(file);
                if (permissions.isPresent() && permissions.get().stream().anyMatch(GROUP_OR_WORLD::contains)) {
                    warnings.add("password file \"" + file + "\" has group or world access;"
                            + " permissions should be u=rw (0600) or less");
                    return NONE;
                }
            }
            List<String> lines = new ArrayList<>();
            for (String line : env.readFile(file).split("\n", -1)) {
                lines.add(stripCrLf(line));
            }
            return new PassFile(file, List.copyOf(lines));
        } catch (IOException e) {
            warnings.add("could not read password file \"" + file + "\": " + e.getMessage());
            return NONE;
        }
    }

    /** The file read, or {@code null} for {@link #NONE}. */
    Path file() {
        return file;
    }

    /** The password of the first line matching all four fields; libpq needs a database and a user name to look. */
    Optional<String> lookup(String host, int port, String database, String user) {
        if (database == null || database.isEmpty() || user == null || user.isEmpty()) {
            return Optional.empty();
        }
        String portText = Integer.toString(port);
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int at = match(line, 0, host);
            at = match(line, at, portText);
            at = match(line, at, database);
            at = match(line, at, user);
            if (at >= 0) {
                return Optional.of(unescape(line, at));
            }
        }
        return Optional.empty();
    }

    /**
     * Matches one field starting at {@code from} against {@code token}; returns where the next
     * field starts, or -1. A lone {@code *} matches anything; {@code \} escapes the next character.
     */
    private static int match(String line, int from, String token) {
        if (from < 0) {
            return -1;
        }
        if (line.startsWith("*:", from)) {
            return from + 2;
        }
        int i = from;
        int k = 0;
        while (i < line.length()) {
            boolean escaped = false;
            if (line.charAt(i) == '\\') {
                i++;
                escaped = true;
                if (i == line.length()) {
                    return -1; // a trailing backslash escapes nothing a token could match
                }
            }
            char c = line.charAt(i);
            if (c == ':' && !escaped && k == token.length()) {
                return i + 1;
            }
            if (k == token.length() || c != token.charAt(k)) {
                return -1;
            }
            i++;
            k++;
        }
        return -1; // the line ended before this field did
    }

    /** The password field: up to the next unescaped {@code :} or the end, escapes removed. */
    private static String unescape(String line, int from) {
        StringBuilder password = new StringBuilder();
        for (int i = from; i < line.length() && line.charAt(i) != ':'; i++) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                i++;
            }
            password.append(line.charAt(i));
        }
        return password.toString();
    }

    /** libpq's {@code pg_strip_crlf}: trailing carriage returns and newlines go. */
    private static String stripCrLf(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }
}
