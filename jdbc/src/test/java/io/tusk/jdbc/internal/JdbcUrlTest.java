package io.tusk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.conninfo.Conninfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** jdbc:tusk: URLs and properties into libpq connection strings and JDBC settings. */
class JdbcUrlTest {

    private static Map<String, String> params(String url) throws SQLException {
        return params(url, null);
    }

    private static Map<String, String> params(String url, Properties info) throws SQLException {
        return Conninfo.parse(JdbcUrl.toConninfo(url, info)).asMap();
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static SQLException refused(String url, Properties info) {
        SQLException e = assertThrows(SQLException.class, () -> JdbcUrl.parse(url, info));
        assertEquals("08001", e.getSQLState());
        assertTrue(e instanceof SQLNonTransientConnectionException, e.getClass().getName());
        return e;
    }

    @Test
    void hostPortAndDatabase() throws SQLException {
        assertEquals(Map.of("host", "db.example.com", "port", "5433", "dbname", "sales"),
                params("jdbc:tusk://db.example.com:5433/sales"));
        assertEquals(Map.of("host", "localhost", "dbname", "app"), params("jdbc:tusk://localhost/app"));
    }

    @Test
    void severalHostsBecomeLibpqLists() throws SQLException {
        assertEquals(Map.of("host", "a,b,c", "port", "5432,,5434", "dbname", "db"),
                params("jdbc:tusk://a:5432,b,c:5434/db"));
        assertEquals(Map.of("host", "a,b", "dbname", "db"), params("jdbc:tusk://a,b/db"));
    }

    @Test
    void ipv6InBrackets() throws SQLException {
        assertEquals(Map.of("host", "::1", "port", "5432", "dbname", "db"), params("jdbc:tusk://[::1]:5432/db"));
        assertEquals(Map.of("host", "fe80::1,127.0.0.1", "dbname", "db"), params("jdbc:tusk://[fe80::1],127.0.0.1/db"));
        assertTrue(refused("jdbc:tusk://::1:5432/db", null).getMessage().contains("brackets"));
        refused("jdbc:tusk://[::1/db", null);
    }

    @Test
    void percentDecoding() throws SQLException {
        assertEquals("my db+x", params("jdbc:tusk://h/my%20db+x").get("dbname"));
        assertEquals("/var/run/postgresql", params("jdbc:tusk://%2Fvar%2Frun%2Fpostgresql/db").get("host"));
        // query values as pgjdbc decodes them (URLDecoder): + is a space, %2B a plus
        Map<String, String> p = params("jdbc:tusk://h/db?password=p%40ss%2Bw+rd&application_name=a%26b");
        assertEquals("p@ss+w rd", p.get("password"));
        assertEquals("a&b", p.get("application_name"));
        refused("jdbc:tusk://h/db%zz", null);
    }

    @Test
    void noHostReadsTheEnvironment() throws SQLException {
        assertEquals("", JdbcUrl.toConninfo("jdbc:tusk:", null));
        assertEquals(Map.of("dbname", "sales"), params("jdbc:tusk:sales"));
        assertEquals(Map.of("dbname", "sales"), params("jdbc:tusk:///sales"));
        assertEquals(Map.of("sslmode", "require"), params("jdbc:tusk:?sslmode=require"));
    }

    @Test
    void libpqKeywordsPassThrough() throws SQLException {
        Map<String, String> p = params("jdbc:tusk://h/db?sslmode=verify-ca&sslrootcert=/ca.pem&target_session_attrs=read-write"
                + "&application_name=app&connect_timeout=7&options=-cwork_mem%3D64MB");
        assertEquals("verify-ca", p.get("sslmode"));
        assertEquals("/ca.pem", p.get("sslrootcert"));
        assertEquals("read-write", p.get("target_session_attrs"));
        assertEquals("app", p.get("application_name"));
        assertEquals("7", p.get("connect_timeout"));
        assertEquals("-cwork_mem=64MB", p.get("options"));
    }

    @Test
    void pgjdbcNamesAreTranslated() throws SQLException {
        Map<String, String> p = params("jdbc:tusk://h/db?ApplicationName=app&connectTimeout=3&socketTimeout=30"
                + "&targetServerType=preferSecondary&tcpKeepAlive=true&loadBalanceHosts=true&kerberosServerName=pg");
        assertEquals("app", p.get("application_name"));
        assertEquals("3", p.get("connect_timeout"));
        assertEquals("30", p.get("socket_timeout"));
        assertEquals("prefer-standby", p.get("target_session_attrs"));
        assertEquals("1", p.get("keepalives"));
        assertEquals("random", p.get("load_balance_hosts"));
        assertEquals("pg", p.get("krbsrvname"));
        assertEquals("primary", params("jdbc:tusk://h/db?targetServerType=master").get("target_session_attrs"));
        assertEquals("standby", params("jdbc:tusk://h/db?targetServerType=secondary").get("target_session_attrs"));
        assertTrue(refused("jdbc:tusk://h/db?targetServerType=preferPrimary", null).getMessage().contains("preferPrimary"));
    }

    @Test
    void theLibpqKeywordWinsOverItsPgjdbcAlias() throws SQLException {
        assertEquals("mine", params("jdbc:tusk://h/db?ApplicationName=other&application_name=mine").get("application_name"));
    }

    @Test
    void sslAsPgjdbc42() throws SQLException {
        assertEquals("verify-full", params("jdbc:tusk://h/db?ssl=true").get("sslmode"));
        assertEquals("verify-full", params("jdbc:tusk://h/db?ssl").get("sslmode"));
        assertEquals("require", params("jdbc:tusk://h/db?ssl=true&sslmode=require").get("sslmode"));
        assertNull(params("jdbc:tusk://h/db?ssl=false").get("sslmode"));
    }

    @Test
    void timeoutsTakeTheSmallerOfConnectAndLogin() throws SQLException {
        assertEquals("4", params("jdbc:tusk://h/db?connectTimeout=10&loginTimeout=4").get("connect_timeout"));
        assertEquals("4", params("jdbc:tusk://h/db?connectTimeout=4&loginTimeout=0").get("connect_timeout"));
        assertEquals("9", params("jdbc:tusk://h/db?connectTimeout=4&connect_timeout=9").get("connect_timeout"));
        JdbcUrl u = JdbcUrl.parse("jdbc:tusk://h/db", null).withDefaultConnectTimeout(12);
        assertEquals("12", u.conninfo().get("connect_timeout"));
        assertEquals("3", JdbcUrl.parse("jdbc:tusk://h/db?connectTimeout=3", null).withDefaultConnectTimeout(12)
                .conninfo().get("connect_timeout"));
    }

    @Test
    void currentSchemaGoesIntoOptions() throws SQLException {
        assertEquals("-csearch_path=app,public", params("jdbc:tusk://h/db?currentSchema=app,public").get("options"));
        assertEquals("-cwork_mem=1MB -csearch_path=my\\ schema",
                params("jdbc:tusk://h/db?options=-cwork_mem%3D1MB&currentSchema=my%20schema").get("options"));
    }

    @Test
    void theUrlWinsOverPropertiesAsInPgjdbc() throws SQLException {
        Map<String, String> p = params("jdbc:tusk://h/db?user=fromUrl", props("user", "fromProps", "password", "s3cret",
                "PGHOST", "other", "ApplicationName", "props"));
        assertEquals("fromUrl", p.get("user"));
        assertEquals("s3cret", p.get("password"));
        assertEquals("h", p.get("host"));
        assertEquals("props", p.get("application_name"));
    }

    @Test
    void jdbcSettingsAreKeptApart() throws SQLException {
        JdbcUrl u = JdbcUrl.parse("jdbc:tusk://h/db?prepareThreshold=0&reWriteBatchedInserts=true&readOnly=true"
                + "&defaultRowFetchSize=100&stringtype=unspecified&preparedStatementCacheQueries=20&readOnlyMode=always",
                null);
        JdbcSettings s = u.settings();
        assertEquals(0, s.prepareThreshold());
        assertNull(s.nativePrepareThreshold());
        assertTrue(s.reWriteBatchedInserts());
        assertTrue(s.readOnly());
        assertEquals("always", s.readOnlyMode());
        assertEquals(100, s.defaultRowFetchSize());
        assertEquals("unspecified", s.stringType());
        assertEquals(20, s.preparedStatementCacheQueries());
        assertEquals(Map.of("host", "h", "dbname", "db"), u.conninfo().asMap());
        assertEquals(JdbcSettings.DEFAULTS, JdbcUrl.parse("jdbc:tusk://h/db", null).settings());
        assertEquals(4, JdbcSettings.DEFAULTS.nativePrepareThreshold());
        assertEquals(0, JdbcUrl.parse("jdbc:tusk://h/db?prepareThreshold=1", null).settings().nativePrepareThreshold());
    }

    @Test
    void unknownKeysAreRefusedByName() {
        SQLException e = refused("jdbc:tusk://h/db?sslmod=require", null);
        assertTrue(e.getMessage().contains("\"sslmod\""), e.getMessage());
        SQLException near = refused("jdbc:tusk://h/db", props("applicationname", "x"));
        assertTrue(near.getMessage().contains("did you mean \"ApplicationName\""), near.getMessage());
    }

    @Test
    void pgjdbcFeaturesTuskLacksAreRefusedWithTheReason() {
        assertTrue(refused("jdbc:tusk://h/db?sslfactory=org.postgresql.ssl.NonValidatingFactory", null)
                .getMessage().contains("sslmode"));
        assertTrue(refused("jdbc:tusk://h/db?autosave=always", null).getMessage().contains("autosave"));
        assertTrue(refused("jdbc:tusk://h/db?preferQueryMode=simple", null).getMessage().contains("preferQueryMode"));
    }

    @Test
    void pgjdbcTuningKnobsAreIgnored() throws SQLException {
        assertEquals(Map.of("host", "h", "dbname", "db"),
                params("jdbc:tusk://h/db?loggerLevel=DEBUG&binaryTransfer=false&tcpNoDelay=true&assumeMinServerVersion=12"));
    }

    @Test
    void badValuesNameTheKey() {
        assertTrue(refused("jdbc:tusk://h/db?sslmode=maybe", null).getMessage().contains("sslmode"));
        assertTrue(refused("jdbc:tusk://h/db?reWriteBatchedInserts=yes", null).getMessage().contains("reWriteBatchedInserts"));
        assertTrue(refused("jdbc:tusk://h/db?socketTimeout=-1", null).getMessage().contains("socketTimeout"));
        assertTrue(refused("jdbc:tusk://h:99999/db", null).getMessage().contains("99999"));
        refused("jdbc:postgresql://h/db", null);
    }

    @Test
    void passwordsNeverShow() throws SQLException {
        JdbcUrl u = JdbcUrl.parse("jdbc:tusk://h/db?password=hunter2&sslpassword=k3y", props("user", "u"));
        assertFalse(u.toString().contains("hunter2"), u.toString());
        assertFalse(u.toString().contains("k3y"), u.toString());
        SQLException e = refused("jdbc:tusk://h/db?password=%zzhunter2", null);
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(JdbcUrl.safeUrl("jdbc:tusk://h/db?password=hunter2").contains("hunter2"));
        SQLException userInfo = refused("jdbc:tusk://app:hunter2@h/db", null);
        assertFalse(userInfo.getMessage().contains("hunter2"), userInfo.getMessage());
        assertTrue(userInfo.getMessage().contains("user and password as properties"), userInfo.getMessage());
    }

    @Test
    void valuesWithSpacesAndQuotesSurviveTheConnectionString() throws SQLException {
        Map<String, String> p = params("jdbc:tusk://h/db", props("password", "it's a \\ secret", "application_name", ""));
        assertEquals("it's a \\ secret", p.get("password"));
        assertEquals("", p.get("application_name"));
    }
}
