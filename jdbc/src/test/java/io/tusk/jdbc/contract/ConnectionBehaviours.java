package io.tusk.jdbc.contract;

import static io.tusk.jdbc.contract.Obs.all;
import static io.tusk.jdbc.contract.Obs.attempt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** java.sql.Connection: autocommit, transactions seen from outside, savepoints, isolation, state, closing. */
final class ConnectionBehaviours {
    private ConnectionBehaviours() {
    }

    static void add(Catalog k) {
        k.group("Connection");
        k.on("autocommit is on by default", x -> x.c.getAutoCommit()).expect("Boolean:true");
        k.fresh("setAutoCommit(false) is reported back", x -> {
            x.c.setAutoCommit(false);
            return x.c.getAutoCommit();
        }).expect("Boolean:false");
        k.fresh("commit makes rows visible to another session", x -> {
            String t = x.table("vis_commit", "v int");
            x.c.setAutoCommit(false);
            x.st().executeUpdate("INSERT INTO " + t + " VALUES (1)");
            String before = x.witnessSees("SELECT count(*) FROM " + t);
            x.c.commit();
            return all(before, x.witnessSees("SELECT count(*) FROM " + t));
        }).expect("[String:witness:[0], String:witness:[1]]");
        k.fresh("rollback discards the transaction's rows", x -> {
            String t = x.table("vis_rollback", "v int");
            x.c.setAutoCommit(false);
            x.st().executeUpdate("INSERT INTO " + t + " VALUES (1)");
            x.c.rollback();
            return x.witnessSees("SELECT count(*) FROM " + t);
        }).expect("String:witness:[0]");
        k.fresh("autocommit makes each statement visible at once", x -> {
            String t = x.table("vis_auto", "v int");
            x.st().executeUpdate("INSERT INTO " + t + " VALUES (1)");
            return x.witnessSees("SELECT count(*) FROM " + t);
        }).expect("String:witness:[1]");
        k.fresh("setAutoCommit(true) inside a transaction commits it", x -> {
            String t = x.table("vis_switch", "v int");
            x.c.setAutoCommit(false);
            x.st().executeUpdate("INSERT INTO " + t + " VALUES (1)");
            x.c.setAutoCommit(true);
            return x.witnessSees("SELECT count(*) FROM " + t);
        }).expect("String:witness:[1]");
        k.fresh("closing a connection with an open transaction does not commit it", x -> {
            String t = x.table("vis_close", "v int");
            Connection other = x.open();
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO " + t + " VALUES (1)");
            }
            other.close();
            return x.witnessSees("SELECT count(*) FROM " + t);
        }).expect("String:witness:[0]");
        k.fresh("rollback to a savepoint keeps what came before it", x -> {
            String t = x.table("sp_keep", "v int");
            x.c.setAutoCommit(false);
            Statement s = x.st();
            s.executeUpdate("INSERT INTO " + t + " VALUES (1)");
            Savepoint sp = x.c.setSavepoint();
            s.executeUpdate("INSERT INTO " + t + " VALUES (2)");
            x.c.rollback(sp);
            s.executeUpdate("INSERT INTO " + t + " VALUES (3)");
            x.c.commit();
            return x.witnessSees("SELECT v FROM " + t + " ORDER BY v");
        }).expect("String:witness:[1][3]");
        k.fresh("a savepoint recovers a transaction after an error", x -> {
            x.c.setAutoCommit(false);
            Statement s = x.st();
            Savepoint sp = x.c.setSavepoint("before_error");
            Object err = attempt(() -> s.execute("SELECT 1/0"));
            x.c.rollback(sp);
            return all(err, x.one("SELECT 5"));
        }).expect("[SQLException[22012], Integer:5]");
        k.fresh("named savepoint: name, and no id", x -> {
            x.c.setAutoCommit(false);
            Savepoint sp = x.c.setSavepoint("my_point");
            return all(sp.getSavepointName(), attempt(sp::getSavepointId));
        });
        k.fresh("unnamed savepoint: no name", x -> {
            x.c.setAutoCommit(false);
            Savepoint sp = x.c.setSavepoint();
            return attempt(sp::getSavepointName);
        });
        k.fresh("rollback to a released savepoint fails", x -> {
            x.c.setAutoCommit(false);
            Savepoint sp = x.c.setSavepoint("gone");
            x.c.releaseSavepoint(sp);
            x.c.rollback(sp);
            return "rolled back";
        });
        k.fresh("setSavepoint in autocommit mode fails", x -> x.c.setSavepoint());
        k.fresh("commit in autocommit mode fails", x -> {
            x.c.commit();
            return "committed";
        });
        k.fresh("rollback in autocommit mode fails", x -> {
            x.c.rollback();
            return "rolled back";
        });
        k.fresh("an error aborts the transaction until rollback", x -> {
            x.c.setAutoCommit(false);
            Statement s = x.st();
            Object first = attempt(() -> s.execute("SELECT * FROM no_such_table"));
            Object next = attempt(() -> s.executeQuery("SELECT 1"));
            x.c.rollback();
            return all(first, next, x.one("SELECT 2"));
        }).expect("[SQLException[42P01], SQLException[25P02], Integer:2]");
        k.fresh("commit of a failed transaction rolls it back", x -> {
            String t = x.table("vis_failed", "v int");
            x.c.setAutoCommit(false);
            Statement s = x.st();
            s.executeUpdate("INSERT INTO " + t + " VALUES (1)");
            attempt(() -> s.execute("SELECT 1/0"));
            Object commit = attempt(() -> {
                x.c.commit();
                return "committed";
            });
            return all(commit, x.witnessSees("SELECT count(*) FROM " + t));
        });
        k.on("default isolation is READ COMMITTED", x -> x.c.getTransactionIsolation()).expect("Integer:2");
        isolation(k, "SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE);
        isolation(k, "REPEATABLE READ", Connection.TRANSACTION_REPEATABLE_READ);
        isolation(k, "READ UNCOMMITTED", Connection.TRANSACTION_READ_UNCOMMITTED);
        isolation(k, "READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED);
        k.fresh("isolation cannot change inside a transaction", x -> {
            x.c.setAutoCommit(false);
            x.one("SELECT 1");
            x.c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            return x.c.getTransactionIsolation();
        });
        k.fresh("an unknown isolation level is refused", x -> {
            x.c.setTransactionIsolation(12345);
            return "accepted";
        });
        k.fresh("read-only connection: reported, reads work", x -> {
            x.c.setReadOnly(true);
            return all(x.c.isReadOnly(), x.one("SELECT 3"));
        }).expect("[Boolean:true, Integer:3]");
        k.fresh("read-only transaction refuses a write", x -> {
            String t = x.table("ro_write", "v int");
            x.c.setReadOnly(true);
            x.c.setAutoCommit(false);
            return attempt(() -> x.st().executeUpdate("INSERT INTO " + t + " VALUES (1)"));
        }).expect("SQLException[25006]");
        k.on("isReadOnly is false by default", x -> x.c.isReadOnly()).expect("Boolean:false");
        k.on("isValid(1) on a live connection", x -> x.c.isValid(1)).expect("Boolean:true");
        k.on("isValid(-1) is refused", x -> x.c.isValid(-1));
        k.fresh("close: isClosed and isValid after it", x -> {
            boolean before = x.c.isClosed();
            x.c.close();
            return all(before, x.c.isClosed(), x.c.isValid(1));
        }).expect("[Boolean:false, Boolean:true, Boolean:false]");
        k.fresh("closed connection: createStatement fails", x -> {
            x.c.close();
            return x.c.createStatement();
        }).expect("SQLException[08003]");
        k.fresh("closed connection: prepareStatement fails", x -> {
            x.c.close();
            return x.c.prepareStatement("SELECT 1");
        }).expect("SQLException[08003]");
        k.fresh("closed connection: getAutoCommit, commit, setAutoCommit fail", x -> {
            x.c.close();
            return all(attempt(x.c::getAutoCommit), attempt(() -> {
                x.c.commit();
                return "ok";
            }), attempt(() -> {
                x.c.setAutoCommit(false);
                return "ok";
            }));
        });
        k.fresh("closing twice is harmless", x -> {
            x.c.close();
            x.c.close();
            return x.c.isClosed();
        }).expect("Boolean:true");
        k.on("getSchema is the search path's first schema", x -> x.c.getSchema()).expect("String:public");
        k.fresh("setSchema changes where unqualified names resolve", x -> {
            x.c.setSchema("Odd Schema");
            return all(x.c.getSchema(), x.one("SELECT current_schema()"));
        });
        k.on("getCatalog is the database name", x -> x.c.getCatalog().equals(x.one("SELECT current_database()")))
                .expect("Boolean:true");
        k.fresh("setCatalog is silently ignored", x -> {
            String before = x.c.getCatalog();
            x.c.setCatalog("elsewhere");
            return x.c.getCatalog().equals(before);
        }).expect("Boolean:true");
        k.on("nativeSQL rewrites escapes, keeps ?", x -> x.c.nativeSQL("SELECT {fn ucase(?)}, {d '2024-01-02'}"));
        k.on("getWarnings is null on a quiet connection", x -> x.c.getWarnings()).expect("null");
        k.on("RAISE NOTICE/WARNING arrive as statement warnings, in order", x -> {
            Statement s = x.st();
            s.executeQuery("SELECT noisy()").close();
            return warnings(s.getWarnings());
        }).expect("[String:00000 first notice, String:01000 second notice]");
        k.on("clearWarnings empties the statement's warnings", x -> {
            Statement s = x.st();
            s.executeQuery("SELECT noisy()").close();
            s.clearWarnings();
            return s.getWarnings();
        }).expect("null");
        k.on("default holdability", x -> x.c.getHoldability());
        k.on("getTypeMap is empty", x -> x.c.getTypeMap().size()).expect("Integer:0");
        k.fresh("setClientInfo(ApplicationName) reaches the server", x -> {
            x.c.setClientInfo("ApplicationName", "contract-app");
            return all(x.c.getClientInfo("ApplicationName"), x.one("SHOW application_name"));
        }).expect("[String:contract-app, String:contract-app]");
        k.on("createArrayOf binds as a parameter", x -> {
            PreparedStatement ps = x.ps("SELECT array_length(?, 1), (?)[2]");
            java.sql.Array a = x.c.createArrayOf("int4", new Object[] {10, 20, 30});
            ps.setArray(1, a);
            ps.setArray(2, a);
            ResultSet rs = x.keep(ps.executeQuery());
            rs.next();
            return all(rs.getObject(1), rs.getObject(2));
        }).expect("[Integer:3, Integer:20]");
        k.on("isWrapperFor/unwrap to java.sql.Connection", x -> all(x.c.isWrapperFor(Connection.class),
                x.c.unwrap(Connection.class) != null)).expect("[Boolean:true, Boolean:true]");
        // pgjdbc gives this failure no SQLSTATE, so any SQLSTATE Tusk chooses is fine: compared is the kind.
        k.on("unwrap to an unrelated class fails", x -> Obs.kind(() -> x.c.unwrap(String.class)))
                .expect("SQLException");
        k.on("network timeout is 0 by default", x -> x.c.getNetworkTimeout()).expect("Integer:0");
        k.on("createStatement with scroll type keeps it", x -> {
            Statement s = x.keep(x.c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
            return all(s.getResultSetType(), s.getResultSetConcurrency());
        }).expect("[Integer:1004, Integer:1007]");
    }

    private static void isolation(Catalog k, String name, int level) {
        k.fresh("setTransactionIsolation(" + name + ") applies to the next transaction", x -> {
            x.c.setTransactionIsolation(level);
            x.c.setAutoCommit(false);
            return all(x.c.getTransactionIsolation(), x.one("SHOW transaction_isolation"));
        });
    }

    static List<String> warnings(SQLWarning w) {
        List<String> out = new ArrayList<>();
        for (; w != null; w = w.getNextWarning()) {
            out.add(w.getSQLState() + " " + w.getMessage());
        }
        return out;
    }
}
