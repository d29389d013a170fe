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
}
