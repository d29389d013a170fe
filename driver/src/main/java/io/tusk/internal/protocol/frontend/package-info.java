/**
 * Frontend (client to server) messages, each encoded into a write buffer. Depends only on
 * {@code io.tusk.internal.protocol}.
 */
package io.tusk.internal.protocol.frontend;
