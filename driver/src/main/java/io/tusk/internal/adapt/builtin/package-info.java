/**
 * The registry of the built-in adapters: registers every family's dumpers and loaders in
 * {@code AdaptersMap.global()} once (psycopg's {@code postgres.adapters}). The top of the adaptation
 * packages: depends on all the families and the core; only the layers above adaptation use it.
 */
package io.tusk.internal.adapt.builtin;
