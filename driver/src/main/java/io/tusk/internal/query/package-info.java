/**
 * Query text parsing: psycopg-style {@code %s} and {@code %(name)s} placeholders turned into
 * {@code $n}, and the rewriting of batched inserts. Depends on the public adaptation API and
 * {@code io.tusk.errors} only.
 */
package io.tusk.internal.query;
