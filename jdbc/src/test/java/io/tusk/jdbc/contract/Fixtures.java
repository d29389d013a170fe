package io.tusk.jdbc.contract;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The small schema every driver reads: one row of each common type, a parent/child pair, routines. */
final class Fixtures {
    private Fixtures() {
    }

    static final String TYPES_COLUMNS = "id int PRIMARY KEY, i2 int2, i4 int4, i8 int8, num numeric(12,3), f4 float4, f8 float8,"
            + " b bool, t text, vc varchar(20), ch char(5), by bytea, d date, tm time, tmtz timetz, ts timestamp,"
            + " tstz timestamptz, iv interval, u uuid, js json, jb jsonb, ai int[], at text[], m mood, ip inet";

    static void create(Connection w) throws SQLException {
        try (Statement s = w.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("CREATE SCHEMA \"Odd Schema\"");
            s.execute("CREATE TYPE \"Odd Schema\".pair AS (a int, b text)");
            s.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            s.execute("CREATE TABLE types (" + TYPES_COLUMNS + ")");
            s.execute("INSERT INTO types VALUES (1, 12, 123456, 9000000000, 1234.567, 1.5, 2.25, true, 'héllo wörld ✓',"
                    + " 'varchar', 'ab', '\\x00ff10', '2024-02-29', '13:45:30.123', '13:45:30+02', '2024-02-29 13:45:30.123456',"
                    + " '2024-02-29 13:45:30+00', '1 day 02:03:04', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": 1}',"
                    + " '{\"b\": [1, 2]}', '{1,2,3}', '{x,NULL,\"y z\"}', 'happy', '192.168.0.1/24')");
            s.execute("INSERT INTO types (id) VALUES (2)");
            s.execute("CREATE TABLE parent (id serial PRIMARY KEY, name text NOT NULL UNIQUE)");
            s.execute("CREATE TABLE child (id bigserial PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id),"
                    + " note varchar(50), amount numeric(10,2) DEFAULT 0)");
            s.execute("CREATE INDEX child_note_idx ON child (note)");
            s.execute("CREATE VIEW parent_names AS SELECT name FROM parent");
            s.execute("COMMENT ON TABLE parent IS 'the parents'");
            s.execute("INSERT INTO parent (name) VALUES ('a'), ('b'), ('c')");
            s.execute("INSERT INTO child (parent_id, note) VALUES (1, 'x'), (1, 'y'), (2, NULL)");
            s.execute("CREATE TABLE nums AS SELECT n FROM generate_series(1, 100) n");
            s.execute("CREATE FUNCTION add_one(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1'");
            s.execute("CREATE FUNCTION sum_prod(a int, b int, OUT s int, OUT p int) LANGUAGE sql AS 'SELECT a + b, a * b'");
            s.execute("CREATE FUNCTION shout(x text) RETURNS text LANGUAGE sql AS 'SELECT upper(x)'");
            s.execute("CREATE FUNCTION noisy() RETURNS int LANGUAGE plpgsql AS"
                    + " $$BEGIN RAISE NOTICE 'first notice'; RAISE WARNING 'second notice'; RETURN 7; END$$");
            s.execute("CREATE FUNCTION fails() RETURNS int LANGUAGE plpgsql AS"
                    + " $$BEGIN RAISE EXCEPTION 'custom failure' USING ERRCODE = 'P0001'; END$$");
            s.execute("CREATE FUNCTION some_nums(n int) RETURNS SETOF int LANGUAGE sql AS 'SELECT generate_series(1, n)'");
            s.execute("CREATE PROCEDURE double_it(INOUT x int) LANGUAGE plpgsql AS $$BEGIN x := x * 2; END$$");
            s.execute("CREATE TABLE proc_log (v text)");
            s.execute("CREATE PROCEDURE log_it(v text) LANGUAGE sql AS $$INSERT INTO proc_log VALUES (v)$$");
        }
    }
}
