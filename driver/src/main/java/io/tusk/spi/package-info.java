/**
 * Service-provider interfaces: for modules that drive a connection from outside the
 * application, such as the XA resource ({@link io.tusk.spi.TransactionControl}, and the SQL of
 * two-phase commit as the driver sends it, {@link io.tusk.spi.TwoPhaseCommands}), and the named
 * seams through which the public API reaches the driver's implementation
 * ({@link io.tusk.spi.Services}: {@link io.tusk.spi.Connector}, {@link io.tusk.spi.Adaptation};
 * {@link io.tusk.spi.DescribedColumns}). The implementations live in {@code io.tusk.internal.spi}
 * and are found with {@link java.util.ServiceLoader} ({@code META-INF/services}).
 *
 * <p>Part of the public API: depends on the public packages only, never on an internal one.
 */
package io.tusk.spi;
