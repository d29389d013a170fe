/**
 * XA over PostgreSQL's prepared transactions: {@code TuskXAResource} maps
 * {@link javax.transaction.xa.XAResource} onto the driver's two-phase commit methods
 * ({@code tpcBegin}, {@code tpcPrepare}, {@code tpcCommit}, ...). Built by the "XA" issue.
 */
package io.tusk.xa;
