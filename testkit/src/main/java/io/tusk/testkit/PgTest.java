package io.tusk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the kit's PostgreSQL server: test constructors and methods
 * may take {@link PgServer}, {@link TestDatabase} and {@link Admin} parameters.
 *
 * <p>Example:
 * <pre>{@code
 * @PgTest
 * class ConnectIT {
 *     @Test void connectsWithScram(TestDatabase db) {
 *         try (Connection conn = Tusk.connect(db.conninfo(PgUsers.SCRAM))) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>The same as {@code @ExtendWith(PgExtension.class)}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(PgExtension.class)
public @interface PgTest {
}
