/**
 * The blocking front end's core: opening a connection (hosts, TLS, startup, authentication),
 * the session that runs protocol exchanges over a socket, and the connection and cursor
 * implementations behind {@code io.tusk}. Depends on the protocol, network, authentication and
 * adaptation layers and on the public API.
 */
package io.tusk.internal.connection;
