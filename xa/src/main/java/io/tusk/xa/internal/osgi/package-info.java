/**
 * OSGi glue of the xa bundle: the activator and the hook that publishes an XA connection source
 * per {@code io.tusk.connection} configuration of the driver bundle. Depends on {@code io.tusk.xa}
 * and the OSGi framework (optional imports).
 */
package io.tusk.xa.internal.osgi;
