package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcDatabaseMetaData implements java.sql.DatabaseMetaData {
    final JdbcConnection connection;

    public JdbcDatabaseMetaData(JdbcConnection connection) {
        this.connection = connection;
    }

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.allProceduresAreCallable is not supported yet");
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.allTablesAreSelectable is not supported yet");
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.autoCommitFailureClosesAllResultSets is not supported yet");
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.dataDefinitionCausesTransactionCommit is not supported yet");
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.dataDefinitionIgnoredInTransactions is not supported yet");
    }

    @Override
    public boolean deletesAreDetected(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.deletesAreDetected is not supported yet");
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.doesMaxRowSizeIncludeBlobs is not supported yet");
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.generatedKeyAlwaysReturned is not supported yet");
    }

    @Override
    public java.sql.ResultSet getAttributes(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getAttributes is not supported yet");
    }

    @Override
    public java.sql.ResultSet getBestRowIdentifier(java.lang.String p0, java.lang.String p1, java.lang.String p2, int p3, boolean p4) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getBestRowIdentifier is not supported yet");
    }

    @Override
    public java.lang.String getCatalogSeparator() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogSeparator is not supported yet");
    }

    @Override
    public java.lang.String getCatalogTerm() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogTerm is not supported yet");
    }

    @Override
    public java.sql.ResultSet getCatalogs() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogs is not supported yet");
    }

    @Override
    public java.sql.ResultSet getClientInfoProperties() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getClientInfoProperties is not supported yet");
    }

    @Override
    public java.sql.ResultSet getColumnPrivileges(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getColumnPrivileges is not supported yet");
    }

    @Override
    public java.sql.ResultSet getColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getColumns is not supported yet");
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getConnection is not supported yet");
    }

    @Override
    public java.sql.ResultSet getCrossReference(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3, java.lang.String p4, java.lang.String p5) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getCrossReference is not supported yet");
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseMajorVersion is not supported yet");
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseMinorVersion is not supported yet");
    }

    @Override
    public java.lang.String getDatabaseProductName() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseProductName is not supported yet");
    }

    @Override
    public java.lang.String getDatabaseProductVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getDatabaseProductVersion is not supported yet");
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getDefaultTransactionIsolation is not supported yet");
    }

    @Override
    public int getDriverMajorVersion() {
        throw new UnsupportedOperationException("DatabaseMetaData.getDriverMajorVersion is not supported yet");
    }

    @Override
    public int getDriverMinorVersion() {
        throw new UnsupportedOperationException("DatabaseMetaData.getDriverMinorVersion is not supported yet");
    }

    @Override
    public java.lang.String getDriverName() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getDriverName is not supported yet");
    }

    @Override
    public java.lang.String getDriverVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getDriverVersion is not supported yet");
    }

    @Override
    public java.sql.ResultSet getExportedKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getExportedKeys is not supported yet");
    }

    @Override
    public java.lang.String getExtraNameCharacters() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getExtraNameCharacters is not supported yet");
    }

    @Override
    public java.sql.ResultSet getFunctionColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getFunctionColumns is not supported yet");
    }

    @Override
    public java.sql.ResultSet getFunctions(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getFunctions is not supported yet");
    }

    @Override
    public java.lang.String getIdentifierQuoteString() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getIdentifierQuoteString is not supported yet");
    }

    @Override
    public java.sql.ResultSet getImportedKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getImportedKeys is not supported yet");
    }

    @Override
    public java.sql.ResultSet getIndexInfo(java.lang.String p0, java.lang.String p1, java.lang.String p2, boolean p3, boolean p4) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getIndexInfo is not supported yet");
    }

    @Override
    public int getJDBCMajorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getJDBCMajorVersion is not supported yet");
    }

    @Override
    public int getJDBCMinorVersion() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getJDBCMinorVersion is not supported yet");
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxBinaryLiteralLength is not supported yet");
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxCatalogNameLength is not supported yet");
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxCharLiteralLength is not supported yet");
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnNameLength is not supported yet");
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInGroupBy is not supported yet");
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInIndex is not supported yet");
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInOrderBy is not supported yet");
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInSelect is not supported yet");
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxColumnsInTable is not supported yet");
    }

    @Override
    public int getMaxConnections() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxConnections is not supported yet");
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxCursorNameLength is not supported yet");
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxIndexLength is not supported yet");
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxProcedureNameLength is not supported yet");
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxRowSize is not supported yet");
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxSchemaNameLength is not supported yet");
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxStatementLength is not supported yet");
    }

    @Override
    public int getMaxStatements() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxStatements is not supported yet");
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxTableNameLength is not supported yet");
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxTablesInSelect is not supported yet");
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getMaxUserNameLength is not supported yet");
    }

    @Override
    public java.lang.String getNumericFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getNumericFunctions is not supported yet");
    }

    @Override
    public java.sql.ResultSet getPrimaryKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getPrimaryKeys is not supported yet");
    }

    @Override
    public java.sql.ResultSet getProcedureColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getProcedureColumns is not supported yet");
    }

    @Override
    public java.lang.String getProcedureTerm() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getProcedureTerm is not supported yet");
    }

    @Override
    public java.sql.ResultSet getProcedures(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getProcedures is not supported yet");
    }

    @Override
    public java.sql.ResultSet getPseudoColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getPseudoColumns is not supported yet");
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getResultSetHoldability is not supported yet");
    }

    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getRowIdLifetime is not supported yet");
    }

    @Override
    public java.lang.String getSQLKeywords() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSQLKeywords is not supported yet");
    }

    @Override
    public int getSQLStateType() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSQLStateType is not supported yet");
    }

    @Override
    public java.lang.String getSchemaTerm() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSchemaTerm is not supported yet");
    }

    @Override
    public java.sql.ResultSet getSchemas() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSchemas is not supported yet");
    }

    @Override
    public java.sql.ResultSet getSchemas(java.lang.String p0, java.lang.String p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSchemas is not supported yet");
    }

    @Override
    public java.lang.String getSearchStringEscape() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSearchStringEscape is not supported yet");
    }

    @Override
    public java.lang.String getStringFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getStringFunctions is not supported yet");
    }

    @Override
    public java.sql.ResultSet getSuperTables(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSuperTables is not supported yet");
    }

    @Override
    public java.sql.ResultSet getSuperTypes(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSuperTypes is not supported yet");
    }

    @Override
    public java.lang.String getSystemFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getSystemFunctions is not supported yet");
    }

    @Override
    public java.sql.ResultSet getTablePrivileges(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getTablePrivileges is not supported yet");
    }

    @Override
    public java.sql.ResultSet getTableTypes() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getTableTypes is not supported yet");
    }

    @Override
    public java.sql.ResultSet getTables(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String[] p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getTables is not supported yet");
    }

    @Override
    public java.lang.String getTimeDateFunctions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getTimeDateFunctions is not supported yet");
    }

    @Override
    public java.sql.ResultSet getTypeInfo() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getTypeInfo is not supported yet");
    }

    @Override
    public java.sql.ResultSet getUDTs(java.lang.String p0, java.lang.String p1, java.lang.String p2, int[] p3) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getUDTs is not supported yet");
    }

    @Override
    public java.lang.String getURL() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getURL is not supported yet");
    }

    @Override
    public java.lang.String getUserName() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getUserName is not supported yet");
    }

    @Override
    public java.sql.ResultSet getVersionColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.getVersionColumns is not supported yet");
    }

    @Override
    public boolean insertsAreDetected(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.insertsAreDetected is not supported yet");
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.isCatalogAtStart is not supported yet");
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.isReadOnly is not supported yet");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.isWrapperFor is not supported yet");
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.locatorsUpdateCopy is not supported yet");
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.nullPlusNonNullIsNull is not supported yet");
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedAtEnd is not supported yet");
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedAtStart is not supported yet");
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedHigh is not supported yet");
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.nullsAreSortedLow is not supported yet");
    }

    @Override
    public boolean othersDeletesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.othersDeletesAreVisible is not supported yet");
    }

    @Override
    public boolean othersInsertsAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.othersInsertsAreVisible is not supported yet");
    }

    @Override
    public boolean othersUpdatesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.othersUpdatesAreVisible is not supported yet");
    }

    @Override
    public boolean ownDeletesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.ownDeletesAreVisible is not supported yet");
    }

    @Override
    public boolean ownInsertsAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.ownInsertsAreVisible is not supported yet");
    }

    @Override
    public boolean ownUpdatesAreVisible(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.ownUpdatesAreVisible is not supported yet");
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.storesLowerCaseIdentifiers is not supported yet");
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.storesLowerCaseQuotedIdentifiers is not supported yet");
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.storesMixedCaseIdentifiers is not supported yet");
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.storesMixedCaseQuotedIdentifiers is not supported yet");
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.storesUpperCaseIdentifiers is not supported yet");
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.storesUpperCaseQuotedIdentifiers is not supported yet");
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsANSI92EntryLevelSQL is not supported yet");
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsANSI92FullSQL is not supported yet");
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsANSI92IntermediateSQL is not supported yet");
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsAlterTableWithAddColumn is not supported yet");
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsAlterTableWithDropColumn is not supported yet");
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsBatchUpdates is not supported yet");
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInDataManipulation is not supported yet");
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInIndexDefinitions is not supported yet");
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInPrivilegeDefinitions is not supported yet");
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInProcedureCalls is not supported yet");
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsCatalogsInTableDefinitions is not supported yet");
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsColumnAliasing is not supported yet");
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsConvert is not supported yet");
    }

    @Override
    public boolean supportsConvert(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsConvert is not supported yet");
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsCoreSQLGrammar is not supported yet");
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsCorrelatedSubqueries is not supported yet");
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsDataDefinitionAndDataManipulationTransactions is not supported yet");
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsDataManipulationTransactionsOnly is not supported yet");
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsDifferentTableCorrelationNames is not supported yet");
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsExpressionsInOrderBy is not supported yet");
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsExtendedSQLGrammar is not supported yet");
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsFullOuterJoins is not supported yet");
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsGetGeneratedKeys is not supported yet");
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsGroupBy is not supported yet");
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsGroupByBeyondSelect is not supported yet");
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsGroupByUnrelated is not supported yet");
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsIntegrityEnhancementFacility is not supported yet");
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsLikeEscapeClause is not supported yet");
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsLimitedOuterJoins is not supported yet");
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsMinimumSQLGrammar is not supported yet");
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsMixedCaseIdentifiers is not supported yet");
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsMixedCaseQuotedIdentifiers is not supported yet");
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsMultipleOpenResults is not supported yet");
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsMultipleResultSets is not supported yet");
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsMultipleTransactions is not supported yet");
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsNamedParameters is not supported yet");
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsNonNullableColumns is not supported yet");
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenCursorsAcrossCommit is not supported yet");
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenCursorsAcrossRollback is not supported yet");
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenStatementsAcrossCommit is not supported yet");
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsOpenStatementsAcrossRollback is not supported yet");
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsOrderByUnrelated is not supported yet");
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsOuterJoins is not supported yet");
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsPositionedDelete is not supported yet");
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsPositionedUpdate is not supported yet");
    }

    @Override
    public boolean supportsResultSetConcurrency(int p0, int p1) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsResultSetConcurrency is not supported yet");
    }

    @Override
    public boolean supportsResultSetHoldability(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsResultSetHoldability is not supported yet");
    }

    @Override
    public boolean supportsResultSetType(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsResultSetType is not supported yet");
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSavepoints is not supported yet");
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInDataManipulation is not supported yet");
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInIndexDefinitions is not supported yet");
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInPrivilegeDefinitions is not supported yet");
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInProcedureCalls is not supported yet");
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSchemasInTableDefinitions is not supported yet");
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSelectForUpdate is not supported yet");
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsStatementPooling is not supported yet");
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsStoredFunctionsUsingCallSyntax is not supported yet");
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsStoredProcedures is not supported yet");
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInComparisons is not supported yet");
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInExists is not supported yet");
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInIns is not supported yet");
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsSubqueriesInQuantifieds is not supported yet");
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsTableCorrelationNames is not supported yet");
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsTransactionIsolationLevel is not supported yet");
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsTransactions is not supported yet");
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsUnion is not supported yet");
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.supportsUnionAll is not supported yet");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.unwrap is not supported yet");
    }

    @Override
    public boolean updatesAreDetected(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.updatesAreDetected is not supported yet");
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.usesLocalFilePerTable is not supported yet");
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        throw new SQLFeatureNotSupportedException("DatabaseMetaData.usesLocalFiles is not supported yet");
    }
}
