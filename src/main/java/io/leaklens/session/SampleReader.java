package io.leaklens.session;

import io.leaklens.attach.TargetConnection;
import io.leaklens.model.HeapSample;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Reads the target's memory on a thread of its own, one read at a time. A target that stops answering holds up
 * that thread only (a JMX call waits up to a minute): the session goes on, and asks how long the read has waited.
 */
final class SampleReader {

    private final TargetConnection connection;
    private final ExecutorService thread;
    /** When the read still waiting for its answer started (nanoTime), or 0. */
    private volatile long waitingSince;

    SampleReader(TargetConnection connection) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadExecutor(task -> Thread.ofPlatform().daemon()
                .name("leaklens-reader-" + connection.info().pid()).unstarted(task));
    }

    /**
     * Starts a read unless one is still waiting. Its sample goes to {@code answered}, or any failure to
     * {@code failed}, on the reader's thread.
     */
    void read(Consumer<HeapSample> answered, Consumer<RuntimeException> failed) {
        if (waitingSince != 0) {
            return;
        }
        waitingSince = System.nanoTime();
        try {
            thread.execute(() -> {
                HeapSample sample;
                try {
                    sample = connection.sample();
                } catch (RuntimeException e) {
                    waitingSince = 0;
                    failed.accept(e);
                    return;
                }
                waitingSince = 0;
                answered.accept(sample);
            });
        } catch (RejectedExecutionException e) {
            waitingSince = 0; // stopped: the session has ended
        }
    }

    /** How long the read still waiting for its answer has waited; zero when none is. */
    Duration waiting() {
        long since = waitingSince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    void stop() {
        thread.shutdownNow();
    }
}
