package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * {@code tusk demo}, {@code tusk sql}, the help and the failures, run with {@code java -jar}
 * against the test server.
 */
@PgTest
class CliIT {
    @Test
    void demoAgainstAGivenServerRunsEveryStepAndExitsZero(TestDatabase db) {
        Cli.Result r = Cli.run("demo", "--dsn", db.conninfo(PgUsers.TRUST));
        assertEquals(0, r.exit(), r::toString);
        for (String step : new String[] {"== Connect", "== Parameters and types", "inner block rolled back to its savepoint",
                "copied in 10,000 rows", "received on 'demo_channel'", "tpcRecover() on another connection finds",
                "the order is in the table: tusk plush", "== XA across two databases",
                "recover() on a new resource finds the in-doubt branch", "stock: -1 tusk plush", "== Done"}) {
            assertTrue(r.out().contains(step), () -> "missing '" + step + "' in\n" + r);
        }
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE '42_%' OR gid LIKE '4242_%'"),
                "the demo finishes the transactions it left in doubt");
    }

    @Test
    void demoWithoutDsnStartsAnEmbeddedServer() {
        Cli.Result r = Cli.run("demo");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Starting an embedded PostgreSQL"), r::toString);
        assertTrue(r.out().contains("TLS on"), r::toString);
        assertTrue(r.out().contains("== Done: every step ran against PostgreSQL"), r::toString);
        assertTrue(r.out().contains("in tusk_demo_stock_"), () -> "the XA step spans two databases: " + r);
    }

    @Test
    void sqlPrintsCsvJsonAndAnAlignedTable(TestDatabase db) {
        db.admin().execute("DROP TABLE IF EXISTS cli_sql; CREATE TABLE cli_sql (id int, name text, price numeric, ok bool); "
                + "GRANT ALL ON cli_sql TO " + PgUsers.TRUST);
        String dsn = db.conninfo(PgUsers.TRUST);
        Cli.Result insert = Cli.run("sql", "--dsn", dsn,
                "INSERT INTO cli_sql VALUES (1, 'tusk', 9.50, true), (2, 'a, \"b\"', NULL, false)");
        assertEquals(0, insert.exit(), insert::toString);
        assertEquals("INSERT 0 2", insert.out().strip(), "statements without rows print their command tag");

        String select = "SELECT id, name, price, ok FROM cli_sql ORDER BY id";
        Cli.Result csv = Cli.run("sql", "--dsn", dsn, select, "--format", "csv");
        assertEquals(0, csv.exit(), csv::toString);
        assertEquals("id,name,price,ok\n1,tusk,9.50,t\n2,\"a, \"\"b\"\"\",,f\n", csv.out(), "values as psql prints them");

        Cli.Result json = Cli.run("sql", "--dsn", dsn, select, "--format", "json");
        assertEquals(0, json.exit(), json::toString);
        assertEquals("[\n  {\"id\": 1, \"name\": \"tusk\", \"price\": 9.50, \"ok\": true},\n"
                + "  {\"id\": 2, \"name\": \"a, \\\"b\\\"\", \"price\": null, \"ok\": false}\n]\n", json.out());

        Cli.Result table = Cli.run("sql", "--dsn", dsn, select);
        assertEquals(0, table.exit(), table::toString);
        assertEquals(String.join("\n",
                " id |  name  | price | ok ",
                "----+--------+-------+----",
                "  1 | tusk   |  9.50 | t",
                "  2 | a, \"b\" |       | f",
                "(2 rows)", "", ""), table.out());
    }

    @Test
    void aServerErrorIsOneLineAndExitCodeOne(TestDatabase db) {
        Cli.Result r = Cli.run("sql", "--dsn", db.conninfo(PgUsers.TRUST), "SELECT * FROM no_such_table");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("tusk: relation \"no_such_table\" does not exist"), r::toString);
        assertTrue(r.err().contains("(SQLSTATE 42P01)"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), () -> "exactly one line: " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
    }

    @Test
    void anUnreachableServerIsOneLineAndVerboseAddsTheStackTrace(TestDatabase db) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String dsn = "host=127.0.0.1 port=" + closedPort + " user=x dbname=y connect_timeout=5";
        Cli.Result r = Cli.run("sql", "--dsn", dsn, "SELECT 1");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("tusk: could not connect (host=127.0.0.1 port=" + closedPort), r::toString);
        assertTrue(r.err().contains(String.valueOf(closedPort)), () -> "the message names the address: " + r);
        assertFalse(r.err().contains("\tat "), r::toString);

        Cli.Result verbose = Cli.run("sql", "--verbose", "--dsn", dsn, "SELECT 1");
        assertEquals(1, verbose.exit(), verbose::toString);
        assertTrue(verbose.err().contains("\tat "), verbose::toString);
    }

    @Test
    void everyHostTriedIsNamedOnOneLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Cli.Result r = Cli.run("sql", "--dsn", "host=nohost.invalid,127.0.0.1 port=" + closedPort + " user=x dbname=y connect_timeout=5",
                "SELECT 1");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), () -> "one line: " + r);
        assertTrue(r.err().contains("could not translate host name \"nohost.invalid\" to address"), r::toString);
        assertTrue(r.err().contains("; connection to server at \"127.0.0.1\", port " + closedPort + " failed: "), r::toString);
        assertFalse(r.err().contains("connection to could not"), r::toString);
    }

    @Test
    void aBadConnectionStringIsOneLineAndExitCodeOne() {
        Cli.Result r = Cli.run("xa", "list", "--dsn", "host=localhost port='unterminated");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("tusk: "), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void helpIsEverywhereAndWrongUsageExitsTwo() {
        Cli.Result top = Cli.run("--help");
        assertEquals(0, top.exit(), top::toString);
        for (String command : new String[] {"demo", "sql", "xa", "copy"}) {
            assertTrue(top.out().contains(command), () -> "tusk --help lists " + command + ": " + top);
        }
        for (String[] args : new String[][] {{"demo", "--help"}, {"sql", "--help"}, {"xa", "commit", "--help"},
                {"copy", "in", "--help"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().startsWith("Usage: tusk " + args[0]), r::toString);
        }
        Cli.Result wrong = Cli.run("sql", "--no-such-option", "SELECT 1");
        assertEquals(2, wrong.exit(), wrong::toString);
        assertTrue(wrong.err().contains("--no-such-option"), wrong::toString);
    }
}
