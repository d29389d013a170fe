/**
 * Prepared statements: the per-connection cache of named statements, when to prepare
 * ({@code prepare_threshold}), result formats and stale plans. Depends on the protocol's messages
 * and adaptation.
 */
package io.tusk.internal.prepare;
