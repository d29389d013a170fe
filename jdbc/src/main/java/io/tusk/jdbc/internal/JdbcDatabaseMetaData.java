package io.tusk.jdbc.internal;

import io.tusk.jdbc.TuskDriver;
import io.tusk.jdbc.internal.meta.Catalog;
import io.tusk.jdbc.internal.meta.ColumnsMetaData;
import io.tusk.jdbc.internal.meta.KeysMetaData;
import io.tusk.jdbc.internal.meta.MetaRows;
import io.tusk.jdbc.internal.meta.PrivilegesMetaData;
import io.tusk.jdbc.internal.meta.RoutinesMetaData;
import io.tusk.jdbc.internal.meta.ServerFacts;
import io.tusk.jdbc.internal.meta.SupportsAnswers;
import io.tusk.jdbc.internal.meta.TablesMetaData;
import io.tusk.jdbc.internal.meta.TypesMetaData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * DatabaseMetaData over the catalogs of the connected server. The answers follow pgjdbc's (the
 * same catalog queries' facts, the same labels and codes), so schema tools and ORMs see the same
 * database through either driver; docs/reference/jdbc.md lists where Tusk deliberately differs.
 * Each catalog result is built in memory by a topic class of {@code internal.meta} and handed out
 * as a forward-only, read-only ResultSet.
 */
public class JdbcDatabaseMetaData extends SupportsAnswers {
    private static final TuskDriver DRIVER = new TuskDriver();

    final JdbcConnection connection;
    private final Catalog catalog;
    private final ServerFacts server;
    private final TablesMetaData tables;
    private final ColumnsMetaData columns;
    private final KeysMetaData keys;
    private final RoutinesMetaData routines;
    private final TypesMetaData types;
    private final PrivilegesMetaData privileges;

    public JdbcDatabaseMetaData(JdbcConnection connection) {
        this.connection = connection;
        this.catalog = new Catalog(connection.conn);
        this.server = new ServerFacts(catalog);
        this.tables = new TablesMetaData(catalog);
        this.columns = new ColumnsMetaData(catalog);
        this.keys = new KeysMetaData(catalog);
        this.routines = new RoutinesMetaData(catalog);
        this.types = new TypesMetaData(catalog);
        this.privileges = new PrivilegesMetaData(catalog);
    }

    private ResultSet result(MetaRows rows) throws SQLException {
        return new JdbcResultSet(null, rows, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    private void checkOpen() throws SQLException {
        catalog.checkOpen();
    }

    /** Major and minor of server_version ("17.2" is 17 and 2, "18beta1" is 18 and 0). */
    private int[] serverVersion() throws SQLException {
        checkOpen();
        String v = connection.conn.info().parameterStatus("server_version");
        int[] out = new int[2];
        int part = 0;
        for (int i = 0; i < v.length() && part < 2; i++) {
            char c = v.charAt(i);
            if (Character.isDigit(c)) {
                out[part] = out[part] * 10 + (c - '0');
            } else if (c == '.') {
                part++;
            } else {
                break;
            }
        }
        return out;
    }

    @Override
    public boolean deletesAreDetected(int p0) throws SQLException {
        return false;
    }

    @Override
    public ResultSet getAttributes(String p0, String p1, String p2, String p3) throws SQLException {
        checkOpen();
        return result(TypesMetaData.attributes());
    }

    @Override
    public ResultSet getBestRowIdentifier(String p0, String p1, String p2, int p3, boolean p4) throws SQLException {
        return result(columns.bestRowIdentifier(p1, p2, p3));
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return result(tables.catalogs());
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return result(server.clientInfoProperties());
    }

    @Override
    public ResultSet getColumnPrivileges(String p0, String p1, String p2, String p3) throws SQLException {
        return result(privileges.columnPrivileges(p1, p2, p3));
    }

    @Override
    public ResultSet getColumns(String p0, String p1, String p2, String p3) throws SQLException {
        return result(columns.columns(p1, p2, p3));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection;
    }

    @Override
    public ResultSet getCrossReference(String p0, String p1, String p2, String p3, String p4, String p5) throws SQLException {
        return result(keys.foreignKeys(p1, p2, p4, p5));
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return serverVersion()[0];
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return serverVersion()[1];
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        checkOpen();
        return connection.conn.info().parameterStatus("server_version");
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        return server.defaultTransactionIsolation();
    }

    @Override
    public int getDriverMajorVersion() {
        return DRIVER.getMajorVersion();
    }

    @Override
    public int getDriverMinorVersion() {
        return DRIVER.getMinorVersion();
    }

    @Override
    public String getDriverVersion() throws SQLException {
        return DRIVER.getMajorVersion() + "." + DRIVER.getMinorVersion();
    }

    @Override
    public ResultSet getExportedKeys(String p0, String p1, String p2) throws SQLException {
        return result(keys.foreignKeys(p1, p2, null, null));
    }

    @Override
    public ResultSet getFunctionColumns(String p0, String p1, String p2, String p3) throws SQLException {
        return result(routines.functionColumns(p1, p2, p3));
    }

    @Override
    public ResultSet getFunctions(String p0, String p1, String p2) throws SQLException {
        return result(routines.functions(p1, p2));
    }

    @Override
    public String getIdentifierQuoteString() throws SQLException {
        return "\"";
    }

    @Override
    public ResultSet getImportedKeys(String p0, String p1, String p2) throws SQLException {
        return result(keys.foreignKeys(null, null, p1, p2));
    }

    @Override
    public ResultSet getIndexInfo(String p0, String p1, String p2, boolean p3, boolean p4) throws SQLException {
        return result(keys.indexInfo(p1, p2, p3));
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        return server.maxNameLength();
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        return server.maxNameLength();
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        return server.maxIndexKeys();
    }

    @Override
    public int getMaxConnections() throws SQLException {
        return server.maxConnections();
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        return server.maxNameLength();
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        return server.maxNameLength();
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        return server.maxNameLength();
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        return server.maxNameLength();
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        return server.maxNameLength();
    }

    @Override
    public ResultSet getPrimaryKeys(String p0, String p1, String p2) throws SQLException {
        return result(keys.primaryKeys(p1, p2));
    }

    @Override
    public ResultSet getProcedureColumns(String p0, String p1, String p2, String p3) throws SQLException {
        return result(routines.procedureColumns(p1, p2, p3));
    }

    @Override
    public ResultSet getProcedures(String p0, String p1, String p2) throws SQLException {
        return result(routines.procedures(p1, p2));
    }

    @Override
    public ResultSet getPseudoColumns(String p0, String p1, String p2, String p3) throws SQLException {
        checkOpen();
        return result(ColumnsMetaData.pseudoColumns());
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        checkOpen();
        return server.keywords();
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return result(tables.schemas(null));
    }

    @Override
    public ResultSet getSchemas(String p0, String p1) throws SQLException {
        return result(tables.schemas(p1));
    }

    @Override
    public ResultSet getSuperTables(String p0, String p1, String p2) throws SQLException {
        checkOpen();
        return result(TypesMetaData.superTables());
    }

    @Override
    public ResultSet getSuperTypes(String p0, String p1, String p2) throws SQLException {
        checkOpen();
        return result(TypesMetaData.superTypes());
    }

    @Override
    public ResultSet getTablePrivileges(String p0, String p1, String p2) throws SQLException {
        return result(privileges.tablePrivileges(p1, p2));
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        checkOpen();
        return result(TablesMetaData.tableTypes());
    }

    @Override
    public ResultSet getTables(String p0, String p1, String p2, String[] p3) throws SQLException {
        return result(tables.tables(p1, p2, p3));
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return result(types.typeInfo());
    }

    @Override
    public ResultSet getUDTs(String p0, String p1, String p2, int[] p3) throws SQLException {
        return result(types.udts(p1, p2, p3));
    }

    @Override
    public String getURL() throws SQLException {
        return connection.url;
    }

    @Override
    public String getUserName() throws SQLException {
        checkOpen();
        return connection.conn.info().user();
    }

    @Override
    public ResultSet getVersionColumns(String p0, String p1, String p2) throws SQLException {
        checkOpen();
        return result(ColumnsMetaData.versionColumns());
    }

    @Override
    public boolean insertsAreDetected(int p0) throws SQLException {
        return false;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public boolean isWrapperFor(Class<?> p0) throws SQLException {
        return p0.isInstance(this);
    }

    @Override
    public boolean othersDeletesAreVisible(int p0) throws SQLException {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int p0) throws SQLException {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int p0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int p0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int p0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int p0) throws SQLException {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> p0) throws SQLException {
        if (p0.isInstance(this)) {
            return p0.cast(this);
        }
        throw new SQLException("DatabaseMetaData is not a wrapper for " + p0.getName(), "0A000");
    }

    @Override
    public boolean updatesAreDetected(int p0) throws SQLException {
        return false;
    }
}
