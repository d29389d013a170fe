/**
 * Values PostgreSQL has and the JDK lacks: {@link io.tusk.types.Interval}, {@link io.tusk.types.Json}
 * and {@link io.tusk.types.Jsonb} (psycopg's {@code types.json.Json}/{@code Jsonb} wrappers).
 * The full Java ⟷ PostgreSQL mapping is in {@code docs/reference/types.md}.
 */
package io.tusk.types;
