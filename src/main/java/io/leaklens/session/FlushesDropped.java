package io.leaklens.session;

import io.leaklens.jfr.JfrEvents;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.CollectionEvent;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.RecordedJvm;

import java.time.Duration;
import java.time.Instant;

/**
 * Passes a recording file's events on but not its flushes. A live stream flushes so that a session can publish what
 * it has; a file read to the end has nobody to publish to until the end, and a collector builds a whole allocation
 * profile at each flush (a 185 MB recording has 430 flushes, and with thousands of sites each profile sorts them
 * all). The reader flushes the collector once, at the end: a burst of old-object samples stays open across flushes,
 * so the collector ends with the same samples either way. Keeps the JVMs the recording describes.
 */
final class FlushesDropped implements JfrEvents {

    private final JfrEvents sink;
    final RecordedJvms jvms = new RecordedJvms();

    FlushesDropped(JfrEvents sink) {
        this.sink = sink;
    }

    @Override
    public void allocation(AllocationSample sample) {
        sink.allocation(sample);
    }

    @Override
    public void heapSummary(HeapSummaryEvent summary) {
        sink.heapSummary(summary);
    }

    @Override
    public void collection(CollectionEvent collection) {
        sink.collection(collection);
    }

    @Override
    public void oldObjectBurstStarted(Instant emittedAt, Duration targetPause) {
        sink.oldObjectBurstStarted(emittedAt, targetPause);
    }

    @Override
    public void oldObject(OldObjectSample sample) {
        sink.oldObject(sample);
    }

    @Override
    public void recordedJvm(RecordedJvm jvm) {
        jvms.add(jvm);
    }

    @Override
    public void flush() {
    }
}
