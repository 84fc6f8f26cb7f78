package io.leaklens.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of a local process and of its threads as Linux counts it ({@code /proc/PID/stat},
 * {@code /proc/PID/task/TID/stat}): read from outside, so the target need not cooperate, and what its JFR and attach
 * threads use is included. Linux keeps the first 15 characters of a thread's name.
 */
public final class ProcStat {

    /** Clock ticks per second of {@code utime}/{@code stime} ({@code getconf CLK_TCK}: 100 on Linux). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** One thread of a process: its id, its name (at most 15 characters) and the CPU it used so far. */
    public record ThreadTime(long tid, String name, long cpuNanos) {
    }

    private ProcStat() {
    }

    /** Whether this machine counts CPU as Linux does. */
    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /**
     * CPU nanoseconds the whole process used so far, threads that ended included.
     *
     * @throws NoSuchFileException the process has ended
     */
    public static long processNanos(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The process's threads now; one that ends while they are read is left out. */
    public static List<ThreadTime> threads(long pid) throws IOException {
        List<ThreadTime> threads = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                threads.add(new ThreadTime(Long.parseLong(task.getFileName().toString()),
                        stat.substring(open + 1, close), ticks(stat)));
            }
        }
        return threads;
    }

    /** CPU nanoseconds one thread of the process used so far, or -1 once it has ended. */
    public static long threadNanos(long pid, long tid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat")));
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU nanoseconds the whole machine spent busy so far, all cores ({@code /proc/stat}: all but idle and iowait). */
    public static long machineBusyNanos() throws IOException {
        String all = Files.readString(Path.of("/proc/stat"));
        String[] f = all.substring(0, all.indexOf('\n')).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * NANOS_PER_TICK;
    }

    /**
     * utime + stime of a stat line. The name, in parentheses, may hold spaces and parentheses itself: the fields
     * are counted after its last ')' (state is field 3, utime 14 and stime 15 of the whole line).
     */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    }
}
