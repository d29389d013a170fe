/**
 * Backend (server to client) messages: decoding each from its bytes, framing the byte stream into
 * messages, checking their order, and the rows of a result kept as bytes. Depends only on
 * {@code io.tusk.internal.protocol} and {@code io.tusk.errors}.
 */
package io.tusk.internal.protocol.backend;
