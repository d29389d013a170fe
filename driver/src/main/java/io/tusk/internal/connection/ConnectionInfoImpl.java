package io.tusk.internal.connection;

import io.tusk.ConnectionInfo;
import io.tusk.ConnectionStatus;
import io.tusk.TransactionStatus;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.Map;

/** {@link ConnectionInfo} read live from the session and its endpoint. */
final class ConnectionInfoImpl implements ConnectionInfo {
    private final ConnectionImpl conn;

    ConnectionInfoImpl(ConnectionImpl conn) {
        this.conn = conn;
    }

    private Session s() {
        return conn.session();
    }

    @Override
    public int serverVersion() {
        return parseServerVersion(parameterStatus("server_version"));
    }

    /** libpq's rule: major*10000 + minor for 10+, major*10000 + minor*100 + patch before. */
    static int parseServerVersion(String v) {
        if (v == null) {
            return 0;
        }
        String[] parts = v.split("[^0-9]+", 4);
        int a = parts.length > 0 && !parts[0].isEmpty() ? Integer.parseInt(parts[0]) : 0;
        int b = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
        int c = parts.length > 2 && !parts[2].isEmpty() ? Integer.parseInt(parts[2]) : 0;
        return a >= 10 ? a * 10000 + b : a * 10000 + b * 100 + c;
    }

    @Override
    public int backendPid() {
        return s().keyData() == null ? 0 : s().keyData().processId();
    }

    @Override
    public String parameterStatus(String name) {
        return s().parameters().get(name);
    }

    @Override
    public Map<String, String> parameters() {
        return Map.copyOf(s().parameters());
    }

    @Override
    public TransactionStatus transactionStatus() {
        return s().transactionStatus();
    }

    @Override
    public ConnectionStatus status() {
        return s().isBroken() || s().isClosed() ? ConnectionStatus.BAD : ConnectionStatus.OK;
    }

    @Override
    public Charset encoding() {
        return s().charset();
    }

    @Override
    public ZoneId timezone() {
        String tz = parameterStatus("TimeZone");
        // As PostgreSQL reads the setting: POSIX offsets (+02:00, UTC+3) count west of Greenwich.
        return tz == null ? ZoneId.systemDefault() : io.tusk.adapt.AdaptContext.zoneOf(tz);
    }

    @Override
    public String dsn() {
        return conn.endpoint().safeDsn();
    }

    @Override
    public String host() {
        return conn.endpoint().host();
    }

    @Override
    public String hostaddr() {
        return conn.endpoint().hostaddr();
    }

    @Override
    public int port() {
        return conn.endpoint().port();
    }

    @Override
    public String dbname() {
        return conn.endpoint().dbname();
    }

    @Override
    public String user() {
        return conn.endpoint().user();
    }

    @Override
    public int protocolVersion() {
        return s().protocolVersion();
    }

    @Override
    public boolean tls() {
        return s().stream().transport().isTls();
    }

    @Override
    public String toString() {
        return "ConnectionInfo[" + dsn() + ", pid=" + backendPid() + ", " + transactionStatus() + "]";
    }
}
