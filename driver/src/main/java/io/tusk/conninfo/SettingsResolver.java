package io.tusk.conninfo;

import io.tusk.errors.ProgrammingException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Conninfo} into {@link ConnectionSettings} with libpq's precedence: the
 * connection string, then the service file entries, then the {@code PG*} environment variables,
 * then the defaults ({@code conninfo_add_defaults} followed by {@code pqConnectOptions2}).
 *
 * <p>A key present in the string blocks the lower layers even when its value is empty, as in
 * libpq ({@code host=''} ignores {@code PGHOST}). Every value is checked once it is known, and an
 * error names where a bad value came from.
 */
final class SettingsResolver {

    private static final String EXPLICIT = "the connection string";

    final Environment env;
    final Map<String, String> values;
    final Map<String, String> sources = new HashMap<>();
    final List<String> warnings = new ArrayList<>();
    Path serviceFile;

    private SettingsResolver(Conninfo conninfo, Environment env) {
        this.env = env;
        this.values = new LinkedHashMap<>(conninfo.asMap());
        values.keySet().forEach(key -> sources.put(key, EXPLICIT));
    }

    static ConnectionSettings resolve(Conninfo conninfo, Environment env) {
        SettingsResolver resolver = new SettingsResolver(conninfo, env);
        resolver.addService();
        resolver.addEnvironment();
        resolver.checkValues();
        return new ConnectionSettings(resolver);
    }

    private void addService() {
        String service = values.containsKey("service") ? values.get("service") : env.getenv("PGSERVICE");
        if (service != null && !service.isEmpty()) {
            serviceFile = ServiceFile.apply(service, values, sources, env);
        }
    }

    private void addEnvironment() {
        for (Params.Param param : Params.all()) {
            if (param.envVar() != null && !values.containsKey(param.name())) {
                String value = env.getenv(param.envVar());
                if (value != null) {
                    values.put(param.name(), value);
                    sources.put(param.name(), "the environment variable " + param.envVar());
                }
            }
        }
    }

    /** Values from the string were checked by {@link Conninfo}; the others are checked here, naming their source. */
    private void checkValues() {
        values.forEach((key, value) -> {
            if (!EXPLICIT.equals(sources.get(key))) {
                try {
                    Params.check(key, value, "");
                } catch (ProgrammingException e) {
                    throw new ProgrammingException(e.getMessage() + ", set by " + sources.get(key), e);
                }
            }
        });
    }

    // ---- helpers for ConnectionSettings: each applies one libpq default ----

    /** A value, with empty meaning "not set" (libpq tests {@code val[0] != '\0'} for these). */
    String nonEmpty(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    String user() {
        String user = nonEmpty("user");
        if (user == null) {
            user = env.userName();
        }
        if (user == null || user.isEmpty()) {
            throw new ProgrammingException("could not determine the user name to connect as:"
                    + " set user in the connection string or the PGUSER environment variable");
        }
        return user;
    }

    /** connect_timeout: zero or less waits for ever, and 1 second is raised to libpq's minimum of 2. */
    Duration connectTimeout() {
        String value = values.get("connect_timeout");
        if (value == null) {
            return null;
        }
        int seconds = Params.parseInt("connect_timeout", value);
        return seconds <= 0 ? null : Duration.ofSeconds(Math.max(seconds, 2));
    }

    /** An integer parameter clamped at 0 as libpq's {@code setKeepalives*}, or null when unset. */
    Integer nonNegativeInt(String key) {
        String value = values.get(key);
        return value == null ? null : Math.max(0, Params.parseInt(key, value));
    }

    SslMode sslMode(boolean systemRoots) {
        String value = values.get("sslmode");
        SslMode mode = value != null ? SslMode.of(value) : systemRoots ? SslMode.VERIFY_FULL : SslMode.PREFER;
        if (systemRoots && mode != SslMode.VERIFY_FULL) {
            throw new ProgrammingException("weak sslmode \"" + mode.value()
                    + "\" may not be used with sslrootcert=system (use \"verify-full\")");
        }
        return mode;
    }

    SslNegotiation sslNegotiation(SslMode mode) {
        String value = values.get("sslnegotiation");
        SslNegotiation negotiation = value == null ? SslNegotiation.POSTGRES : SslNegotiation.of(value);
        if (negotiation == SslNegotiation.DIRECT && !mode.requiresEncryption()) {
            throw new ProgrammingException("weak sslmode \"" + mode.value() + "\" may not be used with"
                    + " sslnegotiation=direct (use \"require\", \"verify-ca\", or \"verify-full\")");
        }
        return negotiation;
    }

    GssEncMode gssEncMode() {
        String value = values.get("gssencmode");
        return value == null ? GssEncMode.PREFER : GssEncMode.of(value);
    }

    int[] protocolRange() {
        String min = values.get("min_protocol_version");
        String max = values.get("max_protocol_version");
        int low = min == null ? ProtocolVersions.V3_0 : ProtocolVersions.parse("min_protocol_version", min);
        // libpq 18 asks for 3.0 by default, for old servers and poolers that cannot negotiate,
        // unless the minimum is above it.
        int high = max != null ? ProtocolVersions.parse("max_protocol_version", max)
                : low > ProtocolVersions.V3_0 ? ProtocolVersions.LATEST : ProtocolVersions.V3_0;
        if (low > high) {
            throw new ProgrammingException("min_protocol_version " + ProtocolVersions.format(low)
                    + " is greater than max_protocol_version " + ProtocolVersions.format(high));
        }
        return new int[] {low, high};
    }

    String[] tlsRange() {
        String min = values.getOrDefault("ssl_min_protocol_version", "TLSv1.2");
        String max = nonEmpty("ssl_max_protocol_version");
        if (!min.isEmpty() && max != null && Params.tlsVersionRank(min) > Params.tlsVersionRank(max)) {
            throw new ProgrammingException("invalid SSL protocol version range: ssl_min_protocol_version "
                    + min + " is above ssl_max_protocol_version " + max);
        }
        return new String[] {min.isEmpty() ? null : min, max};
    }

    /** libpq's user-file directory for TLS files: {@code ~/.postgresql}, or {@code %APPDATA%\postgresql}. */
    Path sslDirectory() {
        Path home = env.homeDirectory();
        return home == null ? null : env.isWindows() ? home : home.resolve(".postgresql");
    }

    /** An explicit path, else {@code <sslDirectory>/<name>} if that file exists, else null. */
    Path sslFile(String key, String defaultName) {
        String value = nonEmpty(key);
        if (value != null) {
            return Path.of(value);
        }
        Path dir = sslDirectory();
        if (dir == null || defaultName == null) {
            return null;
        }
        Path file = dir.resolve(defaultName);
        return env.exists(file) ? file : null;
    }

    /** passfile, else {@code ~/.pgpass} ({@code %APPDATA%\postgresql\pgpass.conf} on Windows). */
    Path passfile() {
        String value = nonEmpty("passfile");
        if (value != null) {
            return Path.of(value);
        }
        Path home = env.homeDirectory();
        return home == null ? null : home.resolve(env.isWindows() ? "pgpass.conf" : ".pgpass");
    }

    /** client_encoding, UTF8 when unset; libpq's {@code auto} follows the locale, which Java strings do not need. */
    String clientEncoding() {
        String value = nonEmpty("client_encoding");
        return value == null || value.equals("auto") ? "UTF8" : value;
    }
}
