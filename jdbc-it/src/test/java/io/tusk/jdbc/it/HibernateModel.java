package io.tusk.jdbc.it;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The entities Hibernate maps in {@link HibernateCases}: a small library. */
final class HibernateModel {
    private HibernateModel() {
    }

    /** Authors write books (one-to-many) and are versioned (optimistic locking). */
    @Entity(name = "Author")
    @Table(name = "author")
    static class Author {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
        @SequenceGenerator(name = "author_seq", sequenceName = "author_seq", allocationSize = 50)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Version
        int version;

        @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
        List<Book> books = new ArrayList<>();

        Author() {
        }

        Author(String name) {
            this.name = name;
        }

        Book write(String title) {
            Book b = new Book(title, this);
            books.add(b);
            return b;
        }
    }

    /** A book: many-to-one author, many-to-many tags, a JSON column and an array column. */
    @Entity(name = "Book")
    @Table(name = "book")
    static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
        @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 50)
        Long id;

        @Column(nullable = false)
        String title;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        Author author;

        @ManyToMany
        @JoinTable(name = "book_tag")
        Set<Tag> tags = new HashSet<>();

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attributes = new HashMap<>();

        /** A basic array: PostgreSQLDialect maps it to {@code varchar(255) array}. */
        String[] keywords;

        BigDecimal price;

        LocalDate published;

        Book() {
        }

        Book(String title, Author author) {
            this.title = title;
            this.author = author;
        }
    }

    @Entity(name = "Tag")
    @Table(name = "tag")
    static class Tag {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_seq")
        @SequenceGenerator(name = "tag_seq", sequenceName = "tag_seq", allocationSize = 50)
        Long id;

        @Column(unique = true, nullable = false)
        String name;

        Tag() {
        }

        Tag(String name) {
            this.name = name;
        }
    }

    /** JOINED inheritance: a payment row plus a row in its subclass's table. */
    @Entity(name = "Payment")
    @Table(name = "payment")
    @Inheritance(strategy = InheritanceType.JOINED)
    abstract static class Payment {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
        @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
        Long id;

        BigDecimal amount;
    }

    @Entity(name = "CardPayment")
    @Table(name = "card_payment")
    static class CardPayment extends Payment {
        String cardNumber;

        CardPayment() {
        }

        CardPayment(BigDecimal amount, String cardNumber) {
            this.amount = amount;
            this.cardNumber = cardNumber;
        }
    }

    @Entity(name = "CashPayment")
    @Table(name = "cash_payment")
    static class CashPayment extends Payment {
        String currency;

        CashPayment() {
        }

        CashPayment(BigDecimal amount, String currency) {
            this.amount = amount;
            this.currency = currency;
        }
    }

    /** Many small rows, inserted in JDBC batches. */
    @Entity(name = "Reading")
    @Table(name = "reading")
    static class Reading {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reading_seq")
        @SequenceGenerator(name = "reading_seq", sequenceName = "reading_seq", allocationSize = 100)
        Long id;

        String sensor;

        double value;

        Reading() {
        }

        Reading(String sensor, double value) {
            this.sensor = sensor;
            this.value = value;
        }
    }

    /** Only in the model that hbm2ddl=update adds to the database (a new table). */
    @Entity(name = "Review")
    @Table(name = "review")
    static class Review {
        @Id
        Long id;

        String text;

        int stars;
    }

    /** The author table as a later version of the application maps it: one more column. */
    @Entity(name = "AuthorV2")
    @Table(name = "author")
    static class AuthorV2 {
        @Id
        Long id;

        String name;

        int version;

        String email;
    }

    /** Mapped to a table that does not exist: hbm2ddl=validate must refuse it. */
    @Entity(name = "Ghost")
    @Table(name = "ghost")
    static class Ghost {
        @Id
        Long id;
    }
}
