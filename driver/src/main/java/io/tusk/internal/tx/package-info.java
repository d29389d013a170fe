/**
 * Transaction rules: the implicit BEGIN with its characteristics, savepoint blocks, claims by a
 * transaction manager and two-phase commit. Depends on the protocol and connection layers and the
 * public API.
 */
package io.tusk.internal.tx;
