package io.leaklens.jfr;

import io.leaklens.model.AllocationSample;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** A sink that keeps everything, for tests; read from the test thread while a stream writes. */
class CollectingSink implements JfrEvents {

    record Burst(Instant emittedAt, Duration targetPause, List<OldObjectSample> samples) {
    }

    final List<AllocationSample> allocations = new ArrayList<>();
    final List<HeapSummaryEvent> heapSummaries = new ArrayList<>();
    final List<Burst> bursts = new ArrayList<>();
    final List<OldObjectSample> unannounced = new ArrayList<>();
    int flushes;
    String streamThread;
    boolean calledFromTwoThreads;

    @Override
    public synchronized void allocation(AllocationSample sample) {
        checkThread();
        allocations.add(sample);
    }

    @Override
    public synchronized void heapSummary(HeapSummaryEvent summary) {
        checkThread();
        heapSummaries.add(summary);
    }

    @Override
    public synchronized void oldObjectBurstStarted(Instant emittedAt, Duration targetPause) {
        checkThread();
        bursts.add(new Burst(emittedAt, targetPause, new ArrayList<>()));
    }

    @Override
    public synchronized void oldObject(OldObjectSample sample) {
        checkThread();
        (bursts.isEmpty() ? unannounced : bursts.getLast().samples()).add(sample);
    }

    @Override
    public synchronized void flush() {
        checkThread();
        flushes++;
    }

    /** A restarted stream has a new thread: forget the old one so that only overlapping calls count. */
    synchronized void newStreamThread() {
        streamThread = null;
    }

    private void checkThread() {
        String name = Thread.currentThread().getName();
        if (streamThread == null) {
            streamThread = name;
        } else if (!streamThread.equals(name)) {
            calledFromTwoThreads = true;
        }
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized int allocationCount() {
        return allocations.size();
    }

    synchronized List<HeapSummaryEvent> heapSummaries() {
        return List.copyOf(heapSummaries);
    }

    synchronized List<Burst> bursts() {
        return bursts.stream().map(b -> new Burst(b.emittedAt(), b.targetPause(), List.copyOf(b.samples())))
                .toList();
    }

    synchronized List<AllocationSample> allocations() {
        return List.copyOf(allocations);
    }

    /** Bytes allocated per class (summed weights), largest first. */
    synchronized Map<String, Long> bytesByClass() {
        return allocations.stream().collect(Collectors.groupingBy(AllocationSample::className, TreeMap::new,
                Collectors.summingLong(AllocationSample::weight)));
    }

    synchronized Optional<String> topClass() {
        return bytesByClass().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** Whether the condition comes true within the timeout (checked every 50 ms). */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(condition::getAsBoolean);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
