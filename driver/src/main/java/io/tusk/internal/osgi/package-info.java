/**
 * OSGi integration of the driver bundle: the bundle activator and the Config Admin factory
 * configuration {@code io.tusk.connection} that publishes a connection pool service per
 * configuration, plus the tracking of the xa bundle's hook that adds a
 * {@code TuskXAConnectionSource} service per configuration. Private to the bundle; every OSGi
 * package it uses is an optional import, so outside a framework nothing here is ever loaded.
 *
 * <p>Depends on the public API ({@code io.tusk}, {@code conninfo}, {@code pool}); nothing in the driver depends on it.
 */
package io.tusk.internal.osgi;
