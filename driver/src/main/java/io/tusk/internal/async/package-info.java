/**
 * The non-blocking front end: the event loop and transport, the async session that runs the shared
 * protocol exchanges, and the async connection, cursors, COPY, pipeline and pool behind
 * {@code io.tusk.async}. Depends on the protocol, adaptation and connection layers and the public API.
 */
package io.tusk.internal.async;
