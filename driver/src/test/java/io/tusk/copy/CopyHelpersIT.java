package io.tusk.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.errors.ProgrammingException;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** psycopg2's copy_from, copy_to and copy_expert. */
@PgTest
class CopyHelpersIT {

    @Test
    void copyExpertLoadsAndDumpsCsvWithAHeader(TestDatabase db) throws Exception {
        db.admin().execute("CREATE TABLE csv (id int, name text)");
        String csv = "id,name\n1,\"Smith, John\"\n2,\"say \"\"hi\"\"\"\n3,\n";
        try (Connection conn = Tusk.connect(db.conninfo())) {
            conn.setAutocommit(true);
            long in = conn.copyExpert("COPY csv FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            assertEquals(3, in);
            assertEquals("Smith, John|say \"hi\"|<null>",
                    db.admin().queryScalar("SELECT string_agg(coalesce(name, '<null>'), '|' ORDER BY id) FROM csv"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long n = conn.copyExpert("COPY (SELECT * FROM csv ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER true)", out);
            assertEquals(3, n);
            assertEquals(csv, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void copyExpertWithTheWrongDirectionSaysWhatToPass(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo())) {
            ProgrammingException e = assertThrows(ProgrammingException.class,
                    () -> conn.copyExpert("COPY (SELECT 1) TO STDOUT", new ByteArrayInputStream(new byte[0])));
            assertEquals(true, e.getMessage().contains("OutputStream"), e.getMessage());
            assertEquals("1", conn.execute("SELECT 1").fetchone().getString(0));
        }
    }

    @Test
    void copyFromAndCopyToRoundTripASchemaQualifiedTableWithAColumnList(TestDatabase db) throws Exception {
        db.admin().execute("CREATE SCHEMA \"Sales\"; CREATE TABLE \"Sales\".\"Order Lines\" (id int, \"Item\" text, qty int DEFAULT 1)");
        try (Connection conn = Tusk.connect(db.conninfo())) {
            conn.setAutocommit(true);
            String data = "1|apple\n2|NULL\n3|pear\n";
            long in = conn.copyFrom(new StringReader(data), "Sales.Order Lines", "|", "NULL", List.of("id", "Item"));
            assertEquals(3, in);
            assertEquals("3 3", db.admin().queryScalar("SELECT count(*) || ' ' || sum(qty) FROM \"Sales\".\"Order Lines\""));
            assertEquals("1", db.admin().queryScalar("SELECT count(*) FROM \"Sales\".\"Order Lines\" WHERE \"Item\" IS NULL"));

            StringWriter out = new StringWriter();
            assertEquals(3, conn.copyTo(out, "Sales.Order Lines", "|", "NULL", List.of("id", "Item")));
            assertEquals(data, out.toString());

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            conn.copyTo(bytes, "Sales.Order Lines", null, null, null);
            assertEquals("1\tapple\t1\n2\t\\N\t1\n3\tpear\t1\n", bytes.toString(StandardCharsets.UTF_8));

            long again = conn.copyFrom(new ByteArrayInputStream(bytes.toByteArray()), "Sales.Order Lines", null, null, null);
            assertEquals(3, again);
            assertEquals("6", db.admin().queryScalar("SELECT count(*) FROM \"Sales\".\"Order Lines\""));
        }
    }
}
