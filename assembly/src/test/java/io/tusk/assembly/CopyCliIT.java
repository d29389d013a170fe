package io.tusk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tusk copy in|out} of 100,000 rows, in COPY's text format and in CSV. */
@PgTest
class CopyCliIT {
    private static final int ROWS = 100_000;

    @Test
    void copiesAHundredThousandRowsInAndOutAgain(TestDatabase db, @TempDir Path dir) throws Exception {
        db.admin().execute("DROP TABLE IF EXISTS cli_copy, cli_copy_csv; CREATE TABLE cli_copy (id int, name text); "
                + "CREATE TABLE cli_copy_csv (id int, name text); GRANT ALL ON cli_copy, cli_copy_csv TO " + PgUsers.TRUST);
        Path source = dir.resolve("items.tsv");
        List<String> lines = IntStream.rangeClosed(1, ROWS).mapToObj(i -> i + "\titem " + i).toList();
        Files.write(source, lines);
        String dsn = db.conninfo(PgUsers.TRUST);

        Cli.Result in = Cli.run("copy", "in", "--dsn", dsn, "cli_copy", source.toString());
        assertEquals(0, in.exit(), in::toString);
        assertTrue(in.out().startsWith("copied in 100,000 rows"), in::toString);
        assertFalse(in.err().contains("\r"), () -> "no in-place progress bar when not on a terminal: " + in);
        assertEquals(String.valueOf(ROWS), db.admin().queryScalar("SELECT count(*) FROM cli_copy"));

        Path dumped = dir.resolve("dump.tsv");
        Cli.Result out = Cli.run("copy", "out", "--dsn", dsn, "(SELECT * FROM cli_copy ORDER BY id)", dumped.toString());
        assertEquals(0, out.exit(), out::toString);
        assertTrue(out.out().startsWith("copied out 100,000 rows"), out::toString);
        assertEquals(lines, Files.readAllLines(dumped), "what went in comes out");

        Path csv = dir.resolve("dump.csv");
        Cli.Result csvOut = Cli.run("copy", "out", "--dsn", dsn, "cli_copy", csv.toString(), "--csv", "--header");
        assertEquals(0, csvOut.exit(), csvOut::toString);
        assertEquals("id,name", Files.readAllLines(csv).get(0));
        Cli.Result csvIn = Cli.run("copy", "in", "--dsn", dsn, "cli_copy_csv", csv.toString(), "--csv", "--header");
        assertEquals(0, csvIn.exit(), csvIn::toString);
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM (SELECT * FROM cli_copy EXCEPT SELECT * FROM cli_copy_csv) d"));
        assertEquals(String.valueOf(ROWS), db.admin().queryScalar("SELECT count(*) FROM cli_copy_csv"));
    }

    @Test
    void aMissingFileOrTableIsOneLineAndExitCodeOne(TestDatabase db, @TempDir Path dir) throws Exception {
        String dsn = db.conninfo(PgUsers.TRUST);
        Cli.Result missingFile = Cli.run("copy", "in", "--dsn", dsn, "cli_copy", dir.resolve("nope.tsv").toString());
        assertEquals(1, missingFile.exit(), missingFile::toString);
        assertTrue(missingFile.err().startsWith("tusk: no such file: "), missingFile::toString);

        Path file = Files.writeString(dir.resolve("one.tsv"), "1\tx\n");
        Cli.Result missingTable = Cli.run("copy", "in", "--dsn", dsn, "no_such_table", file.toString());
        assertEquals(1, missingTable.exit(), missingTable::toString);
        assertTrue(missingTable.err().startsWith("tusk: relation \"no_such_table\" does not exist"), missingTable::toString);
    }

    @Test
    void aBadLineIsNamedByFileLineColumnAndSqlstate(TestDatabase db, @TempDir Path dir) throws Exception {
        db.admin().execute("DROP TABLE IF EXISTS cli_copy_bad; CREATE TABLE cli_copy_bad (id int, name text, price numeric);"
                + " GRANT ALL ON cli_copy_bad TO " + PgUsers.TRUST);
        String dsn = db.conninfo(PgUsers.TRUST);
        StringBuilder sb = new StringBuilder("id,name,price\n");
        for (int i = 1; i <= 1000; i++) {
            sb.append(i).append(",item ").append(i).append(',').append(i).append(i == 700 ? ",9\n" : "\n");
        }
        Path csv = Files.writeString(dir.resolve("items.csv"), sb);
        Cli.Result extra = Cli.run("copy", "in", "--dsn", dsn, "cli_copy_bad", csv.toString(), "--csv", "--header");
        assertEquals(1, extra.exit(), extra::toString);
        assertEquals("tusk: " + csv + " line 701: extra data after last expected column (SQLSTATE 22P04)\n", extra.err(),
                "one line: the file's line (its header counted), the server's message and SQLSTATE");
        assertEquals("0", db.admin().queryScalar("SELECT count(*) FROM cli_copy_bad"));

        Cli.Result column = Cli.runWithInput("1\ta\t1\n2\tb\tabc\n", "copy", "in", "--dsn", dsn, "cli_copy_bad", "-");
        assertEquals(1, column.exit(), column::toString);
        assertEquals("tusk: stdin line 2, column price: invalid input syntax for type numeric: \"abc\" (SQLSTATE 22P02)\n",
                column.err());
    }

    @Test
    void copyThroughStdinAndStdoutCountsItsBytesAndKeepsProgressOffStdout(TestDatabase db) throws Exception {
        db.admin().execute("DROP TABLE IF EXISTS cli_copy_std; CREATE TABLE cli_copy_std (id int, name text);"
                + " GRANT ALL ON cli_copy_std TO " + PgUsers.TRUST);
        String dsn = db.conninfo(PgUsers.TRUST);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            sb.append(i).append("\titem ").append(i).append('\n');
        }
        String data = sb.toString();
        Cli.Result in = Cli.runWithInput(data, "copy", "in", "--dsn", dsn, "cli_copy_std", "-");
        assertEquals(0, in.exit(), in::toString);
        assertTrue(in.err().contains("copied in 20,000 rows (" + String.format(java.util.Locale.ROOT, "%.1f kB", data.length() / 1024.0) + ")"),
                in::toString);

        Cli.Result out = Cli.run("copy", "out", "--dsn", dsn, "(SELECT * FROM cli_copy_std ORDER BY id)", "-");
        assertEquals(0, out.exit(), out::toString);
        assertEquals(data, out.out(), "stdout holds the data and nothing else");
        assertTrue(out.err().contains("copied out 20,000 rows (" + String.format(java.util.Locale.ROOT, "%.1f kB", data.length() / 1024.0) + ")"),
                out::toString);
    }
}
