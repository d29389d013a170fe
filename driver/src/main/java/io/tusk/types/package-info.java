/**
 * Values PostgreSQL has and the JDK lacks: {@link io.tusk.types.Interval}, {@link io.tusk.types.Json}
 * and {@link io.tusk.types.Jsonb} (psycopg's {@code Json}/{@code Jsonb} wrappers), network values
 * ({@link io.tusk.types.Inet}, {@link io.tusk.types.Cidr}, {@link io.tusk.types.MacAddr}),
 * {@link io.tusk.types.BitString}, the geometric records ({@link io.tusk.types.Point} ...),
 * {@link io.tusk.types.Range}, {@link io.tusk.types.Multirange}, {@link io.tusk.types.Composite} and
 * {@link io.tusk.types.PgArray} (an array whose subscripts do not start at 1).
 * The full Java ⟷ PostgreSQL mapping is in {@code docs/reference/types.md}.
 *
 * <p>Depends on no other driver package: values only.
 */
package io.tusk.types;
