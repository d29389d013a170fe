/**
 * SQL text the driver writes itself (quoted identifiers for savepoints), with the rules of
 * {@code io.tusk.sql}. Depends on the public API only.
 */
package io.tusk.internal.sql;
