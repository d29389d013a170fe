/**
 * Safe composition of dynamic SQL: psycopg's {@code psycopg.sql} module. {@link io.tusk.sql.SQL}
 * templates are filled with {@link io.tusk.sql.Identifier}s, {@link io.tusk.sql.Literal}s and
 * {@link io.tusk.sql.Placeholder}s, and turned into text with
 * {@link io.tusk.sql.Composable#asString(io.tusk.Connection)}.
 *
 * <p>Depends on {@code io.tusk}, {@code io.tusk.adapt} and, for literals, {@code io.tusk.spi.Services}; nothing internal.
 */
package io.tusk.sql;
