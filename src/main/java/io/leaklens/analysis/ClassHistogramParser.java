package io.leaklens.analysis;

import io.leaklens.model.ClassHistogram;
import io.leaklens.model.ClassNames;
import io.leaklens.model.HistogramEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the text of {@code GC.class_histogram} (the same on JDK 17 and 25):
 * <pre>
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:         15251        1095456  [B (java.base@17.0.15)
 *  666:             1             16  Sleep$$Lambda/0x000000000c154210
 * Total         74086        3618384
 * </pre>
 */
public final class ClassHistogramParser {

    private static final String FILLER = "[Ljdk.internal.vm.FillerElement;";

    private ClassHistogramParser() {
    }

    /** The live histogram in the text; lines that are not rows are skipped. */
    public static ClassHistogram parse(String text, Duration took) {
        return parse(text, took, true);
    }

    /** The histogram in the text, of live objects or (a heap walk's) of all; lines that are not rows are skipped. */
    public static ClassHistogram parse(String text, Duration took, boolean liveOnly) {
        List<HistogramEntry> rows = new ArrayList<>();
        long instances = 0;
        long bytes = 0;
        for (String line : text.lines().toList()) {
            HistogramEntry entry = row(line.strip());
            if (entry != null) {
                rows.add(entry);
                instances += entry.instances();
                bytes += entry.bytes();
            }
        }
        rows.sort(Comparator.comparingLong(HistogramEntry::bytes).reversed());
        return new ClassHistogram(rows, instances, bytes, took, liveOnly);
    }

    /** {@code 1:  15251  1095456  [B (java.base@17.0.15)}, or null for any other line. */
    private static HistogramEntry row(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !isDigits(line, 0, colon)) {
            return null;
        }
        String[] fields = line.substring(colon + 1).strip().split("\\s+", 3);
        if (fields.length < 3 || !isDigits(fields[0], 0, fields[0].length())
                || !isDigits(fields[1], 0, fields[1].length())) {
            return null;
        }
        String name = fields[2];
        int module = name.indexOf(" (");
        if (module > 0) {
            name = name.substring(0, module);
        }
        if (name.startsWith(FILLER)) {
            return null; // G1's filler arrays pad unused heap space: not objects of the program
        }
        return new HistogramEntry(ClassNames.readable(name), Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    }

    private static boolean isDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
