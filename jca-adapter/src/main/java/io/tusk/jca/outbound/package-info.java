/**
 * The outbound side of the resource adapter: the managed connection and its handles, the local
 * and XA transaction resources, metadata and the default connection manager. Depends on
 * {@code io.tusk.jca}, {@code io.tusk.xa} and the driver's public API (never its internals), and
 * on the Jakarta Connectors API provided by the container.
 */
package io.tusk.jca.outbound;
