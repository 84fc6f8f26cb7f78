package io.leaklens.attach;

import io.leaklens.model.MonitoringThread;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a local target's CPU goes to, read from {@code /proc} ({@link ProcStat}) rather than asked of the target: the
 * whole process, and its threads that serve monitoring tools ({@link MonitoringThread}: JFR's threads and the attach
 * listener when LeakLens connects without JMX). Each read gives the CPU used since the previous one, in cores, as
 * {@link TargetCpu} does over JMX, and like it finds the monitoring threads by name only every
 * {@link TargetCpu#FIND_THREADS_EVERY} reads: a service with a thousand threads would otherwise cost a thousand file
 * reads a second.
 */
final class ProcessCpu {

    private final long pid;
    private final boolean supported = ProcStat.supported();
    private long[] monitoringTids = new long[0];
    private Map<Long, Long> lastThreadCpu = new HashMap<>();
    private long lastProcessCpu = -1;
    private long lastNanos;
    private int reads;

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
        if (reads++ % TargetCpu.FIND_THREADS_EVERY == 0) {
            monitoringTids = ProcStat.threads(pid).stream().filter(t -> MonitoringThread.serves(t.name()))
                    .mapToLong(ProcStat.ThreadTime::tid).toArray();
        }
        Map<Long, Long> threadCpu = new HashMap<>();
        long monitoring = 0;
        for (long tid : monitoringTids) {
            long cpu = ProcStat.threadNanos(pid, tid);
            if (cpu < 0) {
                continue; // the thread has ended
            }
            threadCpu.put(tid, cpu);
            Long before = lastThreadCpu.get(tid);
            // A thread seen for the first time counts from now on, as with TargetCpu.
            monitoring += before == null ? 0 : Math.max(0, cpu - before);
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
