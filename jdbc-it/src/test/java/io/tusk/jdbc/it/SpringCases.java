package io.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring 6.2 on a driver's DataSource: JdbcTemplate (batches, generated keys, named parameters,
 * SimpleJdbcInsert reading the table's metadata, error translation) and {@code @Transactional}
 * through DataSourceTransactionManager (commit, rollback on exception, read-only, isolation).
 */
abstract class SpringCases extends ClientCase {
    private AnnotationConfigApplicationContext context;
    private JdbcTemplate jdbc;
    private Bank bank;

    SpringCases(Side side) {
        super(side);
    }

    @BeforeAll
    void start() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> side.dataSource(db));
        context.register(Config.class);
        context.refresh();
        jdbc = context.getBean(JdbcTemplate.class);
        bank = context.getBean(Bank.class);
        jdbc.execute("CREATE TABLE account (owner text PRIMARY KEY, balance numeric(12, 2) NOT NULL)");
        jdbc.execute("CREATE TABLE audit (id bigserial PRIMARY KEY, note text NOT NULL, at timestamptz DEFAULT now())");
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void jdbcTemplateWritesAndReads() {
        int[] counts = jdbc.batchUpdate("INSERT INTO account (owner, balance) VALUES (?, ?)", List.of(
                new Object[] {"t-ada", new BigDecimal("100.00")},
                new Object[] {"t-bob", new BigDecimal("50.25")},
                new Object[] {"t-cy", BigDecimal.ZERO}));
        assertArrayEquals(new int[] {1, 1, 1}, counts);

        assertEquals(0, new BigDecimal("50.25").compareTo(
                jdbc.queryForObject("SELECT balance FROM account WHERE owner = ?", BigDecimal.class, "t-bob")));
        List<String> rich = jdbc.query("SELECT owner FROM account WHERE owner LIKE 't-%' AND balance > ? ORDER BY owner",
                (rs, n) -> rs.getString("owner"), BigDecimal.ONE);
        assertEquals(List.of("t-ada", "t-bob"), rich);

        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        assertEquals(2, named.update("UPDATE account SET balance = balance + :bonus WHERE owner IN (:owners)",
                Map.of("bonus", new BigDecimal("1.50"), "owners", List.of("t-bob", "t-cy"))));

        assertThrows(DuplicateKeyException.class,
                () -> jdbc.update("INSERT INTO account (owner, balance) VALUES (?, ?)", "t-ada", BigDecimal.TEN));

        assertEquals(List.of("t-ada|100.00", "t-bob|51.75", "t-cy|1.50"),
                sql("SELECT owner || '|' || balance FROM account WHERE owner LIKE 't-%' ORDER BY owner"));
    }

    @Test
    void generatedKeysComeBack() {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO audit (note) VALUES (?)", new String[] {"id"});
            ps.setString(1, "by key holder");
            return ps;
        }, keys);
        long first = keys.getKey().longValue();

        Number second = new SimpleJdbcInsert(jdbc).withTableName("audit").usingGeneratedKeyColumns("id")
                .executeAndReturnKey(Map.of("note", "by simple insert"));
        assertTrue(second.longValue() > first);

        assertEquals(List.of(first + "|by key holder", second + "|by simple insert"),
                sql("SELECT id || '|' || note FROM audit WHERE id IN (" + first + ", " + second.longValue() + ") ORDER BY id"));
    }

    @Test
    void transactionalCommitsAndRollsBackOnException() {
        jdbc.update("INSERT INTO account (owner, balance) VALUES ('x-ann', 30.00), ('x-ben', 0.00)");

        bank.transfer("x-ann", "x-ben", new BigDecimal("10.00"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> bank.transfer("x-ann", "x-ben", new BigDecimal("25.00")));
        assertEquals("insufficient funds: x-ann", refused.getMessage());

        // the failed transfer had debited and credited before it threw: none of it remains
        assertEquals(List.of("x-ann|20.00", "x-ben|10.00"),
                sql("SELECT owner || '|' || balance FROM account WHERE owner LIKE 'x-%' ORDER BY owner"));
        assertEquals("0", scalar("SELECT count(*) FROM audit WHERE note LIKE 'transfer x-ann -> x-ben 25.00%'"));
        assertEquals("1", scalar("SELECT count(*) FROM audit WHERE note = 'transfer x-ann -> x-ben 10.00'"));
    }

    @Test
    void readOnlyTransactionRefusesWritesAndIsolationIsApplied() {
        DataAccessException refused = assertThrows(DataAccessException.class, () -> bank.writeInReadOnly("r-eve"));
        // Spring wraps the driver's SQLException (whose own cause is the driver's business)
        assertEquals("25006", assertInstanceOf(SQLException.class, refused.getCause()).getSQLState(), refused.toString());
        assertEquals("0", scalar("SELECT count(*) FROM account WHERE owner = 'r-eve'"));

        assertEquals("serializable", bank.isolationInSerializable());
        assertEquals("read committed", jdbc.queryForObject("SHOW transaction_isolation", String.class));
    }

    @Configuration
    @EnableTransactionManagement
    static class Config {
        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource ds) {
            return new JdbcTemplate(ds);
        }

        @Bean
        Bank bank(JdbcTemplate jdbc) {
            return new Bank(jdbc);
        }
    }

    /** A service whose methods Spring runs in transactions (a CGLIB proxy). */
    static class Bank {
        private final JdbcTemplate jdbc;

        Bank(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public void transfer(String from, String to, BigDecimal amount) {
            jdbc.update("UPDATE account SET balance = balance - ? WHERE owner = ?", amount, from);
            jdbc.update("UPDATE account SET balance = balance + ? WHERE owner = ?", amount, to);
            jdbc.update("INSERT INTO audit (note) VALUES (?)", "transfer " + from + " -> " + to + " " + amount);
            BigDecimal left = jdbc.queryForObject("SELECT balance FROM account WHERE owner = ?", BigDecimal.class, from);
            if (left.signum() < 0) {
                throw new IllegalStateException("insufficient funds: " + from);
            }
        }

        @Transactional(readOnly = true)
        public void writeInReadOnly(String owner) {
            jdbc.update("INSERT INTO account (owner, balance) VALUES (?, 1)", owner);
        }

        @Transactional(isolation = Isolation.SERIALIZABLE)
        public String isolationInSerializable() {
            return jdbc.queryForObject("SHOW transaction_isolation", String.class);
        }
    }
}
