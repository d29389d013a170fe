package io.tusk.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.Connection;
import io.tusk.Copy;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.errors.ProgrammingException;
import io.tusk.rows.Row;
import io.tusk.testkit.FreshDatabase;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY through a cursor: cursor.copy with client-quoted parameters, copyFrom/copyTo/copyExpert. */
@PgTest
@FreshDatabase
class CursorCopyIT {
    @Test
    void copyWithParametersQuotesThemIntoTheStatement(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo()); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE t (id int, name text)");
            try (Copy copy = cur.copy("COPY t (id, name) FROM STDIN")) {
                copy.writeRow(1, "one");
                copy.writeRow(2, "it's two");
                copy.writeRow(3, null);
            }
            List<String> out = new ArrayList<>();
            try (Copy copy = cur.copy("COPY (SELECT id, name FROM t WHERE name <> %s ORDER BY id) TO STDOUT", "o'ne")) {
                for (Object[] r; (r = copy.readRow()) != null; ) {
                    out.add(r[0] + ":" + r[1]);
                }
            }
            assertEquals(List.of("1:one", "2:it's two"), out);
        }
    }

    @Test
    void copyFromCopyToAndCopyExpertWorkThroughTheCursor(TestDatabase db) throws Exception {
        try (Connection conn = Tusk.connect(db.conninfo()); Cursor<Row> cur = conn.cursor()) {
            cur.execute("CREATE TEMP TABLE p (a int, b text)");
            assertEquals(2, cur.copyFrom(new ByteArrayInputStream("1|x\n2|y\n".getBytes(StandardCharsets.UTF_8)), "p", "|", null, null));
            assertEquals(1, cur.copyFrom(new StringReader("3\tz\n"), "p", null, null, List.of("a", "b")));
            StringWriter w = new StringWriter();
            assertEquals(3, cur.copyTo(w, "p", ",", null, null));
            assertEquals("1,x\n2,y\n3,z\n", w.toString());
            assertEquals(1, cur.copyExpert("COPY p FROM STDIN WITH (FORMAT csv)",
                    new ByteArrayInputStream("4,\"w\"\n".getBytes(StandardCharsets.UTF_8))));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertEquals(4, cur.copyExpert("COPY (SELECT a FROM p ORDER BY a) TO STDOUT", bytes));
            assertEquals("1\n2\n3\n4\n", bytes.toString(StandardCharsets.UTF_8));
            ByteArrayOutputStream to = new ByteArrayOutputStream();
            assertEquals(4, cur.copyTo(to, "p", null, null, List.of("b")));
            assertEquals("x\ny\nz\nw\n", to.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void namedCursorsRefuseCopy(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo())) {
            assertThrows(ProgrammingException.class, () -> conn.cursor("named").copy("COPY t TO STDOUT"));
        }
    }
}
