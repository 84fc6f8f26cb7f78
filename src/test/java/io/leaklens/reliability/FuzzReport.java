package io.leaklens.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The tally of a fuzz run: how each kind of damage was answered, the slowest answer, and every failure. */
final class FuzzReport {

    /** How LeakLens answered a damaged file. */
    enum Outcome {
        /** Read and reported on (exit 0): the damage did not matter, e.g. a flipped bit in gzip's header time. */
        OPENED,
        /** Refused in one sentence (exit 1). */
        REFUSED,
        /** Refused, but not in one clear sentence: a stack trace, an exception's name, several lines. */
        UNCLEAR,
        /** An exception escaped, or an exit code that is neither 0 nor 1. */
        CRASH,
        /** Answered, but later than the limit. */
        SLOW,
        /** No answer at all. */
        HANG;

        boolean failed() {
            return this != OPENED && this != REFUSED;
        }
    }

    /** One answer: its outcome, how long it took and what it said. */
    record Answer(Outcome outcome, Duration took, String said) {

        static Answer of(int exitCode, String out, String err, Duration took) {
            List<String> lines = err.lines().filter(line -> !line.startsWith("leaklens: reading ")).toList();
            Outcome outcome;
            String said = lines.isEmpty() ? "" : String.join(" | ", lines);
            if (exitCode == 0) {
                outcome = out.isBlank() ? Outcome.CRASH : Outcome.OPENED;
            } else if (exitCode == 1) {
                outcome = lines.size() == 1 && clear(lines.getFirst()) ? Outcome.REFUSED : Outcome.UNCLEAR;
            } else {
                outcome = Outcome.CRASH;
                said = "exit " + exitCode + ": " + said;
            }
            if (!outcome.failed() && took.compareTo(FileFuzzer.ANSWER_LIMIT) > 0) {
                outcome = Outcome.SLOW;
            }
            return new Answer(outcome, took, said);
        }

        static Answer escaped(Throwable thrown, Duration took) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            return new Answer(Outcome.CRASH, took, trace.toString());
        }

        static Answer hang(Duration waited) {
            return new Answer(Outcome.HANG, waited, "no answer within " + waited.toSeconds() + " s");
        }

        /** A sentence for a person: no Java class names, no stack, not the catch-all for the unforeseen. */
        private static boolean clear(String line) {
            return line.startsWith("leaklens: ") && !line.contains("unexpected error") && !line.contains("\tat ")
                    && !line.matches(".*\\w(Exception|Error)\\b.*");
        }
    }

    private final Map<String, Map<Outcome, Integer>> byKind = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cases;
    private Duration slowest = Duration.ZERO;
    private String slowestCase = "";

    void add(FuzzCase fuzzCase, Answer answer) {
        cases++;
        byKind.computeIfAbsent(fuzzCase.reader() + " " + fuzzCase.kind(), k -> new TreeMap<>())
                .merge(answer.outcome(), 1, Integer::sum);
        if (answer.took().compareTo(slowest) > 0) {
            slowest = answer.took();
            slowestCase = fuzzCase.reader() + " " + fuzzCase.name();
        }
        if (answer.outcome().failed()) {
            failures.add(answer.outcome() + " " + fuzzCase.reader() + " " + fuzzCase.name() + " (" + millis(
                    answer.took()) + "): " + answer.said());
        }
    }

    int cases() {
        return cases;
    }

    int count(Outcome outcome) {
        return byKind.values().stream().mapToInt(counts -> counts.getOrDefault(outcome, 0)).sum();
    }

    Duration slowest() {
        return slowest;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The figures, a line per kind of damage, then the failures. */
    String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d files: %d opened, %d refused in one sentence, %d unclear, "
                        + "%d crashes, %d slow (> %d s), %d hangs; slowest answer %s (%s)%n", cases,
                count(Outcome.OPENED), count(Outcome.REFUSED), count(Outcome.UNCLEAR), count(Outcome.CRASH),
                count(Outcome.SLOW), FileFuzzer.ANSWER_LIMIT.toSeconds(), count(Outcome.HANG), millis(slowest),
                slowestCase));
        byKind.forEach((kind, counts) -> text.append(String.format(Locale.ROOT, "  %-28s %s%n", kind, counts)));
        failures.forEach(failure -> text.append("  FAILED ").append(failure).append(System.lineSeparator()));
        return text.toString();
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
