package io.leaklens.bench;

import io.leaklens.fixtures.OverheadLoad;
import io.leaklens.support.ChildJvm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * What watching costs the target, measured so that a noisy 2-core machine can be trusted: one long-running target
 * (so the JIT and the heap are the same throughout) is watched and left alone in alternating windows, each watched
 * window compared with the unwatched windows just before and after it, many times; the median ratio and its spread.
 * Beside the throughput, the CPU its worker threads spent per operation (a cost inside the application's threads,
 * such as taking allocation samples), the CPU of its monitoring threads (JFR, JMX/RMI) and of the GC and VM threads,
 * and the CPU of everything else on the machine (the watching JVM or CLI), all read from {@code /proc}.
 * <p>
 * Run with {@code bench/overhead.sh [options]}; see {@link Watchers} for the modes.
 */
@Command(name = "overhead", mixinStandardHelpOptions = true)
public final class OverheadBench implements Callable<Integer> {

    @Option(names = "--jdk", description = "the target's JDK: 17 or 25 (default: ${DEFAULT-VALUE})")
    int jdk = ChildJvm.CURRENT;
    @Option(names = "--load", description = "docs or bytes (default: ${DEFAULT-VALUE})")
    String load = "docs";
    @Option(names = "--threads", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads = 2;
    @Option(names = "--work", description = "computation per operation; 0 allocates flat out (default: ${DEFAULT-VALUE})")
    int work = 0;
    @Option(names = "--heap", description = "-Xmx and -Xms (default: ${DEFAULT-VALUE})")
    String heap = "512m";
    @Option(names = "--young", description = "-Xmn, or 'auto' (default: ${DEFAULT-VALUE})")
    String young = "256m";
    @Option(names = "--live-mb", description = "stable live data the target keeps (default: ${DEFAULT-VALUE})")
    int liveMb = 0;
    @Option(names = "--rate", description = "operations per second in all, paced as a service's requests; 0 runs"
            + " flat out (default: ${DEFAULT-VALUE})")
    int rate = 0;
    @Option(names = "--modes", split = ",", description = "watched modes, in turn (default: ${DEFAULT-VALUE})")
    List<String> modes = List.of("leaklens", "jfc:profile");
    @Option(names = "--cycles", description = "windows per mode (default: ${DEFAULT-VALUE})")
    int cycles = 6;
    @Option(names = "--window", description = "seconds per window (default: ${DEFAULT-VALUE})")
    int window = 30;
    @Option(names = "--skip", description = "seconds not counted at a window's start (default: ${DEFAULT-VALUE})")
    int skip = 3;
    @Option(names = "--warmup", description = "seconds before the first window (default: ${DEFAULT-VALUE})")
    int warmup = 20;
    @Option(names = "--prime", description = "a mode run once during the warm-up, e.g. jmx: what stays changed in"
            + " the target after the first connection is then not counted against every mode")
    String prime;
    @Option(names = "--fresh", description = "a new target for every watched window (after an unwatched one, and"
            + " followed by another): what a first connection leaves behind is counted; else one target throughout")
    boolean fresh;

    /**
     * What one window measured.
     *
     * @param targetNanosPerOp the whole target's CPU (every thread of it) per operation: on a paced target, what
     *                         watching costs it shows here rather than in its throughput
     */
    record Window(String mode, double opsPerSecond, double workerNanosPerOp, double targetNanosPerOp,
                  Map<ProcCpu.Group, Double> groupCores, double watcherCores) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OverheadBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC"));
        if (!young.equals("auto")) {
            options.add("-Xmn" + young);
        }
        System.out.printf(Locale.ROOT, "target: JDK %d, %s, %d threads, work %d, %s, heap %s (young %s), live %d MB;"
                        + " %d windows of %d s per mode (first %d s not counted)%n", jdk, load, threads, work,
                rate > 0 ? "paced at " + rate + " ops/s" : "flat out", heap, young, liveMb, cycles, window, skip);
        if (fresh) {
            List<Window> windows = new ArrayList<>();
            for (int cycle = 0; cycle < cycles; cycle++) {
                List<String> order = new ArrayList<>(modes);
                Collections.rotate(order, cycle); // who goes first changes: the machine warms up and cools down
                for (String mode : order) {
                    try (ChildJvm child = start(options)) {
                        Thread.sleep(warmup * 1000L);
                        windows.add(measure(child, "off"));
                        windows.add(measure(child, mode));
                        windows.add(measure(child, "off"));
                    }
                }
            }
            reportFresh(windows);
            return 0;
        }
        try (ChildJvm child = start(options)) {
            if (prime != null) {
                try (AutoCloseable primed = Watchers.start(prime, child.pid(), jdk)) {
                    Thread.sleep(2000);
                }
            }
            Thread.sleep(warmup * 1000L);
            List<Window> windows = new ArrayList<>();
            windows.add(measure(child, "off"));
            for (int cycle = 0; cycle < cycles; cycle++) {
                for (String mode : modes) {
                    windows.add(measure(child, mode));
                    windows.add(measure(child, "off"));
                }
            }
            report(windows);
        }
        return 0;
    }

    private ChildJvm start(List<String> options) {
        return ChildJvm.of(OverheadLoad.class).jdk(jdk).jvmOptions(options.toArray(String[]::new))
                .args(load, Integer.toString(threads), Integer.toString(work), Integer.toString(liveMb),
                        Integer.toString(rate)).start();
    }

    private Window measure(ChildJvm child, String mode) throws Exception {
        long pid = child.pid();
        AutoCloseable watcher = mode.equals("off") ? () -> { } : Watchers.start(mode, pid, jdk);
        try {
            Thread.sleep(skip * 1000L);
            Reading start = Reading.of(child);
            Thread.sleep((window - skip) * 1000L);
            Reading end = Reading.of(child);
            Window w = start.until(end, mode);
            System.out.printf(Locale.ROOT, "  %-24s %10.0f ops/s  workers %7.0f ns/op  target %7.0f ns/op  monitoring"
                            + " %5.1f %%  gc+vm %5.1f %%  watcher %5.1f %% of a core%n", mode, w.opsPerSecond,
                    w.workerNanosPerOp, w.targetNanosPerOp,
                    100 * (w.groupCores.get(ProcCpu.Group.JFR) + w.groupCores.get(ProcCpu.Group.JMX)),
                    100 * (w.groupCores.get(ProcCpu.Group.GC) + w.groupCores.get(ProcCpu.Group.VM)),
                    100 * w.watcherCores);
            return w;
        } finally {
            watcher.close();
        }
    }

    /**
     * The counters at one moment: the target's operations (as it reported them), its threads' CPU, and the CPU of
     * everything else on the machine (the watcher: this JVM, a LeakLens CLI, jcmd; an idle machine adds ~0.2 %).
     */
    private record Reading(long nanos, long ops, Map<ProcCpu.Group, Long> cpu, long targetCpu, long watcherCpu) {

        static Reading of(ChildJvm child) throws InterruptedException {
            long before = System.nanoTime();
            // The target reports every 200 ms: wait for a report made after this moment.
            while (true) {
                String[] line = child.lastLine("ops ").orElse("ops 0 0").split(" ");
                if (Long.parseLong(line[1]) >= before || !child.process().isAlive()) {
                    long target = ProcCpu.process(child.pid());
                    return new Reading(Long.parseLong(line[1]), Long.parseLong(line[2]), ProcCpu.byGroup(child.pid()),
                            target, ProcCpu.machine() - target);
                }
                Thread.sleep(10);
            }
        }

        Window until(Reading end, String mode) {
            double seconds = (end.nanos - nanos) / 1e9;
            long ops = end.ops - this.ops;
            Map<ProcCpu.Group, Double> cores = new LinkedHashMap<>();
            for (ProcCpu.Group g : ProcCpu.Group.values()) {
                cores.put(g, (end.cpu.get(g) - cpu.get(g)) / 1e9 / seconds);
            }
            double workerNanos = end.cpu.get(ProcCpu.Group.WORKERS) - cpu.get(ProcCpu.Group.WORKERS);
            return new Window(mode, ops / seconds, workerNanos / ops, (double) (end.targetCpu - targetCpu) / ops, cores,
                    (end.watcherCpu - watcherCpu) / 1e9 / seconds);
        }
    }

    private void report(List<Window> windows) {
        System.out.println();
        System.out.println("mode: median ratio to the windows around it (range over windows); capacity: the whole"
                + " target's CPU per operation around it ÷ watched (on a paced target, the throughput left); worker CPU"
                + " per operation, ratio; CPU of monitoring threads, GC+VM, and the watching JVM, % of one core");
        for (String mode : modes) {
            List<Double> throughput = new ArrayList<>();
            List<Double> perOp = new ArrayList<>();
            List<Double> capacity = new ArrayList<>();
            List<Double> monitoring = new ArrayList<>();
            List<Double> gcVm = new ArrayList<>();
            List<Double> watcher = new ArrayList<>();
            for (int i = 1; i < windows.size() - 1; i++) {
                Window w = windows.get(i);
                if (!w.mode.equals(mode)) {
                    continue;
                }
                Window before = windows.get(i - 1);
                Window after = windows.get(i + 1);
                throughput.add(w.opsPerSecond / ((before.opsPerSecond + after.opsPerSecond) / 2));
                perOp.add(w.workerNanosPerOp / ((before.workerNanosPerOp + after.workerNanosPerOp) / 2));
                capacity.add((before.targetNanosPerOp + after.targetNanosPerOp) / 2 / w.targetNanosPerOp);
                monitoring.add(100 * (w.groupCores.get(ProcCpu.Group.JFR) + w.groupCores.get(ProcCpu.Group.JMX)));
                gcVm.add(100 * (w.groupCores.get(ProcCpu.Group.GC) + w.groupCores.get(ProcCpu.Group.VM)));
                watcher.add(100 * w.watcherCores);
            }
            System.out.printf(Locale.ROOT, "%-24s throughput %s  capacity %s  worker CPU/op %s  monitoring %s %%"
                            + "  gc+vm %s %%  watcher %s %%%n", mode, spread(throughput, "%.3f"), spread(capacity, "%.3f"),
                    spread(perOp, "%.3f"),
                    spread(monitoring, "%.1f"), spread(gcVm, "%.1f"), spread(watcher, "%.1f"));
        }
        List<Double> off = new ArrayList<>();
        windows.stream().filter(w -> w.mode.equals("off")).mapToDouble(Window::opsPerSecond).forEach(off::add);
        List<Double> offGc = new ArrayList<>();
        windows.stream().filter(w -> w.mode.equals("off")).mapToDouble(w -> 100 * (w.groupCores.get(ProcCpu.Group.GC)
                + w.groupCores.get(ProcCpu.Group.VM))).forEach(offGc::add);
        System.out.printf(Locale.ROOT, "%-24s %s ops/s  gc+vm %s %%%n", "off", spread(off, "%.0f"), spread(offGc, "%.1f"));
    }

    /** Fresh targets: windows come in threes (before, watched, after it was closed), each compared with before. */
    private void reportFresh(List<Window> windows) {
        System.out.println();
        System.out.println("mode: watched ÷ before on the same fresh target, median (range); after it was closed ÷"
                + " before; capacity: the whole target's CPU per operation before ÷ watched (and ÷ after: on a paced"
                + " target, the throughput left); worker CPU per operation, watched ÷ before; monitoring threads and"
                + " watching JVM, % of a core");
        for (String mode : modes) {
            List<Double> watched = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            List<Double> perOp = new ArrayList<>();
            List<Double> capacity = new ArrayList<>();
            List<Double> capacityAfter = new ArrayList<>();
            List<Double> monitoring = new ArrayList<>();
            List<Double> watcher = new ArrayList<>();
            for (int i = 0; i + 2 < windows.size(); i += 3) {
                Window before = windows.get(i);
                Window w = windows.get(i + 1);
                if (!w.mode.equals(mode)) {
                    continue;
                }
                watched.add(w.opsPerSecond / before.opsPerSecond);
                after.add(windows.get(i + 2).opsPerSecond / before.opsPerSecond);
                perOp.add(w.workerNanosPerOp / before.workerNanosPerOp);
                capacity.add(before.targetNanosPerOp / w.targetNanosPerOp);
                capacityAfter.add(before.targetNanosPerOp / windows.get(i + 2).targetNanosPerOp);
                monitoring.add(100 * (w.groupCores.get(ProcCpu.Group.JFR) + w.groupCores.get(ProcCpu.Group.JMX)));
                watcher.add(100 * w.watcherCores);
            }
            System.out.printf(Locale.ROOT, "%-24s watched %s  after %s  capacity %s  after %s  worker CPU/op %s"
                            + "  monitoring %s %%  watcher %s %%%n", mode, spread(watched, "%.3f"), spread(after, "%.3f"),
                    spread(capacity, "%.3f"), spread(capacityAfter, "%.3f"), spread(perOp, "%.3f"), spread(monitoring, "%.1f"), spread(watcher, "%.1f"));
        }
    }

    /** "median (min–max)". */
    static String spread(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        ToDoubleFunction<Integer> at = sorted::get;
        double median = sorted.size() % 2 == 1 ? at.applyAsDouble(sorted.size() / 2)
                : (at.applyAsDouble(sorted.size() / 2 - 1) + at.applyAsDouble(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, sorted.getFirst(),
                sorted.getLast());
    }
}
