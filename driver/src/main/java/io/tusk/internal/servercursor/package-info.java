/**
 * Server-side (named) cursors: DECLARE, FETCH, MOVE and CLOSE, for both front ends.
 * Depends on the protocol, cursor, stream and connection layers and the public API.
 */
package io.tusk.internal.servercursor;
