package io.tusk.internal.osgi;

import io.tusk.conninfo.Conninfo;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One factory configuration of PID {@code io.tusk.connection}, read: the connection-string
 * parameters (libpq's key words, as psycopg's {@code connect(**kwargs)}), the pool settings and
 * the service name.
 *
 * <pre>
 * # etc/io.tusk.connection-app.cfg
 * name = app
 * host = db.example.com
 * dbname = app
 * user = app
 * password = secret
 * pool.max_size = 10
 * </pre>
 *
 * <p>Keys are: every key word of {@link Conninfo#keys()}; {@code conninfo}, a whole connection
 * string the other keys override; {@code name}, the service's and pool's name (default: the
 * configuration's PID); {@code pool.*}, the pool settings (durations in seconds); {@code xa}
 * ({@code true}/{@code false}, default {@code true}), whether an XA connection source is published
 * too when the {@code io.tusk.xa} bundle is there. Other keys holding a dot ({@code service.pid},
 * {@code felix.fileinstall.filename}) belong to the framework and are ignored; any other key is a
 * mistake and is reported. {@link #toString()} never shows the password.
 */
public record ConnectionConfig(String pid, String name, String baseConninfo, Map<String, String> params,
                               PoolSettings pool, boolean xa) {

    /** The factory PID. */
    public static final String FACTORY_PID = "io.tusk.connection";

    /**
     * Pool settings; {@code null} means the pool's default. {@code check}: run
     * {@link io.tusk.pool.ConnectionPool#checkConnection} on each connection before lending it
     * (psycopg_pool's {@code check} callback), so a connection the server dropped (a restart) is
     * replaced instead of failing the first request.
     */
    public record PoolSettings(Integer minSize, Integer maxSize, Duration timeout, Integer maxWaiting,
                               Duration maxLifetime, Duration maxIdle, Duration reconnectTimeout, boolean check) {
    }

    private static final List<String> POOL_KEYS = List.of("pool.min_size", "pool.max_size", "pool.timeout",
            "pool.max_waiting", "pool.max_lifetime", "pool.max_idle", "pool.reconnect_timeout", "pool.check");

    /** Connection parameters that may go into service properties: never a secret. */
    private static final Set<String> PUBLIC_PARAMS = Set.of("host", "hostaddr", "port", "dbname", "user",
            "application_name");

    public ConnectionConfig {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Reads a configuration's properties.
     *
     * @throws IllegalArgumentException naming the key that is unknown or has a bad value
     */
    public static ConnectionConfig from(String pid, Dictionary<String, ?> properties) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> poolValues = new LinkedHashMap<>();
        String name = pid;
        String base = "";
        boolean xa = true;
        List<String> known = Conninfo.keys();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            Object raw = properties.get(key);
            if (raw == null) {
                continue;
            }
            String value = text(raw);
            if (key.equals("name")) {
                name = value;
            } else if (key.equals("conninfo")) {
                base = value;
            } else if (key.equals("xa")) {
                xa = bool(key, value);
            } else if (key.startsWith("pool.")) {
                if (!POOL_KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown key '" + key + "' in configuration " + pid
                            + ": the pool keys are " + String.join(", ", POOL_KEYS));
                }
                poolValues.put(key, value);
            } else if (key.indexOf('.') >= 0) {
                continue; // service.pid, service.factoryPid, felix.fileinstall.filename, ...
            } else if (known.contains(key)) {
                params.put(key, value);
            } else {
                throw new IllegalArgumentException("unknown key '" + key + "' in configuration " + pid
                        + ": use a connection-string key word (host, port, dbname, user, password, sslmode, ...),"
                        + " conninfo, name, xa or pool.*");
            }
        }
        // Let the driver check the parameters now, so a bad value is reported against this
        // configuration rather than at the first connection attempt.
        try {
            Conninfo.make(base, params);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad connection parameters in configuration " + pid + ": "
                    + e.getMessage(), e);
        }
        PoolSettings pool = new PoolSettings(integer(poolValues, "pool.min_size"), integer(poolValues, "pool.max_size"),
                seconds(poolValues, "pool.timeout"), integer(poolValues, "pool.max_waiting"),
                seconds(poolValues, "pool.max_lifetime"), seconds(poolValues, "pool.max_idle"),
                seconds(poolValues, "pool.reconnect_timeout"),
                poolValues.containsKey("pool.check") && bool("pool.check", poolValues.get("pool.check")));
        return new ConnectionConfig(pid, name, base, params, pool, xa);
    }

    /** The key an error of {@link #from} names ({@code key 'pool.max_size' must be ...}), or null. */
    static String badKey(IllegalArgumentException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("key '([^']+)'").matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }

    /** The connection string with every parameter, password included: give it to the driver only. */
    public String conninfo() {
        return Conninfo.make(baseConninfo, params);
    }

    /**
     * The properties of the published services: {@code name}, {@code tusk.pid} and the
     * parameters that are not secret ({@code host}, {@code port}, {@code dbname}, {@code user},
     * ...), so that a bundle can select a service with a filter such as {@code (name=app)}.
     */
    public Hashtable<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("tusk.pid", pid);
        Conninfo all = Conninfo.parse(conninfo());
        for (String key : PUBLIC_PARAMS) {
            String value = all.get(key);
            if (value != null) {
                props.put(key, value);
            }
        }
        return props;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(params);
        shown.replaceAll((k, v) -> k.equals("password") ? "***" : v);
        return "ConnectionConfig[pid=" + pid + ", name=" + name + ", params=" + shown
                + (baseConninfo.isEmpty() ? "" : ", conninfo=(set)") + ", pool=" + pool + ", xa=" + xa + "]";
    }

    private static String text(Object raw) {
        if (raw instanceof char[] chars) {
            return new String(chars);
        }
        return raw.toString();
    }

    private static boolean bool(String key, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("key '" + key + "' must be true or false, not '" + value + "'");
        };
    }

    private static Integer integer(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key '" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    private static Duration seconds(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key '" + key + "' must be a number of seconds, not '" + value + "'");
        }
    }
}
