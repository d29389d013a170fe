package io.tusk.jdbc;

import io.tusk.jdbc.internal.DataSourceUrl;
import io.tusk.jdbc.internal.JdbcConnection;
import io.tusk.jdbc.internal.JdbcConnector;
import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import javax.sql.CommonDataSource;

/**
 * The bean properties Tusk's data sources share, named as pgjdbc's {@code BaseDataSource}
 * ({@code serverNames}, {@code portNumbers}, {@code databaseName}, {@code user},
 * {@code password}, {@code url}, {@code sslMode}, ...), so that a container or a pool configures
 * {@link TuskDataSource}, {@link TuskConnectionPoolDataSource} and {@link TuskXADataSource} as it
 * configures pgjdbc's.
 *
 * <pre>{@code
 * TuskDataSource ds = new TuskDataSource();
 * ds.setServerNames(new String[] {"db1", "db2"});   // tried in order, as libpq's host=db1,db2
 * ds.setPortNumbers(new int[] {5432});               // one port for every host, or one per host
 * ds.setDatabaseName("app");
 * ds.setUser("app");
 * ds.setPassword(secret);
 * ds.setSslMode("verify-full");
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 *
 * <p>Every property not held in a field of its own ({@code sslMode}, {@code applicationName},
 * ..., and anything given to {@link #setProperty}) is handed to the driver as a connection
 * property under pgjdbc's name, exactly as the same key in a {@code jdbc:tusk:} URL's query.
 * No server name means the libpq environment ({@code PGHOST}, the service file), not
 * {@code localhost}. The password is never shown by {@link #toString()}, {@link #getUrl()} or
 * {@link #getReference()}.
 */
public abstract class TuskBaseDataSource implements CommonDataSource, Referenceable, Serializable {
    private static final long serialVersionUID = 1L;

    private String[] serverNames = new String[0];
    private int[] portNumbers = new int[0];
    private String databaseName;
    private String user;
    private String password;
    /** The other connection properties, by pgjdbc's name, in the order set. */
    private final LinkedHashMap<String, String> properties = new LinkedHashMap<>();
    private transient PrintWriter logWriter;

    /** A short description of this kind of data source (JDBC's {@code description} property). */
    public abstract String getDescription();

    // ---------------------------------------------------------------- where

    /** The hosts tried in order (libpq's {@code host=a,b}); empty means the libpq environment. */
    public synchronized String[] getServerNames() {
        return serverNames.clone();
    }

    public synchronized void setServerNames(String[] serverNames) {
        List<String> out = new ArrayList<>();
        if (serverNames != null) {
            for (String s : serverNames) {
                if (s != null && !s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        this.serverNames = out.toArray(new String[0]);
    }

    /** The first server name, or null when none is set. */
    public synchronized String getServerName() {
        return serverNames.length == 0 ? null : serverNames[0];
    }

    /** One host, or several separated by commas ({@code "db1,db2"}). */
    public void setServerName(String serverName) {
        setServerNames(serverName == null ? null : serverName.split(","));
    }

    /** One port for every server, or one per server; empty (or 0) means the default port. */
    public synchronized int[] getPortNumbers() {
        return portNumbers.clone();
    }

    public synchronized void setPortNumbers(int[] portNumbers) {
        this.portNumbers = portNumbers == null ? new int[0] : portNumbers.clone();
    }

    /** The first port, or 0 when none is set. */
    public synchronized int getPortNumber() {
        return portNumbers.length == 0 ? 0 : portNumbers[0];
    }

    /** The port of every server; 0 for the default. */
    public void setPortNumber(int portNumber) {
        setPortNumbers(portNumber == 0 ? null : new int[] {portNumber});
    }

    public synchronized String getDatabaseName() {
        return databaseName;
    }

    public synchronized void setDatabaseName(String databaseName) {
        this.databaseName = databaseName == null || databaseName.isEmpty() ? null : databaseName;
    }

    public synchronized String getUser() {
        return user;
    }

    public synchronized void setUser(String user) {
        this.user = user;
    }

    public synchronized String getPassword() {
        return password;
    }

    public synchronized void setPassword(String password) {
        this.password = password;
    }

    // ---------------------------------------------------------------- the URL

    /**
     * The {@code jdbc:tusk:} URL these properties make (hosts, ports, database, then every other
     * property in the query), without the password.
     */
    public synchronized String getUrl() {
        Map<String, String> query = new LinkedHashMap<>();
        if (user != null) {
            query.put("user", user);
        }
        query.putAll(properties);
        return DataSourceUrl.withQuery(DataSourceUrl.build(serverNames, portNumbers, databaseName), query);
    }

    /**
     * Sets the hosts, ports and database from {@code url} and every property of its query
     * (a {@code password} in it included); properties it does not name keep their values.
     *
     * @throws IllegalArgumentException when {@code url} is not a {@code jdbc:tusk:} URL
     */
    public synchronized void setUrl(String url) {
        DataSourceUrl parsed = DataSourceUrl.parse(url);
        serverNames = parsed.hosts().toArray(new String[0]);
        int[] ports = parsed.ports().stream().mapToInt(Integer::intValue).toArray();
        portNumbers = Arrays.stream(ports).allMatch(p -> p == 0) ? new int[0] : ports;
        databaseName = parsed.database();
        for (Map.Entry<String, String> e : parsed.query().entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    /** Same as {@link #getUrl()} (pgjdbc has both spellings; containers use either). */
    public String getURL() {
        return getUrl();
    }

    public void setURL(String url) {
        setUrl(url);
    }

    // ---------------------------------------------------------------- pgjdbc's connection properties

    /** libpq's sslmode: disable, allow, prefer, require, verify-ca, verify-full. */
    public String getSslMode() {
        return get("sslmode");
    }

    public void setSslMode(String mode) {
        put("sslmode", mode);
    }

    /** The file of the certificate authorities that sign the server's certificate (libpq's sslrootcert). */
    public String getSslRootCert() {
        return get("sslrootcert");
    }

    public void setSslRootCert(String file) {
        put("sslrootcert", file);
    }

    /** The session's application_name. */
    public String getApplicationName() {
        return get("ApplicationName");
    }

    public void setApplicationName(String name) {
        put("ApplicationName", name);
    }

    /** Seconds to wait for a connection to be made; 0 (unset) leaves the driver's default. */
    public int getConnectTimeout() {
        return getInt("connectTimeout", 0);
    }

    public void setConnectTimeout(int seconds) {
        put("connectTimeout", Integer.toString(seconds));
    }

    /** Seconds a read from the server may block; 0 (unset) for no limit. */
    public int getSocketTimeout() {
        return getInt("socketTimeout", 0);
    }

    public void setSocketTimeout(int seconds) {
        put("socketTimeout", Integer.toString(seconds));
    }

    /** Seconds to wait for a login (connection and authentication); 0 (unset) leaves the driver's default. */
    @Override
    public int getLoginTimeout() {
        return getInt("loginTimeout", 0);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        put("loginTimeout", Integer.toString(seconds));
    }

    /** Executions of a statement after which it is prepared on the server (pgjdbc's and Tusk's default: 5). */
    public int getPrepareThreshold() {
        return getInt("prepareThreshold", 5);
    }

    public void setPrepareThreshold(int count) {
        put("prepareThreshold", Integer.toString(count));
    }

    /** Batches of {@code INSERT ... VALUES} are sent as multi-row inserts. */
    public boolean getReWriteBatchedInserts() {
        return Boolean.parseBoolean(get("reWriteBatchedInserts"));
    }

    public void setReWriteBatchedInserts(boolean rewrite) {
        put("reWriteBatchedInserts", Boolean.toString(rewrite));
    }

    /** The schema search path set on each new connection. */
    public String getCurrentSchema() {
        return get("currentSchema");
    }

    public void setCurrentSchema(String schema) {
        put("currentSchema", schema);
    }

    /** New connections start read-only. */
    public boolean getReadOnly() {
        return Boolean.parseBoolean(get("readOnly"));
    }

    public void setReadOnly(boolean readOnly) {
        put("readOnly", Boolean.toString(readOnly));
    }

    /** Which server of several to use: any, primary, secondary, preferSecondary (pgjdbc's names). */
    public String getTargetServerType() {
        return get("targetServerType");
    }

    public void setTargetServerType(String type) {
        put("targetServerType", type);
    }

    /** Command-line options sent to the server at connection start (libpq's options, e.g. {@code -c search_path=app}). */
    public String getOptions() {
        return get("options");
    }

    public void setOptions(String options) {
        put("options", options);
    }

    // ---------------------------------------------------------------- any property

    /**
     * The value of a connection property by name: a pgjdbc name ({@code sslmode},
     * {@code ApplicationName}, ...), a libpq keyword, or one of the bean properties
     * {@code serverName}, {@code portNumber}, {@code databaseName}, {@code user} (also as
     * {@code host}, {@code port}, {@code dbname}), {@code password} and {@code url}. Hosts and ports
     * read as comma-separated lists.
     */
    public synchronized String getProperty(String name) throws SQLException {
        switch (checkName(name)) {
            case "serverName", "serverNames", "host", "PGHOST":
                return serverNames.length == 0 ? null : String.join(",", serverNames);
            case "portNumber", "portNumbers", "port", "PGPORT":
                return portNumbers.length == 0 ? null : Arrays.stream(portNumbers).mapToObj(Integer::toString).collect(Collectors.joining(","));
            case "databaseName", "dbname", "PGDBNAME":
                return databaseName;
            case "user":
                return user;
            case "password":
                return password;
            case "url", "URL":
                return getUrl();
            default:
                return properties.get(name);
        }
    }

    /**
     * Sets a connection property by name (the names {@link #getProperty} reads); null removes it.
     * Whether the driver knows it is checked when a connection is made, as for a URL's query.
     *
     * @throws SQLException (SQLSTATE 22023) for an empty name or a port list that is not numbers
     */
    public synchronized void setProperty(String name, String value) throws SQLException {
        switch (checkName(name)) {
            case "serverName", "serverNames", "host", "PGHOST" -> setServerName(value);
            case "portNumber", "portNumbers", "port", "PGPORT" -> {
                try {
                    setPortNumbers(value == null || value.isBlank() ? null
                            : Arrays.stream(value.split(",")).mapToInt(p -> p.isBlank() ? 0 : Integer.parseInt(p.trim())).toArray());
                } catch (NumberFormatException e) {
                    throw new SQLException("the port list " + value + " is not comma-separated numbers", "22023", e);
                }
            }
            case "databaseName", "dbname", "PGDBNAME" -> setDatabaseName(value);
            case "user" -> setUser(value);
            case "password" -> setPassword(value);
            case "url", "URL" -> {
                try {
                    setUrl(value);
                } catch (IllegalArgumentException e) {
                    throw new SQLException(e.getMessage(), "22023", e);
                }
            }
            default -> put(name, value);
        }
    }

    private static String checkName(String name) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new SQLException("a connection property needs a name (e.g. sslmode, ApplicationName)", "22023");
        }
        return name;
    }

    private synchronized String get(String key) {
        return properties.get(key);
    }

    private synchronized void put(String key, String value) {
        switch (key) {
            case "user" -> user = value;
            case "password" -> password = value;
            default -> {
                if (value == null) {
                    properties.remove(key);
                } else {
                    properties.put(key, value);
                }
            }
        }
    }

    private int getInt(String key, int unset) {
        String v = get(key);
        try {
            return v == null ? unset : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return unset;
        }
    }

    // ---------------------------------------------------------------- connecting

    /**
     * A new physical connection with these properties, as {@code user} with {@code password}
     * (both may be null: the libpq environment or {@code .pgpass} then decide).
     */
    protected JdbcConnection connect(String user, String password) throws SQLException {
        String url;
        Properties props = new Properties();
        synchronized (this) {
            if (portNumbers.length > 1 && portNumbers.length != serverNames.length) {
                throw new SQLException(serverNames.length + " server names but " + portNumbers.length + " port numbers: give one port "
                        + "for every server, or one per server", "22023");
            }
            url = DataSourceUrl.build(serverNames, portNumbers, databaseName);
            props.putAll(properties);
        }
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return JdbcConnector.open(url, props);
    }

    /** The user and password properties, read together. */
    protected final synchronized String[] credentials() {
        return new String[] {user, password};
    }

    // ---------------------------------------------------------------- CommonDataSource, JNDI

    @Override
    public synchronized PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Kept for containers that set one; Tusk logs through {@link System.Logger} ("io.tusk.*"), not here. */
    @Override
    public synchronized void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Tusk logs through System.Logger (\"io.tusk.*\"), not java.util.logging's parent logger");
    }

    /**
     * The JNDI reference {@link TuskDataSourceFactory} turns back into an equal data source:
     * every property but the password, which is not stored in a naming service (give it through
     * {@code .pgpass}, {@code PGPASSWORD}, or {@code getConnection(user, password)}).
     */
    @Override
    public synchronized Reference getReference() throws NamingException {
        Reference ref = new Reference(getClass().getName(), TuskDataSourceFactory.class.getName(), null);
        if (serverNames.length > 0) {
            ref.add(new StringRefAddr("serverName", String.join(",", serverNames)));
        }
        if (portNumbers.length > 0) {
            ref.add(new StringRefAddr("portNumber", Arrays.stream(portNumbers).mapToObj(Integer::toString).collect(Collectors.joining(","))));
        }
        if (databaseName != null) {
            ref.add(new StringRefAddr("databaseName", databaseName));
        }
        if (user != null) {
            ref.add(new StringRefAddr("user", user));
        }
        for (Map.Entry<String, String> e : properties.entrySet()) {
            ref.add(new StringRefAddr(e.getKey(), e.getValue()));
        }
        return ref;
    }

    /** Wrapper's unwrap, for the subclasses that are {@link java.sql.Wrapper}s. */
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(getClass().getSimpleName() + " is not a wrapper for " + iface.getName(), "42000");
    }

    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /** The URL (no password) and the class; never the password. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + getUrl() + "]";
    }
}
