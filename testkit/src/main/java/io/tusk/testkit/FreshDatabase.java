package io.tusk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class its own new, empty database (a {@code CREATE DATABASE} from
 * {@code template1}) instead of the shared {@code tusk_test}; it is dropped after the class's
 * last test. {@code @Nested} classes inside share their outer class's database.
 *
 * <p>Example:
 * <pre>{@code
 * @PgTest @FreshDatabase
 * class LargeObjectIT {
 *     @Test void writesAndReads(TestDatabase db) { ... db.dbname() is e.g. tusk_largeobjectit_4242_1 ... }
 * }
 * }</pre>
 *
 * <p>Implies {@link PgTest}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PgExtension.class)
public @interface FreshDatabase {
}
