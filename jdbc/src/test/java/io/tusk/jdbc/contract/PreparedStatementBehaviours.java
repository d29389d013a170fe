package io.tusk.jdbc.contract;

import static io.tusk.jdbc.contract.Obs.all;
import static io.tusk.jdbc.contract.Obs.attempt;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** java.sql.PreparedStatement: every setter (value back, and the type the server was told), misuse, reuse, batches. */
final class PreparedStatementBehaviours {
    private PreparedStatementBehaviours() {
    }

    @FunctionalInterface
    interface Setter {
        void set(PreparedStatement ps) throws Exception;
    }

    /** The bound value read back with getObject, and the type the server inferred for the parameter. */
    private static final String ECHO = "SELECT x, pg_typeof(x)::text FROM (SELECT ? AS x) s";

    static void add(Catalog k) {
        k.group("PreparedStatement");
        echo(k, "setInt", ps -> ps.setInt(1, 42), "[Integer:42, String:integer]");
        echo(k, "setLong", ps -> ps.setLong(1, 9_000_000_000L), "[Long:9000000000, String:bigint]");
        echo(k, "setShort", ps -> ps.setShort(1, (short) 7), "[Integer:7, String:smallint]");
        echo(k, "setByte", ps -> ps.setByte(1, (byte) 3), "[Integer:3, String:smallint]");
        echo(k, "setBoolean", ps -> ps.setBoolean(1, true), "[Boolean:true, String:boolean]");
        echo(k, "setFloat", ps -> ps.setFloat(1, 1.5f), "[Float:1.5, String:real]");
        echo(k, "setDouble", ps -> ps.setDouble(1, 2.25), "[Double:2.25, String:double precision]");
        echo(k, "setBigDecimal (38 digits)", ps -> ps.setBigDecimal(1, new BigDecimal("12345678901234567890.123456789012345678")),
                "[BigDecimal:12345678901234567890.123456789012345678, String:numeric]");
        echo(k, "setBigDecimal negative scale", ps -> ps.setBigDecimal(1, new BigDecimal("1E+3")), null);
        echo(k, "setString unicode", ps -> ps.setString(1, "héllo ✓ \uD83D\uDE00"), "[String:héllo ✓ \uD83D\uDE00, String:character varying]");
        echo(k, "setString empty", ps -> ps.setString(1, ""), "[String:, String:character varying]");
        echo(k, "setNString", ps -> ps.setNString(1, "n"), "SQLFeatureNotSupportedException[0A000]");
        // pgjdbc has no N-types; Tusk binds the String as text (PostgreSQL text is Unicode).
        k.tuskExpect("[String:n, String:text]");
        echo(k, "setBytes", ps -> ps.setBytes(1, new byte[] {0, 1, (byte) 0xff}), "[byte[]:0001ff, String:bytea]");
        // pgjdbc binds setDate/setTime/setTimestamp with no type (the server infers it from the
        // context), so they are compared where the context gives the type: a cast.
        typed(k, "setDate", "date", ps -> ps.setDate(1, Date.valueOf("2024-02-29")), "[Date:2024-02-29, String:2024-02-29]");
        typed(k, "setTime", "time", ps -> ps.setTime(1, Time.valueOf("10:11:12")), "[Time:10:11:12, String:10:11:12]");
        typed(k, "setTimestamp", "timestamp", ps -> ps.setTimestamp(1, Timestamp.valueOf("2024-02-29 10:11:12.345")),
                "[Timestamp:2024-02-29 10:11:12.345, String:2024-02-29 10:11:12.345]");
        typed(k, "setTimestamp into timestamptz", "timestamptz",
                ps -> ps.setTimestamp(1, Timestamp.valueOf("2024-02-29 10:11:12.345")), null);
        typed(k, "setDate with a Calendar", "date",
                ps -> ps.setDate(1, Date.valueOf("2024-02-29"), java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"))),
                null);
        typed(k, "setString into a date", "date", ps -> ps.setString(1, "2024-02-29"), null);
        typed(k, "setObject(String) into a uuid", "uuid", ps -> ps.setObject(1, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", Types.OTHER),
                "[UUID:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11, String:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11]");
        typed(k, "setObject(OffsetDateTime) into timestamptz", "timestamptz",
                ps -> ps.setObject(1, OffsetDateTime.of(2024, 2, 29, 10, 11, 12, 0, ZoneOffset.ofHours(2))), null);
        typed(k, "setString into json", "json", ps -> ps.setString(1, "{\"k\": [1]}"), null);
        typed(k, "setInt into numeric", "numeric", ps -> ps.setInt(1, 7), "[BigDecimal:7, String:7]");
        echo(k, "setBinaryStream", ps -> ps.setBinaryStream(1, new ByteArrayInputStream(new byte[] {5, 6}), 2),
                "[byte[]:0506, String:bytea]");
        echo(k, "setCharacterStream", ps -> ps.setCharacterStream(1, new StringReader("chars"), 5), null);
        echo(k, "setAsciiStream", ps -> ps.setAsciiStream(1, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)), 5), null);
        echo(k, "setObject(LocalDate)", ps -> ps.setObject(1, LocalDate.of(2024, 2, 29)), "[Date:2024-02-29, String:date]");
        echo(k, "setObject(LocalTime)", ps -> ps.setObject(1, LocalTime.of(10, 11, 12, 123_456_000)), null);
        echo(k, "setObject(LocalDateTime)", ps -> ps.setObject(1, LocalDateTime.of(2024, 2, 29, 10, 11, 12, 123_456_000)),
                "[Timestamp:2024-02-29 10:11:12.123456, String:timestamp without time zone]");
        echo(k, "setObject(OffsetDateTime)", ps -> ps.setObject(1, OffsetDateTime.of(2024, 2, 29, 10, 11, 12, 0, ZoneOffset.ofHours(2))),
                null);
        echo(k, "setObject(UUID)", ps -> ps.setObject(1, UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
                "[UUID:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11, String:uuid]");
        echo(k, "setObject(Integer)", ps -> ps.setObject(1, 5), "[Integer:5, String:integer]");
        echo(k, "setObject(Long)", ps -> ps.setObject(1, 5L), "[Long:5, String:bigint]");
        echo(k, "setObject(String)", ps -> ps.setObject(1, "s"), "[String:s, String:character varying]");
        echo(k, "setObject(BigDecimal)", ps -> ps.setObject(1, new BigDecimal("1.50")), "[BigDecimal:1.50, String:numeric]");
        echo(k, "setObject(Boolean)", ps -> ps.setObject(1, Boolean.FALSE), "[Boolean:false, String:boolean]");
        echo(k, "setObject(byte[])", ps -> ps.setObject(1, new byte[] {9}), "[byte[]:09, String:bytea]");
        echo(k, "setObject(Integer[])", ps -> ps.setObject(1, new Integer[] {1, null, 3}), null);
        echo(k, "setObject(String[])", ps -> ps.setObject(1, new String[] {"a", "b c"}), null);
        echo(k, "setObject(int[])", ps -> ps.setObject(1, new int[] {4, 5}), null);
        echo(k, "setObject(null)", ps -> ps.setObject(1, null), null);
        echo(k, "setObject(\"42\", INTEGER)", ps -> ps.setObject(1, "42", Types.INTEGER), "[Integer:42, String:integer]");
        echo(k, "setObject(42, VARCHAR)", ps -> ps.setObject(1, 42, Types.VARCHAR), "[String:42, String:character varying]");
        typed(k, "setObject(\"2024-01-02\", DATE)", "date", ps -> ps.setObject(1, "2024-01-02", Types.DATE), "[Date:2024-01-02, String:2024-01-02]");
        echo(k, "setObject(1, BOOLEAN)", ps -> ps.setObject(1, 1, Types.BOOLEAN), null);
        echo(k, "setObject(\"1.50\", NUMERIC)", ps -> ps.setObject(1, "1.50", Types.NUMERIC), null);
        echo(k, "setObject(true, INTEGER)", ps -> ps.setObject(1, true, Types.INTEGER), null);
        echo(k, "setObject(1.5, NUMERIC, scale 0)", ps -> ps.setObject(1, 1.5, Types.NUMERIC, 0), null);
        echo(k, "setObject(5, BIGINT)", ps -> ps.setObject(1, 5, Types.BIGINT), "[Long:5, String:bigint]");
        echo(k, "setObject(2.5f, DOUBLE)", ps -> ps.setObject(1, 2.5f, Types.DOUBLE), null);
        echo(k, "setObject(LocalDate, DATE)", ps -> ps.setObject(1, LocalDate.of(2024, 1, 2), Types.DATE), null);
        typed(k, "setObject(Timestamp, TIMESTAMP)", "timestamp", ps -> ps.setObject(1, Timestamp.valueOf("2024-01-02 03:04:05"), Types.TIMESTAMP),
                "[Timestamp:2024-01-02 03:04:05.0, String:2024-01-02 03:04:05]");
        echo(k, "setObject(\"{\\\"k\\\":1}\", OTHER) as json", ps -> ps.setObject(1, "{\"k\":1}", Types.OTHER), null);
        echo(k, "setObject(x, JDBCType.SMALLINT)", ps -> ps.setObject(1, 12, JDBCType.SMALLINT), "SQLFeatureNotSupportedException[0A000]");
        // pgjdbc 42.7 refuses every setObject(.., SQLType); the issue asks Tusk for every JDBCType.
        k.tuskExpect("[Integer:12, String:smallint]");
        echo(k, "setObject(\"abc\", INTEGER) cannot convert", ps -> ps.setObject(1, "abc", Types.INTEGER), null);
        for (int type : new int[] {Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.VARCHAR, Types.CHAR, Types.DATE,
            Types.TIME, Types.TIMESTAMP, Types.BOOLEAN, Types.BIT, Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL,
            Types.VARBINARY, Types.BINARY, Types.OTHER, Types.NULL, Types.ARRAY}) {
            echo(k, "setNull(" + JDBCType.valueOf(type).getName() + ")", ps -> ps.setNull(1, type), null);
        }
        k.on("setNull into typed columns, read back with wasNull", x -> {
            String t = x.table("ps_nulls", "i int, s text, d date, b bytea");
            PreparedStatement ps = x.ps("INSERT INTO " + t + " VALUES (?, ?, ?, ?)");
            ps.setNull(1, Types.INTEGER);
            ps.setNull(2, Types.VARCHAR);
            ps.setNull(3, Types.DATE);
            ps.setNull(4, Types.BINARY);
            ps.executeUpdate();
            ResultSet rs = x.row("SELECT i, s, d, b FROM " + t);
            int i = rs.getInt(1);
            return all(i, rs.wasNull(), rs.getString(2), rs.getDate(3), rs.getBytes(4));
        }).expect("[Integer:0, Boolean:true, null, null, null]");
        k.on("setString into an int column", x -> {
            String t = x.table("ps_str_int", "i int");
            PreparedStatement ps = x.ps("INSERT INTO " + t + " VALUES (?)");
            ps.setString(1, "5");
            return ps.executeUpdate();
        }).expect("SQLException[42804]");
        k.on("setInt into a text column", x -> {
            String t = x.table("ps_int_text", "s text");
            PreparedStatement ps = x.ps("INSERT INTO " + t + " VALUES (?)");
            ps.setInt(1, 5);
            return all(ps.executeUpdate(), x.witnessSees("SELECT s FROM " + t));
        }).expect("[Integer:1, String:witness:[5]]");
        k.on("bytea round trip through a table", x -> {
            String t = x.table("ps_bytea", "b bytea");
            byte[] all256 = new byte[256];
            for (int i = 0; i < 256; i++) {
                all256[i] = (byte) i;
            }
            PreparedStatement ps = x.ps("INSERT INTO " + t + " VALUES (?)");
            ps.setBytes(1, all256);
            ps.executeUpdate();
            byte[] back = x.row("SELECT b FROM " + t).getBytes(1);
            return java.util.Arrays.equals(all256, back);
        }).expect("Boolean:true");
        k.on("setArray of text with a NULL", x -> {
            PreparedStatement ps = x.ps("SELECT ?::text[]");
            ps.setArray(1, x.c.createArrayOf("text", new String[] {"a", null, "b c"}));
            ResultSet rs = x.keep(ps.executeQuery());
            rs.next();
            return rs.getArray(1);
        }).expect("Array(text):String[]:[String:a, null, String:b c]");
        k.on("parameter index 0 is refused", x -> {
            x.ps("SELECT ?").setInt(0, 1);
            return "accepted";
        }).expect("SQLException[22023]");
        k.on("parameter index past the last is refused", x -> {
            x.ps("SELECT ?").setInt(2, 1);
            return "accepted";
        }).expect("SQLException[22023]");
        k.on("executing with a parameter unset fails", x -> {
            PreparedStatement ps = x.ps("SELECT ?, ?");
            ps.setInt(1, 1);
            return ps.executeQuery();
        }).expect("SQLException[22023]");
        k.on("clearParameters unsets every parameter", x -> {
            PreparedStatement ps = x.ps("SELECT ?");
            ps.setInt(1, 1);
            ps.clearParameters();
            return ps.executeQuery();
        }).expect("SQLException[22023]");
        k.on("reuse with new values, past the server-prepare threshold", x -> {
            PreparedStatement ps = x.ps("SELECT ? * 2");
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= 7; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    b.append(rs.getInt(1)).append(' ');
                }
            }
            return b.toString().trim();
        }).expect("String:2 4 6 8 10 12 14");
        k.on("executeUpdate with parameters", x -> {
            String t = x.table("ps_update", "id int, v text");
            x.witnessExec("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            PreparedStatement ps = x.ps("UPDATE " + t + " SET v = ? WHERE id >= ?");
            ps.setString(1, "z");
            ps.setInt(2, 2);
            return all(ps.executeUpdate(), x.witnessSees("SELECT v FROM " + t + " ORDER BY id"));
        }).expect("[Integer:2, String:witness:[a][z][z]]");
        k.on("a parameter batch: counts and rows", x -> {
            String t = x.table("ps_batch", "id int, v text");
            PreparedStatement ps = x.ps("INSERT INTO " + t + " VALUES (?, ?)");
            for (int i = 1; i <= 3; i++) {
                ps.setInt(1, i);
                ps.setString(2, "v" + i);
                ps.addBatch();
            }
            return all(ps.executeBatch(), x.witnessSees("SELECT v FROM " + t + " ORDER BY id"));
        }).expect("[int[]:[1, 1, 1], String:witness:[v1][v2][v3]]");
        k.on("a parameter batch with a failing row", x -> {
            String t = x.table("ps_batch_fail", "id int PRIMARY KEY");
            PreparedStatement ps = x.ps("INSERT INTO " + t + " VALUES (?)");
            for (int id : new int[] {1, 2, 1, 3}) {
                ps.setInt(1, id);
                ps.addBatch();
            }
            return all(attempt(ps::executeBatch), x.witnessSees("SELECT count(*) FROM " + t));
        });
        k.on("a parameter batch in a transaction, rolled back", x -> {
            String t = x.table("ps_batch_tx", "id int");
            x.c.setAutoCommit(false);
            PreparedStatement ps = x.ps("INSERT INTO " + t + " VALUES (?)");
            for (int i = 0; i < 5; i++) {
                ps.setInt(1, i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            x.c.rollback();
            return all(counts, x.witnessSees("SELECT count(*) FROM " + t));
        }).expect("[int[]:[1, 1, 1, 1, 1], String:witness:[0]]");
        k.on("generated keys from a prepared INSERT", x -> {
            String t = x.table("ps_keys", "id serial PRIMARY KEY, v text");
            PreparedStatement ps = x.keep(x.c.prepareStatement("INSERT INTO " + t + " (v) VALUES (?)", new String[] {"id"}));
            ps.setString(1, "a");
            ps.executeUpdate();
            ps.setString(1, "b");
            ps.executeUpdate();
            return Obs.rows(ps.getGeneratedKeys());
        }).expect("String:rows[(2)]");
        k.on("? inside literals, comments and dollar quotes is not a parameter", x -> {
            PreparedStatement ps = x.ps("SELECT '?', $$?$$, \"?column?\" FROM (SELECT ? AS \"?column?\") s -- ?\n /* ? */");
            ps.setInt(1, 4);
            ResultSet rs = x.keep(ps.executeQuery());
            rs.next();
            return all(rs.getString(1), rs.getString(2), rs.getInt(3));
        }).expect("[String:?, String:?, Integer:4]");
        k.on("?::int cast after a parameter", x -> {
            PreparedStatement ps = x.ps("SELECT ?::int + 1");
            ps.setString(1, "41");
            ResultSet rs = x.keep(ps.executeQuery());
            rs.next();
            return rs.getObject(1);
        }).expect("Integer:42");
        k.on("?? is the jsonb ? operator", x -> {
            PreparedStatement ps = x.ps("SELECT '{\"a\": 1}'::jsonb ?? ?");
            ps.setString(1, "a");
            ResultSet rs = x.keep(ps.executeQuery());
            rs.next();
            return rs.getObject(1);
        }).expect("Boolean:true");
        k.on("executeQuery(String) on a PreparedStatement is refused", x -> x.ps("SELECT 1").executeQuery("SELECT 2"))
                .expect("SQLException[42809]");
        k.on("closed prepared statement: setInt and executeQuery fail", x -> {
            PreparedStatement ps = x.ps("SELECT ?");
            ps.close();
            return all(attempt(() -> {
                ps.setInt(1, 1);
                return "ok";
            }), attempt(ps::executeQuery));
        }).expect("[SQLException[55000], SQLException[55000]]");
        k.on("getMetaData before executing", x -> {
            java.sql.ResultSetMetaData md = x.ps("SELECT 1::int AS one, 'x'::text AS two WHERE ? > 0").getMetaData();
            return all(md.getColumnCount(), md.getColumnLabel(1), md.getColumnTypeName(2));
        }).expect("[Integer:2, String:one, String:text]");
        k.on("getUpdateCount and getResultSet after execute", x -> {
            PreparedStatement ps = x.ps("SELECT ?");
            ps.setInt(1, 1);
            boolean r = ps.execute();
            return all(r, ps.getUpdateCount(), Obs.rows(ps.getResultSet()));
        }).expect("[Boolean:true, Integer:-1, String:rows[(1)]]");
    }

    /** The value bound into a cast to {@code type}, read back with getObject and getString. */
    private static void typed(Catalog k, String name, String type, Setter setter, String expected) {
        k.on(name, x -> {
            PreparedStatement ps = x.ps("SELECT CAST(? AS " + type + ")");
            setter.set(ps);
            ResultSet rs = x.keep(ps.executeQuery());
            rs.next();
            return all(rs.getObject(1), rs.getString(1));
        });
        if (expected != null) {
            k.expect(expected);
        }
    }

    private static void echo(Catalog k, String name, Setter setter, String expected) {
        k.on(name, x -> {
            PreparedStatement ps = x.ps(ECHO);
            setter.set(ps);
            ResultSet rs = x.keep(ps.executeQuery());
            rs.next();
            return all(rs.getObject(1), rs.getString(2));
        });
        if (expected != null) {
            k.expect(expected);
        }
    }
}
