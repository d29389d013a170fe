package io.tusk.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class FairQueueTest {
    private final ReentrantLock lock = new ReentrantLock();
    private final FairQueue<String> queue = new FairQueue<>(lock);

    @Test
    void clientsAreServedInTheOrderTheyArrived() throws Exception {
        int n = 8;
        List<String> served = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < n; i++) {
                int client = i;
                pool.execute(() -> {
                    lock.lock();
                    try {
                        FairQueue.Waiter<String> w = queue.enqueue();
                        String got = queue.await(w, TimeUnit.SECONDS.toNanos(10));
                        served.add(client + "=" + got);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        lock.unlock();
                    }
                });
                waitForSize(i + 1); // client i is in the queue before client i+1 arrives
            }
            for (int i = 0; i < n; i++) {
                lock.lock();
                try {
                    assertTrue(queue.handOff("conn" + i));
                } finally {
                    lock.unlock();
                }
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < n; i++) {
            assertTrue(served.contains(i + "=conn" + i), "client " + i + " got the " + i + "th connection: " + served);
        }
    }

    @Test
    void aClientThatTimesOutLeavesTheQueueAndTheNextOneIsServed() throws Exception {
        CompletableFuture<String> patient = new CompletableFuture<>();
        lock.lock();
        try {
            FairQueue.Waiter<String> hasty = queue.enqueue();
            Thread t = new Thread(() -> {
                lock.lock();
                try {
                    patient.complete(queue.await(queue.enqueue(), TimeUnit.SECONDS.toNanos(10)));
                } catch (InterruptedException e) {
                    patient.completeExceptionally(e);
                } finally {
                    lock.unlock();
                }
            });
            t.start();
            assertNull(queue.await(hasty, TimeUnit.MILLISECONDS.toNanos(50))); // releases the lock while waiting
            assertEquals(1, queue.size(), "only the patient client is left");
            assertTrue(queue.handOff("conn"));
        } finally {
            lock.unlock();
        }
        assertEquals("conn", patient.get(10, TimeUnit.SECONDS));
    }

    @Test
    void handOffWithNobodyWaitingReturnsFalse() {
        lock.lock();
        try {
            assertEquals(false, queue.handOff("conn"));
        } finally {
            lock.unlock();
        }
    }

    @Test
    void failAllWakesEveryClientWithTheFailure() throws Exception {
        CompletableFuture<Throwable> failed = CompletableFuture.supplyAsync(() -> {
            lock.lock();
            try {
                queue.await(queue.enqueue(), TimeUnit.SECONDS.toNanos(10));
                return null;
            } catch (Throwable t) {
                return t;
            } finally {
                lock.unlock();
            }
        });
        waitForSize(1);
        IllegalStateException closed = new IllegalStateException("closed");
        lock.lock();
        try {
            queue.failAll(() -> closed);
            assertEquals(0, queue.size());
        } finally {
            lock.unlock();
        }
        assertSame(closed, failed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anInterruptedClientLeavesTheQueue() throws Exception {
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            lock.lock();
            try {
                queue.await(queue.enqueue(), TimeUnit.SECONDS.toNanos(10));
                result.complete(null);
            } catch (Throwable e) {
                result.complete(e);
            } finally {
                lock.unlock();
            }
        });
        t.start();
        waitForSize(1);
        t.interrupt();
        assertTrue(result.get(10, TimeUnit.SECONDS) instanceof InterruptedException);
        lock.lock();
        try {
            assertEquals(0, queue.size());
        } finally {
            lock.unlock();
        }
    }

    private void waitForSize(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            lock.lock();
            try {
                if (queue.size() >= n) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("queue never reached " + n);
            }
            Thread.sleep(2);
        }
    }

    @Test
    void awaitWithNoTimeLeftReturnsNullAtOnce() throws InterruptedException {
        lock.lock();
        try {
            assertNull(queue.await(queue.enqueue(), 0));
            assertEquals(0, queue.size());
        } finally {
            lock.unlock();
        }
    }
}
