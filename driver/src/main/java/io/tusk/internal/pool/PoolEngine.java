package io.tusk.internal.pool;

import io.tusk.Connection;
import io.tusk.TransactionStatus;
import io.tusk.Tusk;
import io.tusk.errors.OperationalException;
import io.tusk.errors.ProgrammingException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The blocking way to wait around a {@link PoolState}, behind {@code io.tusk.pool.ConnectionPool}
 * (psycopg_pool's {@code ConnectionPool}): a client waits as a parked thread in a
 * {@link FairQueue}, and a few daemon worker threads named after the pool connect, retry and
 * run the maintenance task.
 *
 * <p>Every decision is the state's; this class takes the lock around each (see
 * {@link LockedPool}) and then does, with the lock released, what the decision left to do:
 * closes connections and has the workers make new ones ({@link #unlockAndAct()}). Connecting,
 * rolling back and checking never run under the lock.
 */
public final class PoolEngine extends LockedPool<Connection, Consumer<Connection>> {
    private static final System.Logger LOG = System.getLogger("io.tusk.pool");
    private static final int WORKERS = 3; // psycopg_pool's num_workers default

    private final FairQueue<PoolEntry<Connection>> waiting;
    /** Signalled after every decision: what {@link #waitReady} waits on. */
    private final Condition changed;
    private volatile ScheduledThreadPoolExecutor workers; // volatile: close() reads it outside the lock
    private volatile PoolThreads threads;

    public PoolEngine(PoolConfig<Consumer<Connection>> cfg) {
        this(cfg, new ReentrantLock());
    }

    private PoolEngine(PoolConfig<Consumer<Connection>> cfg, ReentrantLock lock) {
        this(cfg, lock, new FairQueue<>(lock));
    }

    private PoolEngine(PoolConfig<Consumer<Connection>> cfg, ReentrantLock lock,
            FairQueue<PoolEntry<Connection>> waiting) {
        super(cfg, lock, waiting);
        this.waiting = waiting;
        this.changed = lock.newCondition();
    }

    // ---- life cycle

    /** Starts the workers and the filling to minSize; a second call does nothing. */
    public void open() {
        decide(() -> {
            if (!state.open()) {
                return;
            }
            threads = new PoolThreads(cfg.name());
            workers = new ScheduledThreadPoolExecutor(WORKERS, threads);
            workers.setRemoveOnCancelPolicy(true);
            workers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            workers.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
            long tick = state.maintenanceTickNanos();
            workers.scheduleWithFixedDelay(this::maintain, tick, tick, TimeUnit.NANOSECONDS);
        });
    }

    /** Waits until minSize connections are open; on time-out closes the pool (as psycopg does). */
    public void waitReady(Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            state.ensureOpen();
            while (!state.ready() && left > 0 && !state.isClosed()) {
                left = changed.awaitNanos(left);
            }
            if (state.isClosed()) {
                throw state.closedError();
            }
            if (state.ready()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationalException("interrupted while waiting for pool '" + cfg.name() + "' to fill", e);
        } finally {
            unlockAndAct();
        }
        RuntimeException notReady = notReady(timeout);
        close(Duration.ofSeconds(5));
        throw notReady;
    }

    /**
     * Closes the pool: waiting clients fail with PoolClosedException, idle connections are
     * closed now, lent ones when they come back; waits up to {@code timeout} for the workers.
     */
    public void close(Duration timeout) {
        boolean[] closing = new boolean[1];
        decide(() -> closing[0] = state.close());
        if (!closing[0] || workers == null) {
            return;
        }
        workers.shutdown();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!workers.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS) || !threads.joinAll(deadline)) {
                LOG.log(Level.WARNING, "pool ''{0}'': workers still busy {1} after close(); stopping them",
                        cfg.name(), PoolState.fmt(timeout));
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    // ---- borrowing

    /** psycopg_pool's {@code getconn(timeout)}: an idle connection, or one given to this thread while it waits. */
    public Connection borrow(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        read(() -> {
            state.request();
            return null;
        });
        while (true) {
            PoolEntry<Connection> e = acquire(deadline, timeout);
            String problem = null;
            if (e.conn.isBroken() || e.conn.isClosed()) {
                problem = "it is broken";
            } else if (cfg.check() != null) {
                try {
                    cfg.check().accept(e.conn);
                } catch (RuntimeException ex) {
                    problem = "the check callback failed: " + ex;
                }
            }
            if (problem == null) {
                return e.conn;
            }
            rejected(e, problem);
        }
    }

    private PoolEntry<Connection> acquire(long deadline, Duration timeout) {
        long start = System.nanoTime();
        lock.lock();
        try {
            PoolEntry<Connection> e = state.lendIdle(start);
            if (e != null) {
                return e;
            }
            if (!state.reserveForCaller()) {
                state.admitWaiter();
                FairQueue.Waiter<PoolEntry<Connection>> w = waiting.enqueue();
                state.replenish();
                startConnecting(); // now: the workers get the lock as soon as this thread parks
                try {
                    e = waiting.await(w, deadline - System.nanoTime());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    state.requestFailed();
                    throw new OperationalException("interrupted while waiting for a connection from pool '"
                            + cfg.name() + "'", ie);
                }
                state.waited(start, System.nanoTime());
                if (e == null) {
                    throw state.timedOut(timeout);
                }
                return e;
            }
        } finally {
            unlockAndAct();
        }
        // a null pool connects in the caller's thread, as psycopg_pool's does
        Connection conn;
        try {
            conn = connect();
        } catch (RuntimeException ex) {
            decide(state::connectHereFailed);
            throw ex;
        }
        return read(() -> state.connectedHere(conn, start, System.nanoTime()));
    }

    /** psycopg_pool's {@code putconn(conn)}: resets the session, then keeps, hands on or replaces it. */
    public void giveBack(Connection conn) {
        PoolEntry<Connection> e = read(() -> state.takeBack(conn, System.nanoTime()));
        returned(e, !isClosed() && ReturnInspector.makeIdle(conn, cfg.reset(), cfg.name()));
    }

    /** Checks every idle connection; the bad ones are closed and replaced (psycopg_pool's check()). */
    public void checkIdle() {
        for (PoolEntry<Connection> e : read(state::takeIdleForCheck)) {
            RuntimeException problem = null;
            try {
                if (cfg.check() != null) {
                    cfg.check().accept(e.conn);
                } else {
                    ConnectionCheck.check(e.conn);
                }
            } catch (RuntimeException ex) {
                problem = ex;
            }
            checked(e, problem);
        }
    }

    // ---- making connections

    @Override
    void makeConnection(Backoff attempt) {
        long start = System.nanoTime();
        Connection conn;
        try {
            conn = connect();
        } catch (RuntimeException ex) {
            retryLater(attempt, ex);
            return;
        }
        connected(conn, start);
    }

    private Connection connect() {
        Connection conn = Tusk.connect(cfg.conninfo(), cfg.kwargs());
        if (cfg.configure() != null) {
            try {
                cfg.configure().accept(conn);
                TransactionStatus st = conn.info().transactionStatus();
                if (st != TransactionStatus.IDLE) {
                    throw new ProgrammingException("the configure callback of pool '" + cfg.name() + "' left the"
                            + " connection in status " + st + ": it must end IDLE (commit at its end)");
                }
            } catch (RuntimeException ex) {
                conn.close();
                throw ex;
            }
        }
        return conn;
    }

    @Override
    void schedule(Runnable task, long delayNanos) {
        workers.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Hands the connections the state decided to make to the workers. Lock held. */
    private void startConnecting() {
        for (int n = state.takeToOpen(); n > 0; n--) {
            try {
                workers.execute(() -> makeConnection(null));
            } catch (RejectedExecutionException closing) {
                state.abandonAttempt();
            }
        }
    }

    /**
     * Has the workers start the connections to make and wakes {@link #waitReady} while the lock
     * is held (a Condition is signalled under its lock), releases it, then closes the
     * connections the state gave up.
     */
    @Override
    void unlockAndAct() {
        List<Connection> doomed;
        try {
            if (workers != null) {
                startConnecting();
            }
            changed.signalAll();
        } finally {
            doomed = state.takeToClose();
            lock.unlock();
        }
        for (Connection c : doomed) {
            try {
                c.close();
            } catch (RuntimeException ex) {
                PoolLog.closeFailed(cfg.name(), c, ex);
            }
        }
    }
}
