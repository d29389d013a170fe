package io.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HikariCP 6 pooling a driver's DataSource, told by class name and bean properties (as a
 * container configures it) or handed an instance: concurrent work through a small pool, and a
 * connection returned dirty (open transaction, changed settings) is reset before reuse.
 */
abstract class HikariCases extends ClientCase {
    HikariCases(Side side) {
        super(side);
    }

    @BeforeAll
    void schema() {
        db.admin().execute("CREATE TABLE hit (id bigserial PRIMARY KEY, worker int NOT NULL, n int NOT NULL)");
        db.admin().execute("GRANT ALL ON hit, hit_id_seq TO " + Side.USER);
    }

    /** The pool configured by DataSource class name and bean properties, as in a container's configuration. */
    private HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSourceClassName(side.dataSourceClass());
        config.addDataSourceProperty("url", side.url(db));
        config.addDataSourceProperty("user", Side.USER);
        config.addDataSourceProperty("password", Side.PASSWORD);
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    @Test
    void concurrentWorkThroughASmallPool() throws Exception {
        try (HikariDataSource pool = pool("hikari-" + side)) {
            ExecutorService workers = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 6; w++) {
                    int worker = w;
                    done.add(workers.submit(() -> {
                        for (int n = 0; n < 20; n++) {
                            try (Connection c = pool.getConnection();
                                 PreparedStatement ps = c.prepareStatement("INSERT INTO hit (worker, n) VALUES (?, ?)")) {
                                ps.setInt(1, worker);
                                ps.setInt(2, n);
                                ps.executeUpdate();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                workers.shutdownNow();
            }
            assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= 3);
            int sessions = Integer.parseInt(scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND usename = '" + Side.USER + "'"));
            assertTrue(sessions >= 1 && sessions <= 3, "server sessions of the pool: " + sessions);
        }
        assertEquals("120", scalar("SELECT count(*) FROM hit"));
        assertEquals("6", scalar("SELECT count(DISTINCT worker) FROM hit WHERE n = 19"));
    }

    @Test
    void dirtyConnectionIsResetBeforeReuse() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hikari-instance-" + side);
        config.setDataSource(side.dataSource(db));
        config.setMaximumPoolSize(1);
        config.setAutoCommit(true);
        config.setConnectionTimeout(10_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection()) {
                c.setReadOnly(true);
            }
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                assertTrue(!c.isReadOnly());
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                st.executeUpdate("INSERT INTO hit (worker, n) VALUES (-1, -1)");
                // closed with the transaction open: Hikari rolls it back
            }
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                assertTrue(c.getAutoCommit());
                assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
                assertTrue(!c.isReadOnly());
                var rs = st.executeQuery("SELECT count(*) FROM hit WHERE worker = -1");
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
        assertEquals("0", scalar("SELECT count(*) FROM hit WHERE worker = -1"));
    }
}
