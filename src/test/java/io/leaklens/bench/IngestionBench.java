package io.leaklens.bench;

import io.leaklens.analysis.AllocationAggregator;
import io.leaklens.jfr.EventMapper;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How many allocation events per second the mapper and the aggregator take, from a recording made by
 * {@code bench/ingestion.sh} (events read once into memory, so reading the file is not measured). The live stream
 * delivers 150 events/s by default: the target is ≥ 1,000,000 events/s, far beyond any throttle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IngestionBench {

    static final int EVENTS = 100_000;

    private final List<RecordedEvent> events = new ArrayList<>();
    private final EventMapper mapper = new EventMapper();

    @Setup
    public void load() throws IOException {
        Path file = Path.of(System.getProperty("leaklens.bench.recording", "target/bench-allocations.jfr"));
        List<RecordedEvent> allocations = new ArrayList<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                    allocations.add(event);
                }
            }
        }
        if (allocations.isEmpty()) {
            throw new IllegalStateException("no allocation samples in " + file);
        }
        while (events.size() < EVENTS) {
            events.addAll(allocations.subList(0, Math.min(allocations.size(), EVENTS - events.size())));
        }
    }

    /** Map and aggregate {@value #EVENTS} events, then build the profile a flush would publish. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Object mapAndAggregate() {
        AllocationAggregator aggregator = new AllocationAggregator();
        for (RecordedEvent event : events) {
            aggregator.add(mapper.allocation(event));
        }
        return aggregator.profile();
    }
}
