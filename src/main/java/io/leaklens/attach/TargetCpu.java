package io.leaklens.attach;

import io.leaklens.model.MonitoringThread;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the target's CPU goes to, as the target itself reports it: the whole process, and the threads that serve
 * monitoring tools ({@link MonitoringThread}: the JMX connection's RMI threads that answer LeakLens's reads and
 * histograms and send it the JFR stream, JFR's own threads, the attach listener). The latter is what watching costs
 * the target outside its own threads. Each read gives the CPU used since the previous one, in cores (0.02: 2 % of
 * one core). The monitoring threads are found by name every {@link #FIND_THREADS_EVERY} reads: names cost a
 * thread-info call over all threads, the CPU times one call over the few found.
 */
final class TargetCpu {

    private static final System.Logger LOG = System.getLogger(TargetCpu.class.getName());

    static final int FIND_THREADS_EVERY = 10;

    /** CPU used since the previous read, in cores; NaN when not known (the first read, or a JVM that cannot say). */
    record Usage(double processCores, double monitoringCores) {
        static final Usage UNKNOWN = new Usage(Double.NaN, Double.NaN);
    }

    private final com.sun.management.ThreadMXBean threads;
    private final com.sun.management.OperatingSystemMXBean system;
    private final boolean supported;
    private long[] monitoringIds = new long[0];
    private Map<Long, Long> lastThreadCpu = new HashMap<>();
    private long lastProcessCpu = -1;
    private long lastNanos;
    private int reads;

    TargetCpu(MBeanServerConnection mbeans) throws IOException {
        com.sun.management.ThreadMXBean threadBean = null;
        com.sun.management.OperatingSystemMXBean systemBean = null;
        boolean cpuTimes = false;
        try {
            threadBean = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
                    com.sun.management.ThreadMXBean.class);
            systemBean = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                    ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, com.sun.management.OperatingSystemMXBean.class);
            cpuTimes = threadBean.isThreadCpuTimeSupported() && threadBean.isThreadCpuTimeEnabled();
        } catch (IllegalArgumentException e) {
            // A JVM without HotSpot's extensions: its CPU stays unknown, the rest of the session is unaffected.
            LOG.log(System.Logger.Level.DEBUG, "no thread CPU times from this JVM", e);
        }
        this.threads = threadBean;
        this.system = systemBean;
        this.supported = cpuTimes;
    }

    /** The CPU used since the previous read. A failed call fails the read, as a lost connection does. */
    Usage read() {
        if (!supported) {
            return Usage.UNKNOWN;
        }
        long now = System.nanoTime();
        if (reads++ % FIND_THREADS_EVERY == 0) {
            monitoringIds = findMonitoringThreads();
        }
        long process = system.getProcessCpuTime();
        long[] cpu = monitoringIds.length == 0 ? new long[0] : threads.getThreadCpuTime(monitoringIds);
        Map<Long, Long> threadCpu = new HashMap<>();
        long monitoring = 0;
        for (int i = 0; i < cpu.length; i++) {
            if (cpu[i] < 0) {
                continue; // the thread has ended
            }
            threadCpu.put(monitoringIds[i], cpu[i]);
            Long before = lastThreadCpu.get(monitoringIds[i]);
            // A thread found this time counts from now on: what it used before may fall in earlier reads.
            monitoring += before == null ? 0 : Math.max(0, cpu[i] - before);
        }
        double seconds = (now - lastNanos) / 1e9;
        Usage usage = lastProcessCpu < 0 || seconds <= 0 ? Usage.UNKNOWN
                : new Usage(process < 0 ? Double.NaN : (process - lastProcessCpu) / 1e9 / seconds,
                monitoring / 1e9 / seconds);
        lastThreadCpu = threadCpu;
        lastProcessCpu = process;
        lastNanos = now;
        return usage;
    }

    private long[] findMonitoringThreads() {
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds(), 0);
        List<Long> ids = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info != null && MonitoringThread.serves(info.getThreadName())) {
                ids.add(info.getThreadId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
