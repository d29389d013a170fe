package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.errors.DataException;
import io.tusk.errors.NotSupportedException;
import io.tusk.internal.connection.Encodings;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text in every client encoding that has a Java charset; the others are refused at connect. */
@PgTest
class EncodingsIT {
    /** Characters of many scripts: each encoding is tried with those it can hold. */
    private static final String CANDIDATES = "éßжאعกあ中한Ωđ€ğ";

    @Test
    void everyClientEncodingWithAJavaCharsetRoundTripsText(TestDatabase db) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : Encodings.table().entrySet()) {
            String pg = e.getKey();
            if (!Charset.isSupported(e.getValue())) {
                assertThrows(NotSupportedException.class, () -> Tusk.connect(db.conninfo(PgUsers.TRUST)
                        + " client_encoding=" + pg).close(), pg);
                continue;
            }
            CharsetEncoder enc = Charset.forName(e.getValue()).newEncoder();
            StringBuilder text = new StringBuilder("it's \\ ");
            if (!pg.equals("SQL_ASCII")) {
                // PostgreSQL's GBK has no euro sign (it refuses 0x80, Windows 936's euro, and Java's
                // GBK writes it as 0xA2E3), so € is left out for GBK.
                String candidates = pg.equals("GBK") ? CANDIDATES.replace("€", "") : CANDIDATES;
                // PostgreSQL's JOHAB input check treats it like EUC (both bytes >= 0x80) and refuses
                // most of JOHAB's double-byte characters (한 is 0xD065): ASCII only.
                candidates = pg.equals("JOHAB") ? "" : candidates;
                candidates.codePoints().filter(c -> enc.canEncode(Character.toString(c))).forEach(text::appendCodePoint);
            }
            try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST) + " client_encoding=" + pg)) {
                for (String p : new String[] {"%t", "%b"}) {
                    for (boolean binary : new boolean[] {false, true}) {
                        try (Cursor<Row> cur = conn.cursor()) {
                            cur.setBinary(binary);
                            Row row = cur.execute("SELECT " + p + "::text, length(" + p + "::text)", text.toString(),
                                    text.toString()).fetchone();
                            if (!text.toString().equals(row.get(0))
                                    || text.codePointCount(0, text.length()) != (Integer) row.get(1)) {
                                failures.add(pg + " " + p + (binary ? " binary" : " text") + ": " + row.toList());
                            }
                        }
                    }
                }
            } catch (RuntimeException ex) {
                failures.add(pg + ": " + ex);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void latin1DatabaseAndClientEncodingRoundTripAndRefuseWhatLatin1CannotHold(TestDatabase db) {
        db.admin().execute("DROP DATABASE IF EXISTS tusk_latin1");
        db.admin().execute("CREATE DATABASE tusk_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST) + " dbname=tusk_latin1 client_encoding=LATIN1")) {
            assertEquals("LATIN1", conn.execute("SHOW server_encoding").fetchone().get(0));
            conn.execute("CREATE TEMP TABLE t (s text)");
            conn.execute("INSERT INTO t VALUES (%s)", "café naïve");
            assertEquals(List.of("café naïve", 10), conn.execute("SELECT s, octet_length(s) FROM t").fetchone().toList());
            assertEquals(List.of("café", "ü"), conn.execute("SELECT %s::text[]", (Object) new String[] {"café", "ü"})
                    .fetchone().get(0));
            DataException e = assertThrows(DataException.class, () -> conn.execute("SELECT %s", "price: 5€"));
            assertTrue(e.getMessage().contains("ISO-8859-1"), e.getMessage());
            assertEquals(1, conn.execute("SELECT 1").fetchone().get(0), "the connection stays usable");
        } finally {
            db.admin().execute("DROP DATABASE IF EXISTS tusk_latin1");
        }
    }

    @Test
    void anEncodingWithoutAJavaCharsetIsRefusedByName(TestDatabase db) {
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> Tusk.connect(db.conninfo(PgUsers.TRUST) + " client_encoding=MULE_INTERNAL").close());
        assertTrue(e.getMessage().contains("MULE_INTERNAL"), e.getMessage());
    }
}
