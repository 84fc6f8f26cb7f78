package io.leaklens.session;

import io.leaklens.analysis.AllocationAggregator;
import io.leaklens.jfr.JfrEvents;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.CollectionEvent;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.RecordedJvm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One part of a recording read in parts, on its own thread: its allocation samples summed in an aggregator of its
 * own, its other events (heap summaries, collections, old-object samples: a few thousand) kept in order, to be
 * handed to the session's collector once every part is read, part after part. Flushes are dropped, as
 * {@link FlushesDropped} does for a file read in one piece.
 */
final class RecordingPart implements JfrEvents {

    /**
     * Where the old-object burst handed on last stands, carried from part to part. A part's first burst may be the
     * one the previous part ended with (a burst's samples are one emission, all with its times): read in one piece it
     * was announced once, so its second announcement is not handed on.
     */
    static final class OpenBurst {
        private Instant emittedAt;
        private Duration targetPause;

        private void announce(JfrEvents sink, Instant at, Duration pause) {
            if (!Objects.equals(at, emittedAt) || !Objects.equals(pause, targetPause)) {
                emittedAt = at;
                targetPause = pause;
                sink.oldObjectBurstStarted(at, pause);
            }
        }
    }

    /** One kept event, handed on later. */
    private interface Delivery {
        void to(JfrEvents sink, OpenBurst open);
    }

    final AllocationAggregator allocations = new AllocationAggregator();
    private final List<Delivery> others = new ArrayList<>();
    final RecordedJvms jvms = new RecordedJvms();

    @Override
    public void allocation(AllocationSample sample) {
        allocations.add(sample);
    }

    @Override
    public void heapSummary(HeapSummaryEvent summary) {
        others.add((sink, open) -> sink.heapSummary(summary));
    }

    @Override
    public void collection(CollectionEvent collection) {
        others.add((sink, open) -> sink.collection(collection));
    }

    @Override
    public void oldObjectBurstStarted(Instant emittedAt, Duration targetPause) {
        others.add((sink, open) -> open.announce(sink, emittedAt, targetPause));
    }

    @Override
    public void oldObject(OldObjectSample sample) {
        others.add((sink, open) -> sink.oldObject(sample));
    }

    @Override
    public void recordedJvm(RecordedJvm jvm) {
        jvms.add(jvm);
    }

    @Override
    public void flush() {
    }

    /** Hands the part's events other than allocation samples to {@code sink}, in the order they came. */
    void handOn(JfrEvents sink, OpenBurst open) {
        for (Delivery event : others) {
            event.to(sink, open);
        }
    }
}
