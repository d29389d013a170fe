package io.tusk.jdbc.contract;

import static io.tusk.jdbc.contract.Obs.all;
import static io.tusk.jdbc.contract.Obs.attempt;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** java.sql.Statement: execute variants, update counts, several results, limits, batches, keys, escapes. */
final class StatementBehaviours {
    private StatementBehaviours() {
    }

    static void add(Catalog k) {
        k.group("Statement");
        k.on("executeQuery returns the rows", x -> Obs.rows(x.st().executeQuery("SELECT n FROM nums WHERE n <= 3 ORDER BY n")))
                .expect("String:rows[(1); (2); (3)]");
        k.on("execute(SELECT): true, a result set, update count -1", x -> {
            Statement s = x.st();
            boolean r = s.execute("SELECT 1");
            return all(r, s.getResultSet() != null, s.getUpdateCount());
        }).expect("[Boolean:true, Boolean:true, Integer:-1]");
        k.on("execute(INSERT): false, no result set, the count", x -> {
            String t = x.table("st_exec", "v int");
            Statement s = x.st();
            boolean r = s.execute("INSERT INTO " + t + " VALUES (1), (2)");
            return all(r, s.getResultSet(), s.getUpdateCount());
        }).expect("[Boolean:false, null, Integer:2]");
        k.on("executeUpdate counts for INSERT, UPDATE, DELETE", x -> {
            String t = x.table("st_counts", "v int");
            Statement s = x.st();
            return all(s.executeUpdate("INSERT INTO " + t + " SELECT generate_series(1, 5)"),
                    s.executeUpdate("UPDATE " + t + " SET v = v + 1 WHERE v > 2"),
                    s.executeUpdate("DELETE FROM " + t + " WHERE v < 3"),
                    s.executeUpdate("DELETE FROM " + t + " WHERE false"));
        }).expect("[Integer:5, Integer:3, Integer:2, Integer:0]");
        k.on("executeUpdate of DDL returns 0", x -> {
            Statement s = x.st();
            return all(s.executeUpdate("CREATE TEMP TABLE st_ddl (v int)"), s.executeUpdate("DROP TABLE st_ddl"));
        }).expect("[Integer:0, Integer:0]");
        k.on("executeUpdate of SET returns 0", x -> x.st().executeUpdate("SET application_name = 'x'")).expect("Integer:0");
        k.on("executeLargeUpdate returns a long", x -> {
            String t = x.table("st_large", "v int");
            return x.st().executeLargeUpdate("INSERT INTO " + t + " SELECT generate_series(1, 3)");
        }).expect("Long:3");
        k.on("executeUpdate of a SELECT fails", x -> x.st().executeUpdate("SELECT 1"));
        k.on("executeQuery of an INSERT fails", x -> {
            String t = x.table("st_noresult", "v int");
            return all(attempt(() -> x.st().executeQuery("INSERT INTO " + t + " VALUES (1)")),
                    x.witnessSees("SELECT count(*) FROM " + t));
        });
        k.on("several statements: results walked with getMoreResults", x -> {
            String t = x.table("st_multi", "v int");
            Statement s = x.st();
            List<Object> seen = new ArrayList<>();
            boolean isRs = s.execute("SELECT 1 AS a; INSERT INTO " + t + " VALUES (1), (2); SELECT 'two' AS b; DELETE FROM " + t);
            for (int i = 0; i < 6; i++) {
                if (isRs) {
                    seen.add(Obs.raw(Obs.rows(s.getResultSet())));
                } else {
                    int n = s.getUpdateCount();
                    seen.add(n);
                    if (n == -1) {
                        break;
                    }
                }
                isRs = s.getMoreResults();
            }
            return seen;
        }).expect("[rows[(1)], Integer:2, rows[(two)], Integer:2, Integer:-1]");
        k.on("getMoreResults closes the current result set", x -> {
            Statement s = x.st();
            s.execute("SELECT 1; SELECT 2");
            ResultSet first = s.getResultSet();
            boolean more = s.getMoreResults();
            return all(more, first.isClosed(), Obs.rows(s.getResultSet()));
        }).expect("[Boolean:true, Boolean:true, String:rows[(2)]]");
        k.on("getMoreResults(KEEP_CURRENT_RESULT) keeps it open", x -> {
            Statement s = x.st();
            s.execute("SELECT 1; SELECT 2");
            ResultSet first = s.getResultSet();
            s.getMoreResults(Statement.KEEP_CURRENT_RESULT);
            return all(first.isClosed(), Obs.rows(first));
        }).expect("[Boolean:false, String:rows[(1)]]");
        k.on("executeQuery of two SELECTs fails", x -> x.st().executeQuery("SELECT 1; SELECT 2"));
        k.on("executeUpdate of two statements", x -> {
            String t = x.table("st_two", "v int");
            return attempt(() -> x.st().executeUpdate("INSERT INTO " + t + " VALUES (1); INSERT INTO " + t + " VALUES (2), (3)"));
        });
        k.on("an empty query", x -> {
            Statement s = x.st();
            return all(s.execute(""), s.getUpdateCount());
        });
        k.on("setMaxRows limits the rows returned", x -> {
            Statement s = x.st();
            s.setMaxRows(5);
            return all(s.getMaxRows(), Obs.rows(s.executeQuery("SELECT n FROM nums ORDER BY n")));
        }).expect("[Integer:5, String:rows[(1); (2); (3); (4); (5)]]");
        k.on("setMaxRows(-1) is refused", x -> {
            x.st().setMaxRows(-1);
            return "accepted";
        });
        k.on("getMaxRows, getFetchSize, getMaxFieldSize, getQueryTimeout defaults", x -> {
            Statement s = x.st();
            return all(s.getMaxRows(), s.getFetchSize(), s.getMaxFieldSize(), s.getQueryTimeout(), s.getFetchDirection());
        }).expect("[Integer:0, Integer:0, Integer:0, Integer:0, Integer:1000]");
        k.on("setFetchSize(-1) is refused", x -> {
            x.st().setFetchSize(-1);
            return "accepted";
        });
        k.fresh("fetch size in a transaction: rows arrive through an open portal", x -> {
            x.c.setAutoCommit(false);
            Statement s = x.st();
            s.setFetchSize(10);
            ResultSet rs = s.executeQuery("SELECT n FROM nums ORDER BY n");
            rs.next();
            // A portal left open between fetches is listed in pg_cursors (PostgreSQL docs, 54.6).
            Object portals = x.one("SELECT count(*) > 0 FROM pg_cursors");
            long sum = rs.getInt(1);
            int count = 1;
            while (rs.next()) {
                sum += rs.getInt(1);
                count++;
            }
            return all(s.getFetchSize(), portals, count, sum);
        }).expect("[Integer:10, Boolean:true, Integer:100, Long:5050]");
        k.on("fetch size in autocommit still reads every row", x -> {
            Statement s = x.st();
            s.setFetchSize(7);
            ResultSet rs = s.executeQuery("SELECT n FROM nums");
            int count = 0;
            while (rs.next()) {
                count++;
            }
            return count;
        }).expect("Integer:100");
        k.on("a batch of inserts: counts and rows", x -> {
            String t = x.table("st_batch", "v int");
            Statement s = x.st();
            s.addBatch("INSERT INTO " + t + " VALUES (1)");
            s.addBatch("INSERT INTO " + t + " VALUES (2), (3)");
            s.addBatch("UPDATE " + t + " SET v = v * 10");
            return all(s.executeBatch(), x.witnessSees("SELECT sum(v) FROM " + t));
        }).expect("[int[]:[1, 2, 3], String:witness:[60]]");
        k.on("a batch with DDL", x -> {
            Statement s = x.st();
            s.addBatch("CREATE TEMP TABLE st_batch_ddl (v int)");
            s.addBatch("INSERT INTO st_batch_ddl VALUES (1)");
            s.addBatch("DROP TABLE st_batch_ddl");
            return s.executeBatch();
        }).expect("int[]:[0, 1, 0]");
        k.on("a failing batch: BatchUpdateException and what stayed", x -> {
            String t = x.table("st_batch_fail", "v int PRIMARY KEY");
            Statement s = x.st();
            s.addBatch("INSERT INTO " + t + " VALUES (1)");
            s.addBatch("INSERT INTO " + t + " VALUES (1)");
            s.addBatch("INSERT INTO " + t + " VALUES (2)");
            return all(attempt(s::executeBatch), x.witnessSees("SELECT count(*) FROM " + t));
        });
        k.on("clearBatch empties the batch", x -> {
            Statement s = x.st();
            s.addBatch("SELECT 1");
            s.clearBatch();
            return s.executeBatch();
        }).expect("int[]:[]");
        k.on("an empty batch", x -> x.st().executeBatch()).expect("int[]:[]");
        k.on("a SELECT in a batch fails", x -> {
            Statement s = x.st();
            s.addBatch("SELECT 1");
            return s.executeBatch();
        });
        k.on("generated keys with RETURN_GENERATED_KEYS", x -> {
            String t = x.table("st_keys", "id serial PRIMARY KEY, v text");
            Statement s = x.st();
            int n = s.executeUpdate("INSERT INTO " + t + " (v) VALUES ('a'), ('b')", Statement.RETURN_GENERATED_KEYS);
            return all(n, Obs.rows(s.getGeneratedKeys()));
        }).expect("[Integer:2, String:rows[(1,a); (2,b)]]");
        k.on("generated keys by column name", x -> {
            String t = x.table("st_keys_named", "id serial PRIMARY KEY, v text");
            Statement s = x.st();
            s.executeUpdate("INSERT INTO " + t + " (v) VALUES ('a')", new String[] {"id"});
            ResultSet keys = s.getGeneratedKeys();
            return all(keys.getMetaData().getColumnCount(), Obs.rows(keys));
        }).expect("[Integer:1, String:rows[(1)]]");
        k.on("generated keys of an UPDATE", x -> {
            String t = x.table("st_keys_upd", "id serial PRIMARY KEY, v text");
            x.witnessExec("INSERT INTO " + t + " (v) VALUES ('a'), ('b')");
            Statement s = x.st();
            s.execute("UPDATE " + t + " SET v = 'c' WHERE id = 2", new String[] {"id", "v"});
            return Obs.rows(s.getGeneratedKeys());
        }).expect("String:rows[(2,c)]");
        k.on("getGeneratedKeys when none were asked for", x -> {
            String t = x.table("st_nokeys", "id serial PRIMARY KEY");
            Statement s = x.st();
            s.executeUpdate("INSERT INTO " + t + " DEFAULT VALUES");
            return attempt(() -> Obs.rows(s.getGeneratedKeys()));
        });
        escape(k, "{fn ucase}", "SELECT {fn ucase('abc')}", "String:ABC");
        escape(k, "{fn concat}", "SELECT {fn concat('a', 'b')}", "String:ab");
        escape(k, "{fn abs}", "SELECT {fn abs(-3)}", "Integer:3");
        escape(k, "{fn length}", "SELECT {fn length('abcd')}", "Integer:4");
        escape(k, "{fn locate}", "SELECT {fn locate('c', 'abcd')}", "Integer:3");
        escape(k, "{fn substring}", "SELECT {fn substring('abcdef', 2, 3)}", "String:bcd");
        escape(k, "{fn lcase} nested in {fn ltrim}", "SELECT {fn ltrim({fn lcase('  AB')})}", "String:ab");
        escape(k, "{fn mod}", "SELECT {fn mod(10, 3)}", "Integer:1");
        escape(k, "{fn ifnull}", "SELECT {fn ifnull(NULL, 'z')}", "String:z");
        escape(k, "{fn dayofmonth}", "SELECT {fn dayofmonth({d '2024-02-29'})}", null);
        escape(k, "{d ...}", "SELECT {d '2024-01-02'}", "Date:2024-01-02");
        escape(k, "{t ...}", "SELECT {t '10:11:12'}", "Time:10:11:12");
        escape(k, "{ts ...}", "SELECT {ts '2024-01-02 10:11:12'}", "Timestamp:2024-01-02 10:11:12.0");
        escape(k, "{oj ...}", "SELECT count(*) FROM {oj parent p LEFT OUTER JOIN child c ON c.parent_id = p.id}", "Long:4");
        escape(k, "{escape ...} in LIKE", "SELECT 'a_b' LIKE 'a!_b' {escape '!'}", "Boolean:true");
        escape(k, "escape text inside a string literal stays", "SELECT '{fn ucase(''x'')}'", "String:{fn ucase('x')}");
        k.on("setEscapeProcessing(false) sends escapes as they are", x -> {
            Statement s = x.st();
            s.setEscapeProcessing(false);
            return s.executeQuery("SELECT {d '2024-01-02'}");
        }).expect("SQLException[42601]");
        k.on("closed statement: executeQuery fails", x -> {
            Statement s = x.st();
            s.close();
            return s.executeQuery("SELECT 1");
        }).expect("SQLException[55000]");
        k.on("closed statement: isClosed, and other calls fail", x -> {
            Statement s = x.st();
            s.close();
            return all(s.isClosed(), attempt(s::getResultSet), attempt(s::getUpdateCount), attempt(() -> {
                s.setFetchSize(5);
                return "ok";
            }), attempt(() -> {
                s.close();
                return "closed again";
            }));
        });
        k.on("closing a statement closes its result set", x -> {
            Statement s = x.st();
            ResultSet rs = s.executeQuery("SELECT 1");
            s.close();
            return rs.isClosed();
        }).expect("Boolean:true");
        k.on("re-executing a statement closes its previous result set", x -> {
            Statement s = x.st();
            ResultSet rs = s.executeQuery("SELECT 1");
            s.executeQuery("SELECT 2");
            return rs.isClosed();
        }).expect("Boolean:true");
        k.on("closeOnCompletion closes the statement with its result set", x -> {
            Statement s = x.st();
            s.closeOnCompletion();
            ResultSet rs = s.executeQuery("SELECT 1");
            rs.close();
            return all(s.isCloseOnCompletion(), s.isClosed());
        }).expect("[Boolean:true, Boolean:true]");
        k.on("getConnection is the creating connection", x -> x.st().getConnection() == x.c).expect("Boolean:true");
        k.on("cancel with nothing running is harmless", x -> {
            Statement s = x.st();
            s.cancel();
            return x.one("SELECT 8");
        }).expect("Integer:8");
        k.on("getResultSet's type and concurrency", x -> {
            ResultSet rs = x.st().executeQuery("SELECT 1");
            return all(rs.getType(), rs.getConcurrency(), rs.getStatement() != null);
        }).expect("[Integer:1003, Integer:1007, Boolean:true]");
    }

    private static void escape(Catalog k, String name, String sql, String expected) {
        k.on("escape " + name, x -> x.one(sql));
        if (expected != null) {
            k.expect(expected);
        }
    }
}
