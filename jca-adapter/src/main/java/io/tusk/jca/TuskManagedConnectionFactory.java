package io.tusk.jca;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.TuskException;
import io.tusk.jca.outbound.DefaultConnectionManager;
import io.tusk.jca.outbound.TuskConnectionFactoryImpl;
import io.tusk.jca.outbound.TuskManagedConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The configuration of one pool of Tusk connections (a "connection definition"): the Jakarta
 * Connectors {@code ManagedConnectionFactory}, a JavaBean whose properties are libpq's connection
 * parameters.
 *
 * <pre>{@code
 * TuskManagedConnectionFactory mcf = new TuskManagedConnectionFactory();
 * mcf.setServerName("db.example.com");
 * mcf.setDatabaseName("app");
 * mcf.setUser("app");
 * mcf.setPassword("secret");
 * TuskConnectionFactory cf = mcf.createConnectionFactory();   // outside a container
 * }</pre>
 *
 * <p>{@code ConnectionString} is a libpq connection string (key=value or URI); the individual
 * properties, when set, override its keys. {@code TransactionSupportLevel} ({@code XATransaction},
 * {@code LocalTransaction} or {@code NoTransaction}) overrides the level of the deployment
 * descriptor (Jakarta Connectors 2.1, 7.13). The password never appears in {@link #toString()}.
 */
public final class TuskManagedConnectionFactory
        implements ManagedConnectionFactory, ValidatingManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {
    private static final long serialVersionUID = 1L;

    private String connectionString;
    private String serverName;
    private Integer portNumber;
    private String databaseName;
    private String user;
    private String password;
    private String sslMode;
    private String sslRootCert;
    private String applicationName;
    private Integer connectTimeout;
    private String options;
    private Boolean autocommit;
    private String transactionSupportLevel;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    // ---- JavaBean configuration properties (named as in ra.xml) ----

    public String getConnectionString() { return connectionString; }
    public void setConnectionString(String v) { connectionString = blankToNull(v); }
    public String getServerName() { return serverName; }
    public void setServerName(String v) { serverName = blankToNull(v); }
    public Integer getPortNumber() { return portNumber; }
    public void setPortNumber(Integer v) { portNumber = v; }
    public String getDatabaseName() { return databaseName; }
    public void setDatabaseName(String v) { databaseName = blankToNull(v); }
    public String getUser() { return user; }
    public void setUser(String v) { user = blankToNull(v); }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public String getSslMode() { return sslMode; }
    public void setSslMode(String v) { sslMode = blankToNull(v); }
    public String getSslRootCert() { return sslRootCert; }
    public void setSslRootCert(String v) { sslRootCert = blankToNull(v); }
    public String getApplicationName() { return applicationName; }
    public void setApplicationName(String v) { applicationName = blankToNull(v); }
    /** libpq's {@code connect_timeout}, in seconds. */
    public Integer getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Integer v) { connectTimeout = v; }
    /** libpq's {@code options}: command-line options sent to the server at startup. */
    public String getOptions() { return options; }
    public void setOptions(String v) { options = blankToNull(v); }
    /**
     * Whether handles start in autocommit mode outside a transaction (default false, as every
     * Tusk connection). XA and local transactions switch it off for their duration.
     */
    public Boolean getAutocommit() { return autocommit; }
    public void setAutocommit(Boolean v) { autocommit = v; }
    public String getTransactionSupportLevel() { return transactionSupportLevel; }

    /**
     * {@code XATransaction}, {@code LocalTransaction} or {@code NoTransaction}; unset leaves the
     * level to the deployment descriptor and the server's configuration.
     *
     * @throws IllegalArgumentException for another value
     */
    public void setTransactionSupportLevel(String v) {
        v = blankToNull(v);
        if (v != null) {
            parseLevel(v);
        }
        transactionSupportLevel = v;
    }

    // ---- ManagedConnectionFactory ----

    @Override
    public TuskConnectionFactory createConnectionFactory(ConnectionManager cm) {
        return new TuskConnectionFactoryImpl(this, cm);
    }

    /** A factory for use outside an application server: no pool, every handle its own session. */
    @Override
    public TuskConnectionFactory createConnectionFactory() {
        return new TuskConnectionFactoryImpl(this, new DefaultConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        PasswordCredential credential = credential(subject);
        String connectUser = credential != null ? credential.getUserName() : user;
        String connectPassword = credential != null ? new String(credential.getPassword()) : password;
        Connection conn;
        try {
            conn = Tusk.connect(connectionString == null ? "" : connectionString, connectParameters(connectUser, connectPassword));
        } catch (TuskException e) {
            ResourceAllocationException re = new ResourceAllocationException(
                    "cannot open a Tusk connection to " + describeTarget() + ": " + e.getMessage()
                            + " (check the connection definition's properties)");
            re.initCause(e);
            throw re;
        }
        return new TuskManagedConnection(this, conn, connectUser, Boolean.TRUE.equals(autocommit));
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject, ConnectionRequestInfo info) {
        PasswordCredential credential = credential(subject);
        String wanted = credential != null ? credential.getUserName() : user;
        for (Object candidate : candidates) {
            if (candidate instanceof TuskManagedConnection mc && mc.factory().equals(this)
                    && Objects.equals(mc.user(), wanted) && mc.isUsable()) {
                return mc;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        Set invalid = new HashSet<>();
        for (Object c : connections) {
            if (c instanceof TuskManagedConnection mc && !mc.ping()) {
                invalid.add(mc);
            }
        }
        return invalid;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return transactionSupportLevel == null ? null : parseLevel(transactionSupportLevel);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        resourceAdapter = ra;
    }

    /** The libpq parameters that override the connection string, for {@link Tusk#connect(String, Map)}. */
    Map<String, Object> connectParameters(String connectUser, String connectPassword) {
        Map<String, Object> p = new LinkedHashMap<>();
        putIfSet(p, "host", serverName);
        putIfSet(p, "port", portNumber);
        putIfSet(p, "dbname", databaseName);
        putIfSet(p, "user", connectUser);
        putIfSet(p, "password", connectPassword);
        putIfSet(p, "sslmode", sslMode);
        putIfSet(p, "sslrootcert", sslRootCert);
        putIfSet(p, "application_name", applicationName);
        putIfSet(p, "connect_timeout", connectTimeout);
        putIfSet(p, "options", options);
        return p;
    }

    /** The credential the container passes for this factory (spec 9.1.8), or null for the configured user. */
    private PasswordCredential credential(Subject subject) {
        if (subject == null) {
            return null;
        }
        for (PasswordCredential pc : subject.getPrivateCredentials(PasswordCredential.class)) {
            if (pc.getManagedConnectionFactory() == null || equals(pc.getManagedConnectionFactory())) {
                return pc;
            }
        }
        return null;
    }

    private static TransactionSupportLevel parseLevel(String v) {
        for (TransactionSupportLevel l : TransactionSupportLevel.values()) {
            if (l.name().equalsIgnoreCase(v.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("TransactionSupportLevel '" + v
                + "' is not one of XATransaction, LocalTransaction, NoTransaction");
    }

    private String describeTarget() {
        return "host=" + (serverName == null ? "(from ConnectionString)" : serverName)
                + (portNumber == null ? "" : " port=" + portNumber)
                + (databaseName == null ? "" : " dbname=" + databaseName);
    }

    private static void putIfSet(Map<String, Object> p, String key, Object value) {
        if (value != null) {
            p.put(key, value.toString());
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    // Two factories are the same pool when they reach the same database as the same user with
    // the same session settings (spec 6.5.3.1: equals over the configuration properties). The
    // password is left out: it does not change which database is reached.
    @Override
    public boolean equals(Object o) {
        return o instanceof TuskManagedConnectionFactory f
                && Objects.equals(connectionString, f.connectionString)
                && Objects.equals(serverName, f.serverName)
                && Objects.equals(portNumber, f.portNumber)
                && Objects.equals(databaseName, f.databaseName)
                && Objects.equals(user, f.user)
                && Objects.equals(sslMode, f.sslMode)
                && Objects.equals(applicationName, f.applicationName)
                && Objects.equals(options, f.options)
                && Objects.equals(autocommit, f.autocommit)
                && Objects.equals(transactionSupportLevel, f.transactionSupportLevel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectionString, serverName, portNumber, databaseName, user, sslMode,
                applicationName, options, autocommit, transactionSupportLevel);
    }

    @Override
    public String toString() {
        return "TuskManagedConnectionFactory[" + describeTarget()
                + (user == null ? "" : " user=" + user)
                + (transactionSupportLevel == null ? "" : " " + transactionSupportLevel.toLowerCase(Locale.ROOT)) + "]";
    }
}
