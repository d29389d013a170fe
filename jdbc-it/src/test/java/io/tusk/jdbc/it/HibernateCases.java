package io.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.jdbc.it.HibernateModel.Author;
import io.tusk.jdbc.it.HibernateModel.AuthorV2;
import io.tusk.jdbc.it.HibernateModel.Book;
import io.tusk.jdbc.it.HibernateModel.CardPayment;
import io.tusk.jdbc.it.HibernateModel.CashPayment;
import io.tusk.jdbc.it.HibernateModel.Ghost;
import io.tusk.jdbc.it.HibernateModel.Payment;
import io.tusk.jdbc.it.HibernateModel.Reading;
import io.tusk.jdbc.it.HibernateModel.Review;
import io.tusk.jdbc.it.HibernateModel.Tag;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hibernate ORM 7 on a driver: its own DriverManager connection provider (URL and driver class),
 * hbm2ddl create/validate/update, relations, JOINED inheritance, JSON and array columns, JDBC
 * batches and optimistic locking. One SessionFactory per driver (bootstrap is slow).
 */
abstract class HibernateCases extends ClientCase {
    private static final Class<?>[] MODEL = {Author.class, Book.class, Tag.class, Payment.class, CardPayment.class,
        CashPayment.class, Reading.class};

    private SessionFactory factory;

    HibernateCases(Side side) {
        super(side);
    }

    @BeforeAll
    void createSchema() {
        factory = build("create", MODEL);
    }

    @AfterAll
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    /**
     * A SessionFactory that connects through Hibernate's own connection provider, told only the
     * URL, the driver class and the credentials; the dialect is named so that nothing depends on
     * how the driver describes the server.
     */
    private SessionFactory build(String hbm2ddl, Class<?>... entities) {
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
        if (side == Side.TUSK) {
            bootstrap.applyClassLoaderService(new WithoutPgjdbc());
        }
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySetting("hibernate.connection.driver_class", side.driverClass())
                .applySetting("hibernate.connection.url", side.url(db))
                .applySetting("hibernate.connection.username", Side.USER)
                .applySetting("hibernate.connection.password", Side.PASSWORD)
                .applySetting("hibernate.connection.pool_size", "2")
                .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                .applySetting("hibernate.hbm2ddl.auto", hbm2ddl)
                .applySetting("hibernate.jdbc.batch_size", "20")
                .applySetting("hibernate.order_inserts", "true")
                .applySetting("hibernate.order_updates", "true")
                .applySetting("hibernate.generate_statistics", "true")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> e : entities) {
                sources.addAnnotatedClass(e);
            }
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    @Test
    void hbm2ddlCreateMadeTablesWithJsonAndArrayColumns() {
        // (hbm2ddlUpdate... may have added its table by now)
        List<String> tables = sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
        assertTrue(tables.containsAll(List.of("author", "book", "book_tag", "card_payment", "cash_payment", "payment",
                "reading", "tag")), tables.toString());
        assertEquals("jsonb", scalar("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'book' AND column_name = 'attributes'"));
        assertEquals("ARRAY", scalar("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'book' AND column_name = 'keywords'"));
        assertEquals("1", scalar("SELECT count(*) FROM information_schema.table_constraints "
                + "WHERE table_name = 'book' AND constraint_type = 'FOREIGN KEY'"));
    }

    @Test
    void relationsJsonAndArraysLandAndComeBack() {
        long authorId = factory.fromTransaction(s -> {
            Tag classic = new Tag("classic");
            Tag sea = new Tag("sea");
            s.persist(classic);
            s.persist(sea);
            Author melville = new Author("Herman Melville");
            Book moby = melville.write("Moby-Dick");
            moby.tags.add(classic);
            moby.tags.add(sea);
            moby.attributes = Map.of("pages", 635, "first", "London");
            moby.keywords = new String[] {"whale", "ship", "obsession"};
            moby.price = new BigDecimal("12.50");
            moby.published = LocalDate.of(1851, 10, 18);
            Book bartleby = melville.write("Bartleby");
            bartleby.tags.add(classic);
            bartleby.keywords = new String[] {};
            s.persist(melville);
            return melville.id;
        });

        assertEquals(List.of("Bartleby||{}|", "Moby-Dick|635|{whale,ship,obsession}|12.50 1851-10-18"),
                sql("SELECT b.title || '|' || coalesce(b.attributes->>'pages', '') || '|' || b.keywords::text || '|'"
                        + " || coalesce(b.price::text || ' ' || b.published::text, '') FROM book b JOIN author a ON a.id = b.author_id"
                        + " WHERE a.name = 'Herman Melville' ORDER BY b.title"));
        assertEquals("3", scalar("SELECT count(*) FROM book_tag bt JOIN book b ON b.id = bt.book_id"
                + " WHERE b.author_id = " + authorId));

        factory.inTransaction(s -> {
            Author a = s.find(Author.class, authorId);
            assertEquals(2, a.books.size());
            Book moby = s.createSelectionQuery("from Book where title = :t", Book.class)
                    .setParameter("t", "Moby-Dick").getSingleResult();
            assertEquals(635, ((Number) moby.attributes.get("pages")).intValue());
            assertEquals("London", moby.attributes.get("first"));
            assertArrayEquals(new String[] {"whale", "ship", "obsession"}, moby.keywords);
            assertEquals(0, new BigDecimal("12.50").compareTo(moby.price));
            assertEquals(LocalDate.of(1851, 10, 18), moby.published);
            assertEquals(2, moby.tags.size());
            List<String> classics = s.createSelectionQuery(
                    "select b.title from Book b join b.tags t where t.name = 'classic' order by b.title", String.class).getResultList();
            assertEquals(List.of("Bartleby", "Moby-Dick"), classics);
        });
    }

    @Test
    void joinedInheritanceWritesBothTablesAndQueriesPolymorphically() {
        factory.inTransaction(s -> {
            s.persist(new CardPayment(new BigDecimal("20.00"), "4111-1111"));
            s.persist(new CashPayment(new BigDecimal("5.25"), "EUR"));
        });
        assertEquals(List.of("20.00|4111-1111", "5.25|EUR"),
                sql("SELECT p.amount || '|' || coalesce(c.cardnumber, k.currency) FROM payment p"
                        + " LEFT JOIN card_payment c ON c.id = p.id LEFT JOIN cash_payment k ON k.id = p.id ORDER BY p.amount DESC"));
        factory.inTransaction(s -> {
            List<Payment> all = s.createSelectionQuery("from Payment p order by p.amount desc", Payment.class).getResultList();
            assertEquals(2, all.size());
            assertInstanceOf(CardPayment.class, all.get(0));
            assertEquals("EUR", assertInstanceOf(CashPayment.class, all.get(1)).currency);
        });
    }

    @Test
    void batchInsertsUseJdbcBatches() {
        factory.getStatistics().clear();
        factory.inTransaction(s -> {
            for (int i = 0; i < 100; i++) {
                s.persist(new Reading("s" + (i % 4), i / 10.0));
            }
        });
        assertEquals("100", scalar("SELECT count(*) FROM reading"));
        assertEquals("495.0", scalar("SELECT sum(value)::numeric(10,1) FROM reading"));
        // 100 rows in batches of 20 = 5 INSERT statements prepared (plus the sequence's one call),
        // where row-by-row would prepare 100.
        long prepared = factory.getStatistics().getPrepareStatementCount();
        assertTrue(prepared <= 10, "statements prepared for 100 inserts with batch_size 20: " + prepared);
    }

    @Test
    void staleUpdateRaisesOptimisticLockException() {
        long id = factory.fromTransaction(s -> {
            Author a = new Author("Original");
            s.persist(a);
            return a.id;
        });
        try (var first = factory.openSession(); var second = factory.openSession()) {
            first.beginTransaction();
            Author mine = first.find(Author.class, id);
            second.beginTransaction();
            second.find(Author.class, id).name = "Theirs";
            second.getTransaction().commit();

            mine.name = "Mine";
            assertThrows(OptimisticLockException.class, first::flush);
            first.getTransaction().rollback();
        }
        assertEquals("Theirs|1", scalar("SELECT name || '|' || version FROM author WHERE id = " + id));
    }

    @Test
    void hbm2ddlValidateAcceptsTheSchemaAndRefusesAMissingTable() {
        build("validate", MODEL).close();
        SchemaManagementException missing = assertThrows(SchemaManagementException.class,
                () -> build("validate", Ghost.class).close());
        assertTrue(missing.getMessage().contains("ghost"), missing.getMessage());
    }

    @Test
    void hbm2ddlUpdateAddsATableAndAColumn() {
        factory.inTransaction(s -> s.persist(new Author("Before the update")));
        build("update", AuthorV2.class, Review.class).close();
        assertEquals(List.of("id", "stars", "text"), sql("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'review' ORDER BY 1"));
        assertEquals("character varying", scalar("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'author' AND column_name = 'email'"));
        // the existing table kept its rows
        assertEquals("Before the update|", scalar("SELECT name || '|' || coalesce(email, '') FROM author "
                + "WHERE name = 'Before the update'"));
    }

    /**
     * Hibernate's PostgreSQLDialect binds JSON, intervals and structs as pgjdbc's PGobject when
     * that class is on the class path. An application that runs on Tusk has no pgjdbc; this
     * test's class path has it (the judge), so Hibernate is told it is not there.
     */
    private static final class WithoutPgjdbc extends ClassLoaderServiceImpl {
        @Override
        public <T> Class<T> classForName(String className) {
            if (className.startsWith("org.postgresql.")) {
                throw new ClassLoadingException("pgjdbc is not on this application's class path: " + className);
            }
            return super.classForName(className);
        }
    }
}
