package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.Xid;
import io.tusk.testkit.PgServer;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code tusk xa list|commit|rollback} on transactions this test prepared with the driver's
 * {@code tpcBegin}/{@code tpcPrepare}, including one in another database and one whose gtrid
 * is binary.
 */
@PgTest
class XaCliIT {
    private static Xid prepare(TestDatabase db, Xid xid, int value) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.tpcBegin(xid);
            conn.execute("INSERT INTO cli_xa VALUES (%s)", value);
            conn.tpcPrepare();
        }
        return xid;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void listShowsDecodedIdsAndCommitRollbackFinishThemByIdEvenInAnotherDatabase(PgServer server, TestDatabase db) {
        TestDatabase other = server.newDatabase("cli_xa_other");
        for (TestDatabase d : new TestDatabase[] {db, other}) {
            d.admin().execute("DROP TABLE IF EXISTS cli_xa; CREATE TABLE cli_xa (v int); GRANT ALL ON cli_xa TO " + PgUsers.TRUST);
        }
        String tag = tag();
        Xid toCommit = prepare(db, Xid.of(42, "order-" + tag, "db-1"), 1);
        Xid toRollback = prepare(db, Xid.of(42, "refund-" + tag, "db-1"), 2);
        Xid binary = prepare(db, Xid.of(7, new byte[] {0, 1, (byte) 0xfe}, "b".getBytes()), 3);
        Xid elsewhere = prepare(other, Xid.of(42, "order-" + tag, "db-2"), 4);
        String dsn = db.conninfo(PgUsers.TRUST);

        Cli.Result list = Cli.run("xa", "list", "--dsn", dsn);
        assertEquals(0, list.exit(), list::toString);
        assertTrue(list.out().contains("order-" + tag), list::toString);
        assertTrue(list.out().contains("hex:0001fe"), () -> "a binary gtrid shows in hex: " + list);
        assertTrue(list.out().contains(other.dbname()), () -> "every database is listed: " + list);

        Cli.Result json = Cli.run("xa", "list", "--dsn", dsn, "--json");
        assertEquals(0, json.exit(), json::toString);
        assertTrue(json.out().contains("\"id\": \"" + toCommit + "\", \"formatId\": 42, \"gtrid\": \"order-" + tag + "\""), json::toString);
        assertTrue(json.out().contains("\"gtrid\": null, \"gtridHex\": \"0001fe\""), json::toString);

        Cli.Result young = Cli.run("xa", "list", "--dsn", dsn, "--older-than", "1h", "--json");
        assertFalse(young.out().contains(tag), () -> "transactions a second old are not older than 1h: " + young);

        Cli.Result commit = Cli.run("xa", "commit", "--dsn", dsn, toCommit.toString());
        assertEquals(0, commit.exit(), commit::toString);
        assertEquals("1", db.admin().queryScalar("SELECT count(*) FROM cli_xa WHERE v = 1"), "the committed row is there");

        Cli.Result rollback = Cli.run("xa", "rollback", "--dsn", dsn, toRollback.toString(), "--json");
        assertEquals(0, rollback.exit(), rollback::toString);
        assertTrue(rollback.out().contains("\"action\": \"rollback\", \"ok\": true"), rollback::toString);
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM cli_xa WHERE v = 2"));

        Cli.Result there = Cli.run("xa", "commit", "--dsn", dsn, elsewhere.toString());
        assertEquals(0, there.exit(), () -> "COMMIT PREPARED runs in the transaction's own database: " + there);
        assertEquals("1", other.admin().queryScalar("SELECT count(*) FROM cli_xa WHERE v = 4"));

        Cli.Result hex = Cli.run("xa", "rollback", "--dsn", dsn, binary.toString());
        assertEquals(0, hex.exit(), hex::toString);
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts"));
    }

    @Test
    void anUnknownIdIsOneLineAndExitCodeOne(TestDatabase db) {
        Cli.Result r = Cli.run("xa", "commit", "--dsn", db.conninfo(PgUsers.TRUST), "42_bm9uZQ==_bm9uZQ==");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("tusk: no prepared transaction with id '42_bm9uZQ==_bm9uZQ==' on this server: 'tusk xa list' shows the ids",
                r.err().strip());
    }

    @Test
    void allAsksForConfirmationOnStdinUnlessYes(TestDatabase db) {
        db.admin().execute("DROP TABLE IF EXISTS cli_xa; CREATE TABLE cli_xa (v int); GRANT ALL ON cli_xa TO " + PgUsers.TRUST);
        String tag = tag();
        prepare(db, Xid.of(42, "all-1-" + tag, "x"), 10);
        prepare(db, Xid.of(42, "all-2-" + tag, "x"), 11);
        String dsn = db.conninfo(PgUsers.TRUST);

        Cli.Result declined = Cli.runWithInput("n\n", "xa", "commit", "--dsn", dsn, "--all");
        assertEquals(1, declined.exit(), declined::toString);
        assertTrue(declined.err().contains("Commit these 2 prepared transactions? [y/N]"), declined::toString);
        assertTrue(declined.err().contains("nothing done"), declined::toString);
        assertEquals("2", db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts"));

        Cli.Result noAnswer = Cli.run("xa", "commit", "--dsn", dsn, "--all");
        assertEquals(1, noAnswer.exit(), () -> "no answer on stdin is no: " + noAnswer);

        Cli.Result confirmed = Cli.runWithInput("y\n", "xa", "commit", "--dsn", dsn, "--all");
        assertEquals(0, confirmed.exit(), confirmed::toString);
        assertEquals("2", db.admin().queryScalar("SELECT count(*) FROM cli_xa WHERE v IN (10, 11)"));

        prepare(db, Xid.of(42, "all-3-" + tag, "x"), 12);
        Cli.Result yes = Cli.run("xa", "rollback", "--dsn", dsn, "--all", "--yes");
        assertEquals(0, yes.exit(), yes::toString);
        assertTrue(yes.out().contains("rolled back"), yes::toString);
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts"));

        Cli.Result none = Cli.run("xa", "rollback", "--dsn", dsn, "--all", "--yes");
        assertEquals(0, none.exit(), none::toString);
        assertEquals("no prepared transactions to roll back", none.out().strip());
    }
}
