package io.leaklens.jfr;

import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

import java.time.Instant;

/**
 * Connects an {@link EventStream} (live or from a file) to a {@link JfrEvents} sink: one handler per event type, each
 * mapping at once, and the stream's flushes. Knows where an old-object burst begins: the target writes every sample
 * of one emission with the same start and end time (the emission's), so a new pair of times means a new burst.
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

    static void connect(EventStream stream, JfrEvents sink) {
        EventRouter router = new EventRouter(sink);
        stream.onEvent(EventMapper.ALLOCATION_SAMPLE, e -> sink.allocation(router.mapper.allocation(e)));
        stream.onEvent(EventMapper.HEAP_SUMMARY, e -> sink.heapSummary(router.mapper.heapSummary(e)));
        stream.onEvent(EventMapper.GARBAGE_COLLECTION, e -> sink.collection(router.mapper.collection(e)));
        stream.onEvent(EventMapper.OLD_OBJECT_SAMPLE, router::oldObject);
        stream.onFlush(sink::flush);
    }

    private void oldObject(RecordedEvent event) {
        Instant start = event.getStartTime();
        Instant end = event.getEndTime();
        if (!start.equals(burstStart) || !end.equals(burstEnd)) {
            burstStart = start;
            burstEnd = end;
            sink.oldObjectBurstStarted(start, event.getDuration());
        }
        sink.oldObject(mapper.oldObject(event));
    }
}
