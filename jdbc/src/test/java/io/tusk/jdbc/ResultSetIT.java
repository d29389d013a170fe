package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testkit.PgTest;
import io.tusk.testkit.TestDatabase;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Reading results through Tusk's JDBC face: getObject with classes, arrays, LOBs, XML, structs, errors. */
@PgTest
class ResultSetIT {

    @Test
    void getObjectWithAClassReadsJavaTimeUuidNumbersAndBytes(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT '2024-02-29'::date, '13:14:15.5'::time, '2024-02-29 13:14:15.5'::timestamp,"
                     + " '2024-02-29 13:14:15.5+02'::timestamptz, '13:14:15+05:30'::timetz,"
                     + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 12345678901234567890::numeric, '\\x0102'::bytea, 7::int2")) {
            assertTrue(rs.next());
            assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(1, LocalDate.class));
            assertEquals(LocalTime.of(13, 14, 15, 500_000_000), rs.getObject(2, LocalTime.class));
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000), rs.getObject(3, LocalDateTime.class));
            OffsetDateTime odt = rs.getObject(4, OffsetDateTime.class);
            assertEquals(Instant.parse("2024-02-29T11:14:15.5Z"), odt.toInstant());
            assertEquals(odt.toInstant(), rs.getObject(4, Instant.class));
            assertEquals(OffsetTime.of(13, 14, 15, 0, ZoneOffset.ofHoursMinutes(5, 30)), rs.getObject(5, OffsetTime.class));
            assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), rs.getObject(6, UUID.class));
            assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), rs.getObject(6));
            assertEquals(new BigInteger("12345678901234567890"), rs.getObject(7, BigInteger.class));
            assertArrayEquals(new byte[] {1, 2}, rs.getObject(8, byte[].class));
            assertArrayEquals(new byte[] {1, 2}, rs.getObject(8, InputStream.class).readAllBytes());
            assertEquals(7, rs.getObject(9));
            assertEquals((short) 7, rs.getObject(9, Short.class));
            assertEquals("7", rs.getObject(9, String.class));
            SQLException e = assertThrows(SQLException.class, () -> rs.getObject(4, LocalDateTime.class));
            assertTrue(e.getMessage().contains("timestamptz"), e.getMessage());
            assertEquals("42821", e.getSQLState(), "pgjdbc's SQLSTATE for a java.time class the column does not give");
        }
    }

    @Test
    void arraysReadAsJavaSqlArrayAndAsJavaArrays(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ARRAY[1,NULL,3]::int4[], ARRAY[[1,2],[3,4]]::int8[], ARRAY['a','b']::text[],"
                     + " ARRAY['2024-01-02']::date[], '{}'::int4[]")) {
            assertTrue(rs.next());
            Array a = rs.getArray(1);
            assertEquals("int4", a.getBaseTypeName());
            assertEquals(Types.INTEGER, a.getBaseType());
            assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) a.getArray());
            assertArrayEquals(new Integer[] {null, 3}, (Integer[]) a.getArray(2, 2));
            try (ResultSet elements = a.getResultSet()) {
                assertTrue(elements.next());
                assertEquals(1, elements.getInt(1));
                assertEquals(1, elements.getInt(2));
                assertTrue(elements.next());
                assertNull(elements.getObject(2));
                assertTrue(elements.wasNull());
            }
            assertArrayEquals(new Long[][] {{1L, 2L}, {3L, 4L}}, (Long[][]) rs.getArray(2).getArray());
            assertArrayEquals(new long[][] {{1L, 2L}, {3L, 4L}}, rs.getObject(2, long[][].class));
            assertArrayEquals(new String[] {"a", "b"}, rs.getObject(3, String[].class));
            assertArrayEquals(new java.sql.Date[] {java.sql.Date.valueOf("2024-01-02")}, (Object[]) rs.getArray(4).getArray());
            assertArrayEquals(new LocalDate[] {LocalDate.of(2024, 1, 2)}, rs.getObject(4, LocalDate[].class));
            assertEquals(0, ((Integer[]) rs.getArray(5).getArray()).length);
            SQLException nulls = assertThrows(SQLException.class, () -> rs.getObject(1, int[].class));
            assertEquals("22004", nulls.getSQLState());
            assertEquals("{1,NULL,3}", a.toString());
        }
    }

    @Test
    void lobsXmlAndStructs(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT '\\xdeadbeef'::bytea, 'some text'::text, '<a><b>x</b></a>'::xml,"
                     + " ROW(1, 'two', '2024-01-02'::date)")) {
            assertTrue(rs.next());
            Blob b = rs.getBlob(1);
            assertEquals(4, b.length());
            assertArrayEquals(new byte[] {(byte) 0xad, (byte) 0xbe}, b.getBytes(2, 2));
            assertEquals(3, b.position(new byte[] {(byte) 0xbe}, 1));
            Clob cl = rs.getClob(2);
            assertEquals("text", cl.getSubString(6, 4));
            assertEquals(6, cl.position("text", 1));
            SQLXML x = rs.getSQLXML(3);
            Document d = (Document) x.getSource(DOMSource.class).getNode();
            assertEquals("x", d.getDocumentElement().getTextContent());
            assertInstanceOf(SQLXML.class, rs.getObject(3));
            Struct st = (Struct) rs.getObject(4);
            assertEquals("record", st.getSQLTypeName());
            Object[] attributes = st.getAttributes();
            assertEquals(3, attributes.length);
            assertEquals("two", attributes[1]);
        }
    }

    @Test
    void conversionsThatCannotBeDoneNameTheColumnAndTheTypes(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 'abc'::text AS word, 3000000000::int8 AS big, 'maybe'::text AS m, now() AS t,"
                     + " 2.7::numeric AS n, '1'::text AS one")) {
            assertTrue(rs.next());
            SQLException word = assertThrows(SQLException.class, () -> rs.getInt("word"));
            assertEquals("22003", word.getSQLState());
            assertEquals("Bad value for type int : abc (column 1 \"word\" of type text)", word.getMessage());
            assertEquals("22003", assertThrows(SQLException.class, () -> rs.getInt("big")).getSQLState());
            assertEquals(3000000000L, rs.getLong("big"));
            SQLException bool = assertThrows(SQLException.class, () -> rs.getBoolean("m"));
            assertEquals("42846", bool.getSQLState(), "pgjdbc's SQLSTATE for Cannot cast to boolean");
            SQLException time = assertThrows(SQLException.class, () -> rs.getInt("t"));
            assertTrue(time.getMessage().contains("timestamptz"), time.getMessage());
            assertEquals(2, rs.getInt("n"));
            assertEquals(new BigDecimal("2.7"), rs.getBigDecimal("n"));
            assertTrue(rs.getBoolean("one"));
            assertEquals("22023", assertThrows(SQLException.class, () -> rs.getObject(1, Thread.class)).getSQLState());
            assertFalse(rs.next());
            assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState());
        }
    }

    @Test
    void labelsMatchIgnoringCaseAndTheFirstWins(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 AS a, 2 AS \"A\", 3 AS b, 4 AS b")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt("a"));
            assertEquals(2, rs.getInt("A"));
            assertEquals(3, rs.getInt("B"));
            assertEquals(3, rs.findColumn("b"));
            assertEquals(s, rs.getStatement());
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        }
    }

    @Test
    void enumsThroughPreparedStatementsAndLargeObjectsAsBlobs(TestDatabase db) throws Exception {
        try (Connection c = ResultSetTesting.tusk(db)) {
            try (Statement s = c.createStatement()) {
                s.execute("DO $$ BEGIN CREATE TYPE rs_mood AS ENUM ('sad', 'ok'); EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            }
            c.setAutoCommit(false); // large objects live in a transaction
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT ?::rs_mood, lo_from_bytea(0, '\\x0102ff'::bytea)")) {
                ps.setString(1, "ok");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("ok", rs.getString(1));
                    assertEquals("ok", rs.getObject(1));
                    assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(1));
                    assertEquals("rs_mood", rs.getMetaData().getColumnTypeName(1));
                    Blob b = rs.getBlob(2);
                    assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, b.getBytes(1, 3));
                }
            }
            c.rollback();
        }
    }
}
