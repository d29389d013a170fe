package io.tusk.jdbc.contract;

import static io.tusk.jdbc.contract.Obs.all;
import static io.tusk.jdbc.contract.Obs.attempt;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Types;

/** CallableStatement ({? = call}, OUT parameters, procedures) and the mapping of server errors. */
final class CallableAndErrorBehaviours {
    private CallableAndErrorBehaviours() {
    }

    static void add(Catalog k) {
        k.group("CallableStatement");
        k.on("{? = call f(?)}", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{? = call add_one(?)}"));
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 41);
            cs.execute();
            return all(cs.getInt(1), cs.getObject(1), cs.wasNull());
        }).expect("[Integer:42, Integer:42, Boolean:false]");
        k.on("{? = call f(?)} with text", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{? = call shout(?)}"));
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setString(2, "quiet");
            cs.execute();
            return cs.getString(1);
        }).expect("String:QUIET");
        k.on("{? = call f(?)} returning NULL", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{? = call add_one(?)}"));
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setNull(2, Types.INTEGER);
            cs.execute();
            return all(cs.getInt(1), cs.wasNull());
        }).expect("[Integer:0, Boolean:true]");
        k.on("{call f(?, ?, ?, ?)} with OUT parameters", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{call sum_prod(?, ?, ?, ?)}"));
            cs.setInt(1, 3);
            cs.setInt(2, 4);
            cs.registerOutParameter(3, Types.INTEGER);
            cs.registerOutParameter(4, Types.INTEGER);
            cs.execute();
            return all(cs.getInt(3), cs.getInt(4));
        }).expect("[Integer:7, Integer:12]");
        k.on("CALL of a procedure with an INOUT parameter", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("call double_it(?)"));
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(1, 21);
            cs.execute();
            return cs.getInt(1);
        }).expect("Integer:42");
        k.on("{call p(?)} of a procedure without OUT", x -> {
            x.witnessExec("DELETE FROM proc_log WHERE v = 'from-" + x.driver.tag + "'");
            CallableStatement cs = x.keep(x.c.prepareCall("{call log_it(?)}"));
            cs.setString(1, "from-" + x.driver.tag);
            cs.execute();
            return x.witnessSees("SELECT count(*) FROM proc_log WHERE v = 'from-" + x.driver.tag + "'");
        // pgjdbc sends {call} as SELECT (escapeSyntaxCallMode=select by default): a procedure refuses that.
        }).expect("SQLException[42809]");
        k.on("{call f()} of a set-returning function gives its rows", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{call some_nums(?)}"));
            cs.setInt(1, 2);
            return Obs.rows(cs.executeQuery());
        }).expect("String:rows[(1); (2)]");
        k.on("getting an OUT parameter that was not registered", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{? = call add_one(?)}"));
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 1);
            cs.execute();
            return cs.getInt(2);
        });
        k.on("getting an OUT parameter before executing", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{? = call add_one(?)}"));
            cs.registerOutParameter(1, Types.INTEGER);
            return cs.getInt(1);
        });
        k.on("OUT parameter of a mismatched registered type", x -> {
            CallableStatement cs = x.keep(x.c.prepareCall("{? = call shout(?)}"));
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setString(2, "x");
            return attempt(() -> {
                cs.execute();
                return cs.getObject(1);
            });
        });
        // On purpose: an OUT getter converts as the ResultSet getter does, whatever type was
        // registered (pgjdbc refuses the mismatch with 42821); documented in jdbc.md.
        k.tuskExpect("String:X");

        k.group("Errors");
        k.on("23505 unique violation", x -> {
            x.st().executeUpdate("INSERT INTO parent (name) VALUES ('a')");
            return "inserted";
        }).expect("SQLException[23505]").tuskThrows(SQLIntegrityConstraintViolationException.class);
        k.on("23503 foreign key violation", x -> {
            String t = x.table("err_fk", "p int REFERENCES parent (id)");
            return x.st().executeUpdate("INSERT INTO " + t + " VALUES (999)");
        }).expect("SQLException[23503]").tuskThrows(SQLIntegrityConstraintViolationException.class);
        k.on("23502 not-null violation", x -> x.st().executeUpdate("INSERT INTO parent (name) VALUES (NULL)"))
                .expect("SQLException[23502]").tuskThrows(SQLIntegrityConstraintViolationException.class);
        k.on("42P01 undefined table", x -> x.st().executeQuery("SELECT * FROM no_such_table"))
                .expect("SQLException[42P01]").tuskThrows(SQLSyntaxErrorException.class);
        k.on("42601 syntax error", x -> x.st().execute("SELEC 1")).expect("SQLException[42601]")
                .tuskThrows(SQLSyntaxErrorException.class);
        k.on("42703 undefined column", x -> x.st().executeQuery("SELECT nope FROM parent")).expect("SQLException[42703]")
                .tuskThrows(SQLSyntaxErrorException.class);
        k.on("22012 division by zero", x -> x.st().executeQuery("SELECT 1 / 0")).expect("SQLException[22012]")
                .tuskThrows(SQLDataException.class);
        k.on("22P02 invalid text for a type", x -> x.st().executeQuery("SELECT 'abc'::int")).expect("SQLException[22P02]")
                .tuskThrows(SQLDataException.class);
        k.on("P0001 raised by a function", x -> x.st().executeQuery("SELECT fails()")).expect("SQLException[P0001]");
        k.on("an error through a PreparedStatement", x -> {
            PreparedStatement ps = x.ps("SELECT 10 / ?");
            ps.setInt(1, 0);
            return ps.executeQuery();
        }).expect("SQLException[22012]").tuskThrows(SQLDataException.class);
        k.on("the connection works after an error in autocommit", x -> {
            Object e = attempt(() -> x.st().executeQuery("SELECT 1 / 0"));
            return all(e, x.one("SELECT 'fine'"));
        }).expect("[SQLException[22012], String:fine]");
        k.on("57014 query timeout cancels on the server", x -> {
            Statement s = x.st();
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            Object r = attempt(() -> s.executeQuery("SELECT pg_sleep(5)"));
            boolean quick = System.nanoTime() - start < 4_000_000_000L;
            return all(r, quick, s.getQueryTimeout(), x.one("SELECT 'alive'"));
        }).expect("[SQLException[57014], Boolean:true, Integer:1, String:alive]");
        k.on("57014 query timeout: the exception class", x -> {
            Statement s = x.st();
            s.setQueryTimeout(1);
            return s.executeQuery("SELECT pg_sleep(5)");
        }).expect("SQLException[57014]").tuskThrows(SQLTimeoutException.class);
        k.on("setQueryTimeout(-1) is refused", x -> {
            x.st().setQueryTimeout(-1);
            return "accepted";
        });
        k.fresh("40001 serialization failure between two serializable transactions", x -> {
            String t = x.table("err_ser", "id int PRIMARY KEY, v int");
            x.witnessExec("INSERT INTO " + t + " VALUES (1, 0), (2, 0)");
            Connection other = x.open();
            for (Connection c : new Connection[] {x.c, other}) {
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                c.setAutoCommit(false);
            }
            try (Statement a = x.c.createStatement(); Statement b = other.createStatement()) {
                a.executeQuery("SELECT sum(v) FROM " + t).close();
                b.executeQuery("SELECT sum(v) FROM " + t).close();
                a.executeUpdate("UPDATE " + t + " SET v = v + 1 WHERE id = 1");
                b.executeUpdate("UPDATE " + t + " SET v = v + 1 WHERE id = 2");
                x.c.commit();
                other.commit();
                return "both committed";
            }
        }).expect("SQLException[40001]").tuskThrows(SQLTransactionRollbackException.class);
    }
}
