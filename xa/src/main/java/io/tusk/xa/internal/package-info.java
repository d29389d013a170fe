/**
 * The XA state machine behind {@code TuskXAResource}: branches and their states, the Xid
 * mapping, the transaction timeout, and the branch operations run on a connection through the
 * driver's {@code io.tusk.spi.TransactionControl}. Depends on the driver's public API and SPI and on
 * {@code io.tusk.xa}; never on the driver's internals.
 */
package io.tusk.xa.internal;
