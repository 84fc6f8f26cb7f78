package io.leaklens.bench;

import io.leaklens.attach.ProcStat;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * CPU time of a process's threads as Linux counts it ({@code /proc/PID/task/TID/stat}), grouped by what the thread
 * does, read from outside: the target need not cooperate, and the figures include what JFR and JMX cost in it.
 */
final class ProcCpu {

    /** What a HotSpot thread does, told by its name (Linux keeps the first 15 characters). */
    enum Group {
        WORKERS, GC, VM, JIT, JFR, JMX, OTHER;

        static Group of(String name) {
            if (name.startsWith("load-")) {
                return WORKERS;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return GC;
            }
            if (name.startsWith("VM Thread")) {
                return VM; // safepoint operations: class histograms, path searches, JFR's safepoints
            }
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                return JIT;
            }
            if (name.startsWith("JFR ")) {
                return JFR;
            }
            if (name.startsWith("RMI ") || name.startsWith("JMX ") || name.startsWith("Attach Listener")) {
                return JMX; // what answers monitoring tools and ships them the JFR stream
            }
            return OTHER;
        }
    }

    private ProcCpu() {
    }

    /** CPU nanoseconds used so far by each group of the process's threads (threads that ended are not counted). */
    static Map<Group, Long> byGroup(long pid) {
        Map<Group, Long> cpu = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            cpu.put(g, 0L);
        }
        try {
            for (ProcStat.ThreadTime thread : ProcStat.threads(pid)) {
                cpu.merge(Group.of(thread.name()), thread.cpuNanos(), Long::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of " + pid + ": " + e.getMessage(), e);
        }
        return cpu;
    }

    /** CPU nanoseconds the whole process used so far, ended threads included. */
    static long process(long pid) {
        try {
            return ProcStat.processNanos(pid);
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
    }

    /** CPU nanoseconds the whole machine spent busy so far, all cores. */
    static long machine() {
        try {
            return ProcStat.machineBusyNanos();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }
}
