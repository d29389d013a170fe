package io.tusk.jdbc.internal;

/**
 * The settings of a {@code jdbc:tusk:} URL that are not libpq connection parameters: they shape
 * the JDBC objects (statements, batches, read-only handling) rather than the session, and are
 * applied to the native connection by {@link JdbcConnection}. Names and defaults are pgjdbc's.
 *
 * @param prepareThreshold pgjdbc's {@code prepareThreshold}: the execution at which a statement
 *     is prepared on the server (default 5; 0 never prepares; negative prepares at once)
 * @param preparedStatementCacheQueries pgjdbc's {@code preparedStatementCacheQueries}: the most
 *     prepared statements kept per connection, or null for Tusk's default
 * @param reWriteBatchedInserts pgjdbc's {@code reWriteBatchedInserts}: batches of a plain INSERT
 *     are sent as multi-row VALUES
 * @param readOnly pgjdbc's {@code readOnly}: the connection starts in read-only mode
 * @param readOnlyMode pgjdbc's {@code readOnlyMode}: {@code ignore}, {@code transaction} (default)
 *     or {@code always}
 * @param defaultRowFetchSize pgjdbc's {@code defaultRowFetchSize}: the fetch size new statements
 *     start with (0: fetch every row at once)
 * @param stringType pgjdbc's {@code stringtype}: {@code varchar} (null, the default) or
 *     {@code unspecified} (setString binds as an untyped literal)
 * @param escapeSyntaxCallMode pgjdbc's {@code escapeSyntaxCallMode}: {@code select} (default),
 *     {@code callIfNoReturn} or {@code call}
 * @param quoteReturningIdentifiers pgjdbc's {@code quoteReturningIdentifiers}: column names asked
 *     for as generated keys are quoted (default true)
 */
public record JdbcSettings(int prepareThreshold, Integer preparedStatementCacheQueries, boolean reWriteBatchedInserts,
        boolean readOnly, String readOnlyMode, int defaultRowFetchSize, String stringType, String escapeSyntaxCallMode,
        boolean quoteReturningIdentifiers) {

    /** pgjdbc's defaults. */
    public static final JdbcSettings DEFAULTS = new JdbcSettings(5, null, false, false, "transaction", 0, null, "select", true);

    /**
     * The prepare threshold in the native API's terms: pgjdbc prepares at the n-th execution,
     * psycopg (and Tusk) after n executions; pgjdbc's 0 turns preparing off (Tusk: null); a
     * negative pgjdbc value (its "force binary") prepares at the first execution.
     */
    public Integer nativePrepareThreshold() {
        if (prepareThreshold == 0) {
            return null;
        }
        return prepareThreshold < 0 ? 0 : prepareThreshold - 1;
    }
}
