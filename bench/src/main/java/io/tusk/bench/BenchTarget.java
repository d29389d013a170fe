package io.tusk.bench;

import io.tusk.Tusk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one PostgreSQL database of a benchmark run, as both drivers (and {@code psql}) reach it:
 * a libpq-style connection target (host, port, dbname, user, password, sslmode).
 *
 * <pre>{@code
 * BenchTarget t = BenchTarget.fromSystemProperties();   // in a JMH fork
 * io.tusk.Connection tusk = t.tusk(true);
 * java.sql.Connection jdbc = t.jdbc("prepareThreshold=-1");
 * }</pre>
 *
 * <p>The launcher ({@link BenchMain}) starts the server and passes the target to every JMH fork
 * as {@code -Dtusk.bench.*} properties, so that a whole run uses one server. TLS is off
 * ({@code sslmode=disable}) unless the server given by {@code TUSK_TEST_PG} asks for it: the
 * benchmarks measure the drivers, not the JDK's TLS, and both drivers would otherwise pick
 * TLS by default ({@code sslmode=prefer}) against the kit's server.
 */
public final class BenchTarget {
    private static final String PREFIX = "tusk.bench.";

    private final String host;
    private final int port;
    private final String dbname;
    private final String user;
    private final String password;
    private final String sslmode;
    /** The run's second database (for {@link XaCycle}'s second branch), or null. */
    private final String dbname2;

    public BenchTarget(String host, int port, String dbname, String user, String password, String sslmode) {
        this(host, port, dbname, user, password, sslmode, null);
    }

    private BenchTarget(String host, int port, String dbname, String user, String password, String sslmode,
                        String dbname2) {
        this.host = host;
        this.port = port;
        this.dbname = dbname;
        this.user = user;
        this.password = password;
        this.sslmode = sslmode == null || sslmode.isBlank() ? "disable" : sslmode;
        this.dbname2 = dbname2;
    }

    /** This target with a second database on the same server, which the launcher passes to the forks too. */
    public BenchTarget withSecondDatabase(String dbname) {
        return new BenchTarget(host, port, this.dbname, user, password, sslmode, dbname);
    }

    /**
     * The run's second database on the same server, same user: the other branch of a two-database
     * XA transaction. Fails with the fix when the launcher did not make one.
     */
    public BenchTarget secondDatabase() {
        if (dbname2 == null) {
            throw new IllegalStateException("no second database (-Dtusk.bench.dbname2): run the benchmarks with "
                    + "bench/run, whose launcher makes it");
        }
        return new BenchTarget(host, port, dbname2, user, password, sslmode, null);
    }

    /** The target the launcher passed to this fork; fails with the fix when run outside {@code bench/run}. */
    public static BenchTarget fromSystemProperties() {
        String host = System.getProperty(PREFIX + "host");
        if (host == null) {
            throw new IllegalStateException("no -Dtusk.bench.host: run the benchmarks with bench/run (or "
                    + "io.tusk.bench.BenchMain), which starts the server and passes it to the JMH forks");
        }
        String passwordFile = System.getProperty(PREFIX + "passwordFile");
        String password = null;
        if (passwordFile != null) {
            try {
                password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the password file " + passwordFile
                        + " that the launcher wrote: " + e.getMessage(), e);
            }
        }
        return new BenchTarget(host, Integer.parseInt(System.getProperty(PREFIX + "port")),
                System.getProperty(PREFIX + "dbname"), System.getProperty(PREFIX + "user"),
                password, System.getProperty(PREFIX + "sslmode"), System.getProperty(PREFIX + "dbname2"));
    }

    /**
     * Reads the target from a {@code key=value} connection string as the testkit makes them
     * (values quoted with single quotes when they hold spaces, libpq 34.1.1.1).
     */
    public static BenchTarget fromConninfo(String conninfo) {
        Map<String, String> kv = parseConninfo(conninfo);
        return new BenchTarget(kv.getOrDefault("host", "127.0.0.1"), Integer.parseInt(kv.getOrDefault("port", "5432")),
                kv.get("dbname"), kv.get("user"), kv.get("password"), kv.get("sslmode"));
    }

    /**
     * The {@code -D} options that hand this target to a JMH fork. JMH prints a fork's options, so
     * a password travels in a file readable by the owner only ({@code passwordDir}), never as an option.
     */
    public List<String> jvmArgs(Path passwordDir) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("-D" + PREFIX + "host=" + host);
        args.add("-D" + PREFIX + "port=" + port);
        args.add("-D" + PREFIX + "dbname=" + dbname);
        args.add("-D" + PREFIX + "user=" + user);
        if (dbname2 != null) {
            args.add("-D" + PREFIX + "dbname2=" + dbname2);
        }
        if (password != null) {
            Files.createDirectories(passwordDir);
            Path file = passwordDir.resolve("bench-password");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            args.add("-D" + PREFIX + "passwordFile=" + file.toAbsolutePath());
        }
        args.add("-D" + PREFIX + "sslmode=" + sslmode);
        return args;
    }

    /** The Tusk connection string. */
    public String conninfo() {
        StringBuilder sb = new StringBuilder();
        sb.append("host=").append(quote(host)).append(" port=").append(port).append(" dbname=").append(quote(dbname))
                .append(" user=").append(quote(user)).append(" sslmode=").append(sslmode);
        if (password != null) {
            sb.append(" password=").append(quote(password));
        }
        return sb.toString();
    }

    /** The pgjdbc URL, with extra {@code key=value} settings such as {@code reWriteBatchedInserts=true}. */
    public String jdbcUrl(String... settings) {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://");
        sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/')
                .append(encode(dbname)).append("?user=").append(encode(user)).append("&sslmode=").append(sslmode);
        if (password != null) {
            sb.append("&password=").append(encode(password));
        }
        for (String s : settings) {
            sb.append('&').append(s);
        }
        return sb.toString();
    }

    /** The same URL for Tusk's JDBC face ({@code jdbc:tusk:}): only the driver differs. */
    public String tuskJdbcUrl(String... settings) {
        return "jdbc:tusk:" + jdbcUrl(settings).substring("jdbc:postgresql:".length());
    }

    /** A new connection through Tusk's JDBC face with the given URL settings. */
    public java.sql.Connection tuskJdbc(boolean autocommit, String... settings) {
        try {
            java.sql.Connection conn = DriverManager.getConnection(tuskJdbcUrl(settings));
            conn.setAutoCommit(autocommit);
            return conn;
        } catch (SQLException e) {
            throw new IllegalStateException("Tusk's JDBC face could not connect to " + host + ":" + port + "/" + dbname
                    + ": " + e.getMessage(), e);
        }
    }

    /** A new Tusk connection. */
    public io.tusk.Connection tusk(boolean autocommit) {
        io.tusk.Connection conn = Tusk.connect(conninfo());
        conn.setAutocommit(autocommit);
        return conn;
    }

    /** A new pgjdbc connection with the given URL settings. */
    public java.sql.Connection jdbc(boolean autocommit, String... settings) {
        try {
            java.sql.Connection conn = DriverManager.getConnection(jdbcUrl(settings));
            conn.setAutoCommit(autocommit);
            return conn;
        } catch (SQLException e) {
            throw new IllegalStateException("pgjdbc could not connect to " + host + ":" + port + "/" + dbname
                    + ": " + e.getMessage(), e);
        }
    }

    /** The environment that points {@code psql} at this target (PGHOST, PGPORT, ...). */
    public Map<String, String> libpqEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGDATABASE", dbname);
        env.put("PGUSER", user);
        env.put("PGSSLMODE", sslmode);
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        return env;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String dbname() {
        return dbname;
    }

    public String user() {
        return user;
    }

    /** The password, or null; for drivers configured by options rather than a connection string (vertx). */
    String password() {
        return password;
    }

    public String sslmode() {
        return sslmode;
    }

    @Override
    public String toString() {
        // No password here: this is printed.
        return user + "@" + host + ":" + port + "/" + dbname + " (sslmode=" + sslmode + ")";
    }

    static Map<String, String> parseConninfo(String s) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (i >= n || eq < 0) {
                break;
            }
            String key = s.substring(i, eq).strip();
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                for (i++; i < n && s.charAt(i) != '\''; i++) {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = s.charAt(++i);
                    }
                    v.append(c);
                }
                i++;
            } else {
                for (; i < n && !Character.isWhitespace(s.charAt(i)); i++) {
                    v.append(s.charAt(i));
                }
            }
            kv.put(key, v.toString());
        }
        return kv;
    }

    private static String quote(String v) {
        if (!v.isEmpty() && v.chars().noneMatch(c -> c == '\'' || c == '\\' || Character.isWhitespace(c))) {
            return v;
        }
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
