/**
 * The connection pools' machinery behind {@code io.tusk.pool}: one state machine and two ways
 * to wait around it.
 *
 * <p>{@link io.tusk.internal.pool.PoolState} makes every decision of both pools (lend, queue,
 * grow, shrink, replace, hand a returned connection to the next waiter, expire, resize, drain,
 * the statistics) with no I/O and no waiting, after psycopg_pool's {@code BasePool} and
 * HikariCP's split of container and policy. {@link io.tusk.internal.pool.LockedPool} takes the
 * lock around each decision; {@link io.tusk.internal.pool.PoolEngine} waits with threads and a
 * {@link io.tusk.internal.pool.FairQueue}, {@link io.tusk.internal.pool.AsyncPoolEngine} with
 * futures in an {@code AsyncWaitQueue}. Each twin (return inspection, connection check) sits
 * next to the other and shares its decisions.
 */
package io.tusk.internal.pool;
