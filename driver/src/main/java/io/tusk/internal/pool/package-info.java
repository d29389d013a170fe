/**
 * The connection pools' engines behind {@code io.tusk.pool}: configuration, borrowing and giving
 * back, growing and shrinking, health checks, statistics and JMX. Depends on the public API.
 */
package io.tusk.internal.pool;
