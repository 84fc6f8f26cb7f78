package io.leaklens.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the UI does slow work (attach, listing, later snapshots and layouts) and how results come back: work runs
 * on a small pool of daemon threads, results are handed to the {@code fx} executor (the FX thread in the app, the
 * calling thread in tests).
 */
public final class UiExecutor implements AutoCloseable {

    private final Executor background;
    private final Executor fx;
    private final ExecutorService owned;

    private UiExecutor(Executor background, Executor fx, ExecutorService owned) {
        this.background = background;
        this.fx = fx;
        this.owned = owned;
    }

    /** Background work on two daemon threads, results on {@code fx}. */
    public static UiExecutor withPool(Executor fx) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "leaklens-ui-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new UiExecutor(pool, fx, pool);
    }

    /** For view-model tests: everything runs on the calling thread, in order. */
    public static UiExecutor direct() {
        return new UiExecutor(Runnable::run, Runnable::run, null);
    }

    public Executor fx() {
        return fx;
    }

    /** Runs {@code work} in the background; its result or failure is delivered on the fx executor. */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        background.execute(() -> {
            try {
                T value = work.call();
                fx.execute(() -> result.complete(value));
            } catch (Exception e) {
                fx.execute(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
