/**
 * The driver's providers of the {@link io.tusk.spi} service interfaces, listed in
 * {@code META-INF/services}: the one place where the public API reaches the implementation.
 * Top of the internal layers: may depend on any driver package; nothing in the driver may
 * depend on it (the API finds it through {@link java.util.ServiceLoader}).
 */
package io.tusk.internal.spi;
