/**
 * Streaming a result row by row ({@code cursor.stream()}) and the cursor's COPY helpers.
 * Depends on the protocol, cursor, copy and connection layers and the public API.
 */
package io.tusk.internal.stream;
