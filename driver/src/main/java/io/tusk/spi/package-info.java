/**
 * Service-provider interfaces for modules that drive a connection from outside the
 * application, such as the XA resource: {@link io.tusk.spi.TransactionControl}, and the SQL of
 * two-phase commit as the driver sends it, {@link io.tusk.spi.TwoPhaseCommands}.
 */
package io.tusk.spi;
