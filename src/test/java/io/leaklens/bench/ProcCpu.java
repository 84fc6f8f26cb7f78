package io.leaklens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

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

    /** Clock ticks per second of {@code utime}/{@code stime} ({@code getconf CLK_TCK}: 100 on Linux). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcCpu() {
    }

    /** CPU nanoseconds used so far by each group of the process's threads (threads that ended are not counted). */
    static Map<Group, Long> byGroup(long pid) {
        Map<Group, Long> cpu = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            cpu.put(g, 0L);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                String stat = read(task.resolve("stat"));
                if (stat != null) {
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    Group group = Group.of(stat.substring(open + 1, close));
                    cpu.merge(group, ticks(stat.substring(close + 2)), Long::sum);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of " + pid + ": " + e.getMessage(), e);
        }
        return cpu;
    }

    /** CPU nanoseconds the whole process used so far, ended threads included. */
    static long process(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            throw new IllegalStateException("process " + pid + " is gone");
        }
        return ticks(stat.substring(stat.lastIndexOf(')') + 2));
    }

    /** CPU nanoseconds the whole machine spent busy so far, all cores ({@code /proc/stat}: all but idle and iowait). */
    static long machine() {
        String cpu = read(Path.of("/proc/stat"));
        if (cpu == null) {
            throw new IllegalStateException("cannot read /proc/stat");
        }
        String[] f = cpu.substring(0, cpu.indexOf('\n')).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * NANOS_PER_TICK;
    }

    /** utime + stime from the fields after the name: state is field 3, utime 14 and stime 15 of the whole line. */
    private static long ticks(String afterName) {
        String[] f = afterName.split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null; // the thread ended meanwhile
        }
    }
}
