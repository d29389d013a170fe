package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** TuskDataSource configured as a container configures pgjdbc's PGSimpleDataSource, and the connections it makes. */
@PgTest
class DataSourceIT {

    private static TuskDataSource dataSource(TestDatabase db, String user) {
        TuskDataSource ds = new TuskDataSource();
        ds.setServerNames(new String[] {db.host()});
        ds.setPortNumbers(new int[] {db.port()});
        ds.setDatabaseName(db.dbname());
        ds.setUser(user);
        ds.setPassword(PgUsers.passwordOf(user));
        ds.setSslMode("disable");
        return ds;
    }

    private static String[] whoAndWhere(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT current_user, current_database()")) {
            assertTrue(rs.next());
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    @Test
    void beanPropertiesConnectAsTheConfiguredUser(TestDatabase db) throws Exception {
        TuskDataSource ds = dataSource(db, PgUsers.SCRAM);
        try (Connection c = ds.getConnection()) {
            assertArrayEquals(new String[] {PgUsers.SCRAM, db.dbname()}, whoAndWhere(c));
        }
        try (Connection c = ds.getConnection(PgUsers.TRUST, null)) {
            assertArrayEquals(new String[] {PgUsers.TRUST, db.dbname()}, whoAndWhere(c), "getConnection(user, password) wins over the properties");
        }
    }

    @Test
    void connectionPropertiesReachTheSession(TestDatabase db) throws Exception {
        TuskDataSource ds = dataSource(db, PgUsers.TRUST);
        ds.setApplicationName("ds-it");
        ds.setCurrentSchema("pg_catalog");
        ds.setReadOnly(true);
        ds.setOptions("-c statement_timeout=4321");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('application_name'), current_schema(),"
                     + " current_setting('statement_timeout')")) {
            assertTrue(rs.next());
            assertEquals("ds-it", rs.getString(1));
            assertEquals("pg_catalog", rs.getString(2));
            assertEquals("4321ms", rs.getString(3));
            assertTrue(c.isReadOnly());
        }
    }

    @Test
    void theUrlAloneConfiguresTheDataSource(TestDatabase db) throws Exception {
        TuskDataSource ds = new TuskDataSource();
        ds.setURL("jdbc:tusk://" + db.host() + ":" + db.port() + "/" + db.dbname() + "?user=" + PgUsers.SCRAM
                + "&password=" + PgUsers.SCRAM_PASSWORD + "&sslmode=disable");
        assertEquals(db.host(), ds.getServerName());
        assertEquals(db.port(), ds.getPortNumber());
        assertEquals(db.dbname(), ds.getDatabaseName());
        assertEquals(PgUsers.SCRAM, ds.getUser());
        assertEquals(PgUsers.SCRAM_PASSWORD, ds.getPassword());
        assertEquals("disable", ds.getSslMode());
        try (Connection c = ds.getConnection()) {
            assertArrayEquals(new String[] {PgUsers.SCRAM, db.dbname()}, whoAndWhere(c));
        }
    }

    @Test
    void everyPropertyRoundTripsThroughTheUrlButThePassword() {
        TuskDataSource a = new TuskDataSource();
        a.setServerNames(new String[] {"db1.example", "::1"});
        a.setPortNumbers(new int[] {5433, 5434});
        a.setDatabaseName("app data");
        a.setUser("app");
        a.setPassword("s3cret&=?");
        a.setSslMode("verify-full");
        a.setSslRootCert("/etc/ca root.pem");
        a.setApplicationName("billing");
        a.setConnectTimeout(7);
        a.setSocketTimeout(30);
        a.setLoginTimeout(9);
        a.setPrepareThreshold(3);
        a.setReWriteBatchedInserts(true);
        a.setCurrentSchema("ledger");
        a.setReadOnly(true);
        a.setTargetServerType("primary");
        a.setOptions("-c statement_timeout=5s");

        String url = a.getUrl();
        assertTrue(url.startsWith("jdbc:tusk://db1.example:5433,[::1]:5434/app%20data?"), url);
        assertFalse(url.contains("s3cret"), "the password stays out of the URL: " + url);

        TuskDataSource b = new TuskDataSource();
        b.setUrl(url);
        assertArrayEquals(a.getServerNames(), b.getServerNames());
        assertArrayEquals(a.getPortNumbers(), b.getPortNumbers());
        assertEquals("app data", b.getDatabaseName());
        assertEquals("app", b.getUser());
        assertNull(b.getPassword());
        assertEquals("verify-full", b.getSslMode());
        assertEquals("/etc/ca root.pem", b.getSslRootCert());
        assertEquals("billing", b.getApplicationName());
        assertEquals(7, b.getConnectTimeout());
        assertEquals(30, b.getSocketTimeout());
        assertEquals(9, b.getLoginTimeout());
        assertEquals(3, b.getPrepareThreshold());
        assertTrue(b.getReWriteBatchedInserts());
        assertEquals("ledger", b.getCurrentSchema());
        assertTrue(b.getReadOnly());
        assertEquals("primary", b.getTargetServerType());
        assertEquals("-c statement_timeout=5s", b.getOptions());
        assertEquals(url, b.getUrl());
    }

    @Test
    void genericPropertiesReadAndWriteTheBeanProperties() throws Exception {
        TuskDataSource ds = new TuskDataSource();
        ds.setProperty("serverName", "a,b");
        ds.setProperty("portNumber", "5433,5434");
        ds.setProperty("databaseName", "app");
        ds.setProperty("ApplicationName", "batch");
        assertArrayEquals(new String[] {"a", "b"}, ds.getServerNames());
        assertArrayEquals(new int[] {5433, 5434}, ds.getPortNumbers());
        assertEquals("app", ds.getDatabaseName());
        assertEquals("batch", ds.getApplicationName());
        assertEquals("a,b", ds.getProperty("serverName"));
        assertEquals("5433,5434", ds.getProperty("portNumber"));
        ds.setProperty("ApplicationName", null);
        assertNull(ds.getApplicationName());
        SQLException e = assertThrows(SQLException.class, () -> ds.setProperty("portNumber", "fivefour"));
        assertEquals("22023", e.getSQLState());
        assertEquals(5, ds.getPrepareThreshold(), "pgjdbc's default when unset");
    }

    @Test
    void theFirstReachableOfSeveralServersIsUsed(TestDatabase db) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once it is closed
        }
        TuskDataSource ds = dataSource(db, PgUsers.TRUST);
        ds.setServerNames(new String[] {"127.0.0.1", db.host()});
        ds.setPortNumbers(new int[] {closed, db.port()});
        try (Connection c = ds.getConnection()) {
            assertArrayEquals(new String[] {PgUsers.TRUST, db.dbname()}, whoAndWhere(c));
        }
        ds.setPortNumbers(new int[] {closed, db.port(), db.port()});
        SQLException e = assertThrows(SQLException.class, ds::getConnection, "3 ports for 2 servers");
        assertEquals("22023", e.getSQLState());
    }

    @Test
    void aWrongPasswordIsSqlstate28P01(TestDatabase db) {
        TuskDataSource ds = dataSource(db, PgUsers.SCRAM);
        ds.setPassword("not-the-password");
        SQLException e = assertThrows(SQLException.class, ds::getConnection);
        assertEquals("28P01", e.getSQLState(), e.toString());
        assertFalse(String.valueOf(e.getMessage()).contains("not-the-password"), e.getMessage());
    }

    @Test
    void thePasswordIsNeverShown(TestDatabase db) throws Exception {
        TuskDataSource ds = dataSource(db, PgUsers.SCRAM);
        assertFalse(ds.toString().contains(PgUsers.SCRAM_PASSWORD), ds.toString());
        assertFalse(ds.getUrl().contains(PgUsers.SCRAM_PASSWORD), ds.getUrl());
        for (RefAddr a : Collections.list(ds.getReference().getAll())) {
            assertFalse(String.valueOf(a.getContent()).contains(PgUsers.SCRAM_PASSWORD), a.toString());
        }
    }

    @Test
    void aJndiReferenceMakesAnEqualDataSource(TestDatabase db) throws Exception {
        for (TuskBaseDataSource original : List.of(new TuskDataSource(), new TuskConnectionPoolDataSource(), new TuskXADataSource())) {
            original.setServerNames(new String[] {db.host(), "standby.example"});
            original.setPortNumbers(new int[] {db.port(), 5432});
            original.setDatabaseName(db.dbname());
            original.setUser(PgUsers.TRUST);
            original.setApplicationName("jndi");
            Reference ref = original.getReference();
            assertEquals(TuskDataSourceFactory.class.getName(), ref.getFactoryClassName());
            Object made = new TuskDataSourceFactory().getObjectInstance(ref, null, null, null);
            assertSame(original.getClass(), made.getClass());
            assertEquals(original.getUrl(), ((TuskBaseDataSource) made).getUrl());
        }
        assertNull(new TuskDataSourceFactory().getObjectInstance(new Reference("org.example.Other"), null, null, null),
                "a reference to another class is left to other factories");
    }

    @Test
    void aSerializedDataSourceStillConnects(TestDatabase db) throws Exception {
        TuskDataSource ds = dataSource(db, PgUsers.SCRAM);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ds);
        }
        TuskDataSource copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TuskDataSource) in.readObject();
        }
        try (Connection c = copy.getConnection()) {
            assertEquals(PgUsers.SCRAM, whoAndWhere(c)[0]);
        }
    }

    @Test
    void commonDataSourceMethods() throws Exception {
        TuskDataSource ds = new TuskDataSource();
        assertTrue(ds.isWrapperFor(DataSource.class));
        assertSame(ds, ds.unwrap(TuskDataSource.class));
        assertThrows(SQLException.class, () -> ds.unwrap(String.class));
        assertThrows(SQLFeatureNotSupportedException.class, ds::getParentLogger);
        java.io.PrintWriter w = new java.io.PrintWriter(new java.io.StringWriter());
        ds.setLogWriter(w);
        assertSame(w, ds.getLogWriter());
        assertThrows(IllegalArgumentException.class, () -> ds.setUrl("jdbc:postgresql://db/app"));
    }
}
