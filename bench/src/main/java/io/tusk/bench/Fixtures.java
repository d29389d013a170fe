package io.tusk.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The tables of a benchmark run, made once by the launcher with pgjdbc (never with the driver
 * under test) and filled on the server with {@code generate_series}.
 *
 * <pre>{@code
 * Fixtures.create(target);                          // before the first JMH fork
 * Fixtures.dumpWide(target, Path.of("wide.tsv"));   // the COPY FROM STDIN input
 * }</pre>
 *
 * <ul>
 * <li>{@code pgbench_accounts}: pgbench's table (aid primary key, bid, abalance, filler char(84)),
 *     {@value #ACCOUNTS} rows, for pgbench's {@code -S} query;
 * <li>{@code wide}: the same four columns (int, int, int, char(84)) without a key, {@value #WIDE_ROWS}
 *     rows, for the bulk fetch and COPY TO STDOUT;
 * <li>{@code mixed}: numeric, timestamptz, text, uuid, jsonb, int8[], {@value #MIXED_ROWS} rows;
 * <li>{@code insert_target}, {@code copy_in}: empty, emptied before every insert/COPY FROM run;
 * <li>{@code pipe}: {@value #PIPE_ROWS} rows (id primary key, v), for a pipeline of small updates;
 * <li>{@code xa_accounts}: {@value #XA_ACCOUNTS} rows (id primary key, balance), in the run's database and
 *     in its second database ({@link #createXa}), for the two branches of an XA transaction.
 * </ul>
 */
public final class Fixtures {
    public static final int ACCOUNTS = 100_000;
    public static final int WIDE_ROWS = 1_000_000;
    public static final int MIXED_ROWS = 100_000;
    public static final int INSERT_ROWS = 100_000;
    public static final int PIPE_ROWS = 1_000;
    public static final int XA_ACCOUNTS = 1_000;

    private Fixtures() {
    }

    /** Creates and fills every table, then VACUUM ANALYZE so that no run pays for hint bits or stats. */
    public static void create(BenchTarget target) {
        String[] ddl = {
            "DROP TABLE IF EXISTS pgbench_accounts, wide, mixed, insert_target, copy_in, pipe, xa_accounts",
            "CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL, filler char(84))",
            "INSERT INTO pgbench_accounts SELECT i, (i - 1) / 100000 + 1, 0, '' FROM generate_series(1, " + ACCOUNTS + ") i",
            "CREATE TABLE wide (a int NOT NULL, b int NOT NULL, c int NOT NULL, filler char(84))",
            "INSERT INTO wide SELECT i, i % 1000, i % 97, rpad(md5(i::text), 84, 'x') FROM generate_series(1, "
                    + WIDE_ROWS + ") i",
            "CREATE TABLE mixed (n numeric(12,2), ts timestamptz, t text, u uuid, j jsonb, arr int8[])",
            "INSERT INTO mixed SELECT (i * 12.34)::numeric(12,2), timestamptz '2024-01-01 00:00:00+00' + i * interval "
                    + "'1 second', 'name-' || md5(i::text), md5(i::text)::uuid, jsonb_build_object('id', i, 'name', "
                    + "'n' || i, 'tags', jsonb_build_array('a', 'b', i % 10)), ARRAY[i, i * 2, i * 3]::int8[] "
                    + "FROM generate_series(1, " + MIXED_ROWS + ") i",
            "CREATE TABLE insert_target (aid int, bid int, abalance int, filler char(84))",
            "CREATE TABLE copy_in (a int, b int, c int, filler char(84))",
            "CREATE TABLE pipe (id int PRIMARY KEY, v int NOT NULL)",
            "INSERT INTO pipe SELECT i, 0 FROM generate_series(1, " + PIPE_ROWS + ") i",
            XA_DDL,
            XA_FILL,
            "VACUUM ANALYZE",
        };
        run(target, ddl);
    }

    private static final String XA_DDL = "CREATE TABLE xa_accounts (id int PRIMARY KEY, balance int NOT NULL)";
    private static final String XA_FILL = "INSERT INTO xa_accounts SELECT i, 0 FROM generate_series(1, " + XA_ACCOUNTS
            + ") i";

    /** Makes {@code xa_accounts} alone in {@code target}: the run's second database, branch B of XaCycle. */
    public static void createXa(BenchTarget target) {
        run(target, new String[] {"DROP TABLE IF EXISTS xa_accounts", XA_DDL, XA_FILL, "VACUUM ANALYZE xa_accounts"});
    }

    private static void run(BenchTarget target, String[] ddl) {
        try (Connection c = target.jdbc(true); Statement st = c.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the benchmark tables on " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes {@code COPY wide TO STDOUT} (text format) to {@code file}: the input of the COPY FROM benchmarks. */
    public static void dumpWide(BenchTarget target, Path file) {
        try (Connection c = target.jdbc(true); OutputStream out = Files.newOutputStream(file)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY wide TO STDOUT", out);
        } catch (SQLException e) {
            throw new IllegalStateException("could not dump table wide: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The server's version string (e.g. {@code 17.6}). */
    public static String serverVersion(BenchTarget target) {
        try (Connection c = target.jdbc(true); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read server_version: " + e.getMessage(), e);
        }
    }
}
