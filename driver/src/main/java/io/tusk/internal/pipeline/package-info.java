/**
 * Pipeline mode on a blocking connection: statements sent without waiting, answers matched in
 * order, Sync points. Depends on the protocol, cursor and connection layers.
 */
package io.tusk.internal.pipeline;
