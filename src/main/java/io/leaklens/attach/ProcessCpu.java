package io.leaklens.attach;

import io.leaklens.model.MonitoringThread;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a local target's CPU goes to, read from {@code /proc} ({@link ProcStat}) rather than asked of the target: the
 * whole process, and its threads that serve monitoring tools ({@link MonitoringThread}: JFR's threads and the attach
 * listener when LeakLens connects without JMX). Each read gives the CPU used since the previous one, in cores, as
 * {@link TargetCpu} does over JMX.
 */
final class ProcessCpu {

    private final long pid;
    private final boolean supported = ProcStat.supported();
    private Map<Long, Long> lastThreadCpu = new HashMap<>();
    private long lastProcessCpu = -1;
    private long lastNanos;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    /** The CPU used since the previous read; unknown on the first read and off Linux. */
    TargetCpu.Usage read() throws IOException {
        if (!supported) {
            return TargetCpu.Usage.UNKNOWN;
        }
        long now = System.nanoTime();
        long process = ProcStat.processNanos(pid);
        Map<Long, Long> threadCpu = new HashMap<>();
        long monitoring = 0;
        for (ProcStat.ThreadTime thread : ProcStat.threads(pid)) {
            if (!MonitoringThread.serves(thread.name())) {
                continue;
            }
            threadCpu.put(thread.tid(), thread.cpuNanos());
            Long before = lastThreadCpu.get(thread.tid());
            // A thread seen for the first time counts from now on, as with TargetCpu.
            monitoring += before == null ? 0 : Math.max(0, thread.cpuNanos() - before);
        }
        double seconds = (now - lastNanos) / 1e9;
        TargetCpu.Usage usage = lastProcessCpu < 0 || seconds <= 0 ? TargetCpu.Usage.UNKNOWN
                : new TargetCpu.Usage((process - lastProcessCpu) / 1e9 / seconds, monitoring / 1e9 / seconds);
        lastThreadCpu = threadCpu;
        lastProcessCpu = process;
        lastNanos = now;
        return usage;
    }
}
