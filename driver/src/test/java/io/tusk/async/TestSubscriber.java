package io.tusk.async;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A subscriber that requests what the test says and records what it got, and any rule broken. */
class TestSubscriber<T> implements Flow.Subscriber<T> {
    final List<T> items = new CopyOnWriteArrayList<>();
    final CountDownLatch subscribed = new CountDownLatch(1);
    final CountDownLatch terminated = new CountDownLatch(1);
    final AtomicLong requested = new AtomicLong();
    final AtomicInteger concurrent = new AtomicInteger();
    final List<String> violations = new CopyOnWriteArrayList<>();
    volatile Flow.Subscription subscription;
    volatile Throwable error;
    volatile boolean completed;
    private final AtomicInteger terminals = new AtomicInteger();

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        subscribed.countDown();
    }

    void request(long n) {
        requested.addAndGet(n);
        subscription.request(n);
    }

    @Override
    public void onNext(T item) {
        if (concurrent.incrementAndGet() != 1) {
            violations.add("onNext called concurrently");
        }
        if (Thread.currentThread().getName().startsWith("tusk-io-")) {
            violations.add("onNext on an I/O thread");
        }
        items.add(item);
        if (items.size() > requested.get()) {
            violations.add("onNext beyond demand: " + items.size() + " > " + requested.get());
        }
        concurrent.decrementAndGet();
    }

    @Override
    public void onError(Throwable t) {
        error = t;
        end();
    }

    @Override
    public void onComplete() {
        completed = true;
        end();
    }

    private void end() {
        if (terminals.incrementAndGet() != 1) {
            violations.add("more than one terminal signal");
        }
        terminated.countDown();
    }

    boolean awaitEnd(long seconds) throws InterruptedException {
        return terminated.await(seconds, TimeUnit.SECONDS);
    }
}
