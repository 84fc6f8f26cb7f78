package io.leaklens.ui;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from any thread to the FX thread, newest wins, at most once per {@code interval}: a burst of session
 * states costs the FX thread one update, never a queue of stale ones.
 */
public final class FxThrottle<T> implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = timer();

    private final Executor fx;
    private final Consumer<T> consumer;
    private final long intervalNanos;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastDelivery;
    private volatile boolean closed;

    public FxThrottle(Executor fx, Duration interval, Consumer<T> consumer) {
        this.fx = fx;
        this.consumer = consumer;
        this.intervalNanos = interval.toNanos();
        this.lastDelivery = System.nanoTime() - intervalNanos;
    }

    /** Offers a new value; any value not yet delivered is replaced. */
    public void offer(T value) {
        if (closed) {
            return;
        }
        pending.set(value);
        if (scheduled.compareAndSet(false, true)) {
            long wait = lastDelivery + intervalNanos - System.nanoTime();
            if (wait <= 0) {
                fx.execute(this::deliver);
            } else {
                TIMER.schedule(() -> fx.execute(this::deliver), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void deliver() {
        lastDelivery = System.nanoTime();
        scheduled.set(false);
        T value = pending.getAndSet(null);
        if (value != null && !closed) {
            consumer.accept(value);
        }
    }

    @Override
    public void close() {
        closed = true;
        pending.set(null);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "leaklens-fx-throttle");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
