package io.leaklens.jfr;

import io.leaklens.model.CollectionEvent;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

import java.time.Duration;
import java.time.Instant;

/**
 * Connects an {@link EventStream} (live or from a file) to a {@link JfrEvents} sink: one handler per event type, each
 * mapping at once, and the stream's flushes. Only the types LeakLens uses are subscribed, by name, so that the
 * JDK's parser skips every other event without building it. Knows where an old-object burst begins: the target
 * writes every sample of one emission with the same start and end time (the emission's), so a new pair of times means
 * a new burst.
 * <p>
 * Used on the stream's thread only, like the sink.
 */
final class EventRouter {

    private final EventMapper mapper = new EventMapper();
    private final JfrEvents sink;
    private Instant burstStart;
    private Instant burstEnd;

    private EventRouter(JfrEvents sink) {
        this.sink = sink;
    }

    /** For a stream that delivers in time order (the default): every event goes on as it comes. */
    static void connect(EventStream stream, JfrEvents sink) {
        EventRouter router = new EventRouter(sink);
        stream.onEvent(EventMapper.ALLOCATION_SAMPLE, e -> sink.allocation(router.mapper.allocation(e)));
        stream.onEvent(EventMapper.HEAP_SUMMARY, e -> sink.heapSummary(router.mapper.heapSummary(e)));
        stream.onEvent(EventMapper.GARBAGE_COLLECTION, e -> sink.collection(router.mapper.collection(e)));
        stream.onEvent(EventMapper.OLD_OBJECT_SAMPLE,
                e -> router.oldObject(e.getStartTime(), e.getEndTime(), router.mapper.oldObject(e)));
        stream.onEvent(EventMapper.DIRECT_BUFFERS, e -> sink.directBuffers(router.mapper.directBufferBytes(e)));
        stream.onFlush(sink::flush);
    }

    /**
     * For a recording file: reads it unordered (no sort, JFR's event objects reused), hands allocation samples on at
     * once and the other types, which need their order, through a {@link SegmentOrder} at each flush. The sink sees
     * what an ordered stream would have given it, except that allocation samples come in file order.
     *
     * @return the buffer of the current segment, for the caller to deliver once the stream has ended
     */
    static SegmentOrder connectUnordered(EventStream stream, JfrEvents sink) {
        EventRouter router = new EventRouter(sink);
        SegmentOrder order = new SegmentOrder();
        stream.setOrdered(false);
        stream.onEvent(EventMapper.ALLOCATION_SAMPLE, e -> sink.allocation(router.mapper.allocation(e)));
        stream.onEvent(EventMapper.HEAP_SUMMARY, e -> {
            HeapSummaryEvent summary = router.mapper.heapSummary(e);
            order.add(e.getEndTime(), () -> sink.heapSummary(summary));
        });
        stream.onEvent(EventMapper.GARBAGE_COLLECTION, e -> {
            CollectionEvent collection = router.mapper.collection(e);
            order.add(e.getEndTime(), () -> sink.collection(collection));
        });
        stream.onEvent(EventMapper.OLD_OBJECT_SAMPLE, e -> {
            Instant start = e.getStartTime();
            Instant end = e.getEndTime();
            OldObjectSample sample = router.mapper.oldObject(e);
            order.add(end, () -> router.oldObject(start, end, sample));
        });
        stream.onEvent(EventMapper.JVM_INFORMATION, e -> sink.recordedJvm(router.mapper.jvm(e)));
        stream.onFlush(() -> {
            order.deliver();
            sink.flush();
        });
        return order;
    }

    private void oldObject(Instant start, Instant end, OldObjectSample sample) {
        if (!start.equals(burstStart) || !end.equals(burstEnd)) {
            burstStart = start;
            burstEnd = end;
            sink.oldObjectBurstStarted(start, Duration.between(start, end));
        }
        sink.oldObject(sample);
    }
}
