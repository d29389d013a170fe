/**
 * The non-blocking API (psycopg's {@code AsyncConnection}): the same operations as
 * {@code io.tusk}, answered with {@link java.util.concurrent.CompletionStage}s. Public API: depends on the
 * public packages; connections are opened through {@code io.tusk.spi.Services.connector()}.
 */
package io.tusk.async;
