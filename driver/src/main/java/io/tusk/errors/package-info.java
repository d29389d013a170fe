/**
 * The driver's exceptions in the DB-API hierarchy ({@link io.tusk.errors.TuskException} and its
 * kinds, one class per SQLSTATE, generated from PostgreSQL's {@code errcodes.txt}) and
 * {@link io.tusk.errors.Diagnostic}. The bottom layer: depends on no other driver package, so that
 * every layer, the protocol included, may raise them.
 */
package io.tusk.errors;
