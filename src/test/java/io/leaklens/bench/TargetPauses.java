package io.leaklens.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses a target saw, read from its own recording (made with {@code bench/pauses.jfc}): each safepoint from
 * the start of {@code jdk.SafepointBegin} (threads being stopped) to the end of {@code jdk.SafepointEnd} (threads
 * resumed), named by the VM operation it ran and, for a collection, by the GC's cause. The target's own view, so it
 * holds whatever LeakLens cannot see from outside: the time to reach the safepoint and to resume.
 * <p>
 * {@code GC_HeapInspection} is a class histogram (LeakLens's, with its full GC); {@code JFROldObject} is JFR
 * emitting its old-object samples with their paths (LeakLens's refresh). Run by {@code bench/pauses.sh}.
 */
public final class TargetPauses {

    /** The VM operations LeakLens asks for; everything else is the target's own (its collections, JIT, ...). */
    private static final List<String> LEAKLENS_OPERATIONS = List.of("GC_HeapInspection", "JFROldObject");

    private static final Pattern LOG_LINE =
            Pattern.compile("^\\[(\\d+)ms\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");

    record Pause(long safepointId, Instant start, Duration duration, String operation) {
    }

    /** A stretch of the run, e.g. {@code watch=1764000000000-1764000070000} (epoch milliseconds). */
    record Phase(String name, Instant from, Instant to) {
        static Phase parse(String text) {
            String[] nameAndTimes = text.split("=", 2);
            String[] times = nameAndTimes[1].split("-", 2);
            return new Phase(nameAndTimes[0], Instant.ofEpochMilli(Long.parseLong(times[0])),
                    Instant.ofEpochMilli(Long.parseLong(times[1])));
        }

        boolean holds(Pause pause) {
            return !pause.start().isBefore(from) && pause.start().isBefore(to);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TargetPauses [--log] RECORDING.jfr|SAFEPOINT.log LABEL [PHASE=FROM_MS-TO_MS ...]");
            System.exit(2);
        }
        boolean log = args[0].equals("--log");
        int first = log ? 1 : 0;
        List<Pause> pauses = log ? readLog(Path.of(args[first])) : read(Path.of(args[first]));
        List<Phase> phases = new ArrayList<>();
        for (int i = first + 2; i < args.length; i++) {
            phases.add(Phase.parse(args[i]));
        }
        if (phases.isEmpty()) {
            System.out.println(report(args[first + 1], pauses));
        }
        // The recording starts with the target, whose own start-up collections are not LeakLens's doing.
        for (Phase phase : phases) {
            System.out.println(report(args[first + 1] + ", during " + phase.name(),
                    pauses.stream().filter(phase::holds).toList()));
        }
    }

    /** Every safepoint of the recording, longest first. */
    static List<Pause> read(Path recording) throws IOException {
        Map<Long, Instant> begins = new HashMap<>();
        Map<Long, Instant> ends = new HashMap<>();
        Map<Long, String> operations = new HashMap<>();
        List<RecordedEvent> collections = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.SafepointBegin" -> begins.put(event.getLong("safepointId"), event.getStartTime());
                    case "jdk.SafepointEnd" -> ends.put(event.getLong("safepointId"), event.getEndTime());
                    case "jdk.ExecuteVMOperation" -> {
                        if (event.getBoolean("safepoint")) {
                            operations.merge(event.getLong("safepointId"), event.getString("operation"),
                                    (a, b) -> a + "+" + b);
                        }
                    }
                    case "jdk.GarbageCollection" -> collections.add(event);
                    default -> {
                    }
                }
            }
        }
        List<Pause> pauses = new ArrayList<>();
        for (Map.Entry<Long, Instant> begin : begins.entrySet()) {
            Instant end = ends.get(begin.getKey());
            if (end == null) {
                continue; // the recording was dumped during this safepoint
            }
            String operation = operations.getOrDefault(begin.getKey(), "(unknown)");
            String cause = causeWithin(collections, begin.getValue(), end);
            pauses.add(new Pause(begin.getKey(), begin.getValue(), Duration.between(begin.getValue(), end),
                    cause == null ? operation : operation + " (" + cause + ")"));
        }
        pauses.sort(Comparator.comparing(Pause::duration).reversed());
        return pauses;
    }

    /**
     * Every safepoint of a log written with {@code -Xlog:safepoint:file=F:timemillis}, longest first: a second source
     * that also sees what happens before a recording runs. A line is written when its safepoint ends.
     */
    static List<Pause> readLog(Path log) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        long id = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOG_LINE.matcher(line);
            if (m.find()) {
                Duration total = Duration.ofNanos(Long.parseLong(m.group(3)));
                Instant end = Instant.ofEpochMilli(Long.parseLong(m.group(1)));
                pauses.add(new Pause(id++, end.minus(total), total, m.group(2)));
            }
        }
        pauses.sort(Comparator.comparing(Pause::duration).reversed());
        return pauses;
    }

    /** The collection that ran inside this safepoint, as "G1Full: Heap Inspection Initiated GC", or null. */
    private static String causeWithin(List<RecordedEvent> collections, Instant start, Instant end) {
        for (RecordedEvent gc : collections) {
            if (!gc.getStartTime().isBefore(start) && !gc.getEndTime().isAfter(end)) {
                return gc.getString("name") + ": " + gc.getString("cause");
            }
        }
        return null;
    }

    static String report(String label, List<Pause> pauses) {
        StringBuilder out = new StringBuilder();
        out.append(label).append(": ").append(pauses.size()).append(" safepoints\n");
        Map<String, List<Duration>> byOperation = new TreeMap<>();
        for (Pause p : pauses) {
            byOperation.computeIfAbsent(p.operation(), k -> new ArrayList<>()).add(p.duration());
        }
        out.append(String.format(Locale.ROOT, "  %-72s %5s %9s %9s%n", "operation", "count", "median", "longest"));
        byOperation.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Duration>> e) -> e.getValue().getFirst())
                        .reversed())
                .limit(12)
                .forEach(e -> {
                    List<Duration> d = e.getValue(); // longest first, as the pauses are sorted
                    out.append(String.format(Locale.ROOT, "  %-72s %5d %9s %9s%n", e.getKey(), d.size(),
                            millis(d.get(d.size() / 2)), millis(d.getFirst())));
                });
        for (Pause p : pauses.stream().limit(5).toList()) {
            out.append(String.format(Locale.ROOT, "  pause %s at %s: %s%n", millis(p.duration()),
                    LocalTime.ofInstant(p.start(), ZoneId.systemDefault()).withNano(0), p.operation()));
        }
        pauses.stream().filter(TargetPauses::causedByLeakLens).findFirst().ifPresentOrElse(
                p -> out.append("  longest pause caused by LeakLens: ").append(millis(p.duration())).append(", ")
                        .append(p.operation()),
                () -> out.append("  no pause caused by LeakLens"));
        return out.toString();
    }

    private static boolean causedByLeakLens(Pause pause) {
        return LEAKLENS_OPERATIONS.stream().anyMatch(pause.operation()::startsWith);
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }
}
