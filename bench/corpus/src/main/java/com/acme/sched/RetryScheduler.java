package com.acme.sched;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sensor-upload scheduler. A scheduled job samples a device every ~160 ms; when the upload "fails" (here: always
 * for the slow uplink), it parks a RetryTask in a retry queue. RetryTask itself is tiny (id, attempt, a reference),
 * but it holds the 6,000 samples (48 KB double[]) to resend. The retry drainer is disabled by a feature flag left
 * off, so the queue is never drained: ~6 tasks/s, ~290 KB/s.
 */
public class RetryScheduler {

    static final Queue<RetryTask> PENDING_RETRIES = new ConcurrentLinkedQueue<>();

    static final boolean RETRY_DRAINER_ENABLED = Boolean.getBoolean("retry.drainer");

    /** 32 bytes with compressed oops: header, long, int, reference. */
    static final class RetryTask {
        final long id;
        int attempt;
        final double[] samples;

        RetryTask(long id, double[] samples) {
            this.id = id;
            this.samples = samples;
        }
    }

    private static final AtomicLong IDS = new AtomicLong();

    static void sampleAndUpload() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double[] samples = new double[6_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 20 + r.nextGaussian();
        }
        // serialise for the uplink (garbage)
        StringBuilder payload = new StringBuilder(samples.length * 8);
        for (int i = 0; i < samples.length; i += 4) {
            payload.append(String.format("%.3f", samples[i])).append(',');
        }
        boolean uploaded = payload.length() < 1000; // the slow uplink always times out
        if (!uploaded) {
            PENDING_RETRIES.add(new RetryTask(IDS.incrementAndGet(), samples));
        }
    }

    static void drainRetries() {
        RetryTask task;
        while ((task = PENDING_RETRIES.poll()) != null) {
            task.attempt++;
        }
    }

    public static void main(String[] args) throws Exception {
        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) { }
            } catch (IOException ignored) { }
            System.exit(0);
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        scheduler.scheduleAtFixedRate(RetryScheduler::sampleAndUpload, 0, 160, TimeUnit.MILLISECONDS);
        if (RETRY_DRAINER_ENABLED) {
            scheduler.scheduleWithFixedDelay(RetryScheduler::drainRetries, 1, 1, TimeUnit.SECONDS);
        }
        System.out.println("ready");
        scheduler.schedule(() -> System.exit(0), 10, TimeUnit.MINUTES);
        scheduler.awaitTermination(11, TimeUnit.MINUTES);
    }
}
