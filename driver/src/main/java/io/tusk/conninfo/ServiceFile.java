package io.tusk.conninfo;

import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a connection service ({@code service=name}) from the connection service files, as libpq's
 * {@code parseServiceInfo} and {@code parseServiceFile} (PostgreSQL docs, "The Connection Service
 * File").
 *
 * <p>The user's file is {@code servicefile}, else {@code PGSERVICEFILE}, else
 * {@code ~/.pg_service.conf} (skipped if missing; the other two must exist); if the service is not
 * there, {@code $PGSYSCONFDIR/pg_service.conf} is read. A section {@code [name]} holds
 * {@code key=value} lines, taken verbatim to the end of the line; {@code #} starts a comment line.
 * The first value of a key wins, and no value overrides one the connection string set.
 */
final class ServiceFile {

    /**
     * libpq's compiled-in {@code SYSCONFDIR} differs by build; this is Debian's and Ubuntu's, the
     * most common. {@code PGSYSCONFDIR} overrides it.
     */
    static final String DEFAULT_SYSCONFDIR = "/etc/postgresql-common";

    private ServiceFile() {
    }

    /**
     * Adds the parameters of {@code service} to {@code values} where not already set, recording
     * where each came from in {@code sources}; returns the file the service was found in.
     */
    static Path apply(String service, Map<String, String> values, Map<String, String> sources, Environment env) {
        Path userFile;
        boolean mustExist = true;
        if (values.get("servicefile") != null) {
            userFile = Path.of(values.get("servicefile"));
        } else if (env.getenv("PGSERVICEFILE") != null) {
            userFile = Path.of(env.getenv("PGSERVICEFILE"));
        } else {
            userFile = env.homeDirectory() == null ? null : env.homeDirectory().resolve(".pg_service.conf");
            mustExist = false;
        }
        if (userFile != null && (mustExist || env.exists(userFile))
                && read(userFile, service, values, sources, env)) {
            return userFile;
        }
        String sysconfdir = env.getenv("PGSYSCONFDIR");
        if (sysconfdir == null && !env.isWindows()) {
            sysconfdir = DEFAULT_SYSCONFDIR;
        }
        Path systemFile = sysconfdir == null ? null : Path.of(sysconfdir, "pg_service.conf");
        if (systemFile != null && env.exists(systemFile) && read(systemFile, service, values, sources, env)) {
            return systemFile;
        }
        throw new ProgrammingException("definition of service \"" + service + "\" not found (looked in "
                + (userFile == null ? "" : userFile + " and ") + systemFile
                + "): add a [" + service + "] section or set servicefile to the file that has it");
    }

    /** Reads one file; returns whether it has the service's section. */
    private static boolean read(Path file, String service, Map<String, String> values, Map<String, String> sources,
            Environment env) {
        String text;
        try {
            if (!env.exists(file)) {
                throw new ProgrammingException("service file \"" + file + "\" not found");
            }
            text = env.readFile(file);
        } catch (IOException e) {
            throw new OperationalException("could not read service file \"" + file + "\": " + e.getMessage(), e);
        }
        boolean inGroup = false;
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = strip(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (inGroup) {
                    return true; // the section ended; a later one of the same name is not read
                }
                inGroup = line.startsWith("[" + service + "]");
                continue;
            }
            if (!inGroup) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw syntaxError(file, lineNumber, "write key=value");
            }
            String key = line.substring(0, eq);
            if (key.equals("service") || key.equals("servicefile")) {
                throw new ProgrammingException("nested " + key + " specifications not supported in service file \""
                        + file + "\", line " + lineNumber);
            }
            try {
                Params.param(key, "");
            } catch (ProgrammingException e) {
                throw syntaxError(file, lineNumber, e.getMessage());
            }
            if (!values.containsKey(key)) {
                values.put(key, line.substring(eq + 1));
                sources.put(key, "service \"" + service + "\" in " + file);
            }
        }
        return inGroup;
    }

    private static ProgrammingException syntaxError(Path file, int line, String detail) {
        return new ProgrammingException("syntax error in service file \"" + file + "\", line " + line + ": " + detail);
    }

    /** libpq trims C whitespace at both ends of a line, the newline included. */
    private static String strip(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && KeywordValueParser.isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && KeywordValueParser.isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }
}
