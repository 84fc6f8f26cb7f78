package io.leaklens.analysis;

import io.leaklens.model.AllocationSample;

import java.util.HashMap;
import java.util.Map;

/**
 * Holds each thread's earliest allocation sample out of the count: its weight is everything the thread allocated
 * before the recording began (measured: a demo's first samples stood for ~40 s of allocation and tripled its rate).
 * It holds the earliest by time, not the first to arrive, so the result does not depend on the order samples come
 * in: a recording file read unordered gives one thread's samples out of time order (measured: 92 of 579,004 samples
 * of a 40 s recording came before an earlier one of the same thread). Bounded: past {@link #MAX_THREADS} threads,
 * every sample of a new thread counts.
 */
final class FirstSamples {

    static final int MAX_THREADS = 100_000;

    private final Map<Long, AllocationSample> earliest = new HashMap<>();
    /** The latest thread asked about and its earliest sample: samples come in runs of one thread. */
    private long lastThread = -1;
    private AllocationSample lastEarliest;

    /**
     * Takes a sample and says which sample to count now: none if it is the first of its thread (held out), the one
     * held out so far if this one is earlier (held out instead), otherwise the sample itself.
     */
    AllocationSample countable(AllocationSample sample) {
        long thread = sample.threadId();
        if (thread < 0) {
            return sample;
        }
        AllocationSample held = thread == lastThread ? lastEarliest : earliest.get(thread);
        if (held == null) {
            if (earliest.size() >= MAX_THREADS) {
                return sample;
            }
            hold(thread, sample);
            return null;
        }
        if (sample.time().isBefore(held.time())) {
            hold(thread, sample);
            return held;
        }
        lastThread = thread;
        lastEarliest = held;
        return sample;
    }

    /** The samples held out so far, one per thread. */
    java.util.Collection<AllocationSample> held() {
        return earliest.values();
    }

    /** Whether a thread's first sample was counted for lack of room: then the order of samples mattered. */
    boolean full() {
        return earliest.size() >= MAX_THREADS;
    }

    private void hold(long thread, AllocationSample sample) {
        earliest.put(thread, sample);
        lastThread = thread;
        lastEarliest = sample;
    }
}
