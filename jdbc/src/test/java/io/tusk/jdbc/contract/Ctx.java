package io.tusk.jdbc.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a probe works with: the connection {@code c} of the driver under test, helpers that close
 * what they open when the behaviour ends, and the witness, a separate pgjdbc connection that makes
 * fixtures and checks from outside what a transaction left in the database.
 */
final class Ctx {
    final Driver driver;
    final Connection c;
    private final Connection witness;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    Ctx(Driver driver, Connection c, Connection witness) {
        this.driver = driver;
        this.c = c;
        this.witness = witness;
    }

    <T extends AutoCloseable> T keep(T resource) {
        opened.push(resource);
        return resource;
    }

    /** Another connection of the same driver (closed when the behaviour ends). */
    Connection open() throws SQLException {
        return keep(driver.open());
    }

    Statement st() throws SQLException {
        return keep(c.createStatement());
    }

    PreparedStatement ps(String sql) throws SQLException {
        return keep(c.prepareStatement(sql));
    }

    /** A query's result set, positioned on its first row (the row must exist). */
    ResultSet row(String sql) throws SQLException {
        ResultSet rs = keep(st().executeQuery(sql));
        if (!rs.next()) {
            throw new AssertionError("no row from " + sql);
        }
        return rs;
    }

    /** The first column of a query's first row, through getObject. */
    Object one(String sql) throws SQLException {
        return row(sql).getObject(1);
    }

    /**
     * A table of this behaviour and driver ({@code base_tag}), created afresh by the witness, so the
     * two drivers never see each other's rows.
     */
    String table(String base, String columns) throws SQLException {
        String name = base + "_" + driver.tag;
        try (Statement s = witness.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + name + " CASCADE");
            s.execute("CREATE TABLE " + name + " (" + columns + ")");
        }
        return name;
    }

    /** Runs a statement on the witness (fixtures). */
    void witnessExec(String sql) throws SQLException {
        try (Statement s = witness.createStatement()) {
            s.execute(sql);
        }
    }

    /** What the witness sees: the first column of every row, as text. */
    String witnessSees(String sql) throws SQLException {
        StringBuilder b = new StringBuilder("witness:");
        try (Statement s = witness.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                b.append('[').append(rs.getString(1)).append(']');
            }
        }
        return b.toString();
    }

    void closeAll() {
        while (!opened.isEmpty()) {
            Driver.quietlyClose(opened.pop());
        }
    }
}
