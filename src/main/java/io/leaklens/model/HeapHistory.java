package io.leaklens.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything a session has seen of a target's memory, oldest first. Old samples may be merged into coarser ones
 * so that a long session stays bounded; recent ones are kept one per second.
 *
 * @param samples  memory samples
 * @param liveSet  the heap in use after each collection
 * @param gcEvents recent collections (the oldest are dropped first)
 */
public record HeapHistory(List<HeapSample> samples, List<LiveSetPoint> liveSet, List<GcEvent> gcEvents) {

    public static final HeapHistory EMPTY = new HeapHistory(List.of(), List.of(), List.of());

    public HeapHistory {
        samples = List.copyOf(samples);
        liveSet = List.copyOf(liveSet);
        gcEvents = List.copyOf(gcEvents);
    }

    public Optional<HeapSample> latest() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.getLast());
    }

    public Optional<HeapSample> first() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.getFirst());
    }

    public Optional<LiveSetPoint> latestLiveSet() {
        return liveSet.isEmpty() ? Optional.empty() : Optional.of(liveSet.getLast());
    }
}
