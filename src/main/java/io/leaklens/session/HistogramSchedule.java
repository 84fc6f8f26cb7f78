package io.leaklens.session;

import io.leaklens.analysis.ClassHistogramParser;
import io.leaklens.analysis.HistogramPausePredictor;
import io.leaklens.attach.TargetConnection;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.PredictedPause;
import io.leaklens.model.SessionState;
import io.leaklens.model.TimedHistogram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The class histograms of a live session. Each makes the target run a full collection and pauses it meanwhile, so
 * the periodic ones run on a thread of their own and are skipped while one would pause the target for the
 * session's limit or longer; they resume by themselves once the prediction falls below it (a smaller heap, or a
 * snapshot that measured a faster target). Where only the prior rate rules them out, the heap is first walked once
 * (a much shorter pause) to measure how long counting it takes: a big heap of big arrays then gets its histograms.
 */
final class HistogramSchedule {

    private static final System.Logger LOG = System.getLogger(HistogramSchedule.class.getName());

    private final TargetConnection connection;
    private final WatchOptions options;
    private final Supplier<SessionState> state;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    /** Histograms being taken now (a periodic one and a snapshot's may overlap): the target is paused by us. */
    private final AtomicInteger taking = new AtomicInteger();
    /** Whether the heap was walked to measure it; once is enough (on the histogram thread only). */
    private boolean walked;

    HistogramSchedule(TargetConnection connection, WatchOptions options, Supplier<SessionState> state, Clock clock) {
        this.connection = connection;
        this.options = options;
        this.state = state;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().daemon()
                .name("leaklens-histograms-" + connection.info().pid()).unstarted(task));
    }

    /**
     * Starts the periodic histograms, each handed to {@code taken}, a skipped one's predicted pause to
     * {@code skipped} (both on the histogram thread). Returns false when the options switch them off.
     */
    boolean start(Consumer<TimedHistogram> taken, Consumer<PredictedPause> skipped) {
        Duration every = options.histogramInterval();
        if (every.isZero()) {
            return false;
        }
        thread.scheduleWithFixedDelay(() -> takePeriodic(taken, skipped), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private void takePeriodic(Consumer<TimedHistogram> taken, Consumer<PredictedPause> skipped) {
        if (!awaitFirstSample(LiveSession.FIRST_SAMPLE_WAIT)) {
            return;
        }
        Optional<PredictedPause> tooLong = tooLong();
        if (tooLong.isPresent() && !tooLong.get().measured() && !walked) {
            walked = true;
            Optional<TimedHistogram> walk = walkHeap();
            if (walk.isPresent()) {
                taken.accept(walk.get());
                tooLong = tooLong(List.of(walk.get()));
            }
        }
        if (tooLong.isPresent()) {
            skipped.accept(tooLong.get());
            return;
        }
        try {
            ClassHistogram histogram = take();
            taken.accept(new TimedHistogram(clock.instant(), histogram));
        } catch (IOException | RuntimeException e) {
            // A target going away is reported by the sampler; a refused histogram leaves the rules without one.
            LOG.log(System.Logger.Level.DEBUG, "a class histogram failed", e);
        }
    }

    /**
     * Walks the heap once to measure how long counting it takes, when the walk itself is predicted to pause the
     * target less than the limit; empty otherwise, or when the target refused.
     */
    private Optional<TimedHistogram> walkHeap() {
        if (HistogramPausePredictor.predictWalk(state.get().heap()).reaches(options.histogramPauseLimit())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimedHistogram(clock.instant(), count(connection::heapWalkHistogram, false)));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "a heap walk failed", e);
            return Optional.empty();
        }
    }

    /** Takes a histogram now, on the calling thread, and measures how long the target took. */
    ClassHistogram take() throws IOException {
        return count(connection::classHistogram, true);
    }

    /**
     * Counts and measures the pause: the target's own time at safepoints meanwhile where its counters tell (the
     * request's time also holds the wait behind other diagnostic commands and the text's transfer), else the time
     * the request took.
     */
    private ClassHistogram count(HistogramRequest request, boolean liveOnly) throws IOException {
        Optional<Duration> pausedBefore = connection.timeAtSafepoints();
        long start = System.nanoTime();
        taking.incrementAndGet();
        try {
            String text = request.text();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Optional<Duration> pausedAfter = connection.timeAtSafepoints();
            if (pausedBefore.isPresent() && pausedAfter.isPresent()
                    && pausedAfter.get().compareTo(pausedBefore.get()) > 0) {
                took = pausedAfter.get().minus(pausedBefore.get());
            }
            return ClassHistogramParser.parse(text, took, liveOnly);
        } finally {
            taking.decrementAndGet();
        }
    }

    /** One of the connection's two ways of counting the heap. */
    private interface HistogramRequest {
        String text() throws IOException;
    }

    /** Whether a histogram is being taken: the target is paused by a full collection we asked for. */
    boolean taking() {
        return taking.get() > 0;
    }

    /** The pause of a histogram taken now, predicted from the target's heap and its earlier histograms. */
    PredictedPause predict() {
        return HistogramPausePredictor.predict(state.get().heap(), state.get().histograms());
    }

    /** The predicted pause of a histogram taken now, when it reaches the session's limit. */
    Optional<PredictedPause> tooLong() {
        return tooLong(state.get().histograms());
    }

    private Optional<PredictedPause> tooLong(List<TimedHistogram> measured) {
        PredictedPause pause = HistogramPausePredictor.predict(state.get().heap(), measured);
        return pause.reaches(options.histogramPauseLimit()) ? Optional.of(pause) : Optional.empty();
    }

    /**
     * Waits, at most {@code wait}, for the first heap reading (it comes within milliseconds of connecting): a
     * histogram's pause is predicted from it. Returns whether it came and the target is still connected.
     */
    boolean awaitFirstSample(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (state.get().connected() && state.get().heap().latest().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the session is closing
                return false;
            }
        }
        return state.get().connected() && state.get().heap().latest().isPresent();
    }

    void stop() {
        thread.shutdownNow();
    }
}
