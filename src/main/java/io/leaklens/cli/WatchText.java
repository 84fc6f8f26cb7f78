package io.leaklens.cli;

import io.leaklens.model.ByteSize;
import io.leaklens.analysis.HeapSummary;
import io.leaklens.analysis.LiveSetTrend;
import io.leaklens.analysis.MonitoringCost;
import io.leaklens.analysis.RootPaths;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The text form of a watch report: a few aligned lines a person reads at a glance. */
final class WatchText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private WatchText() {
    }

    static String render(WatchReport report) {
        HeapSummary heap = report.heap();
        StringBuilder text = new StringBuilder();
        if (report.target().pid() == 0) {
            text.append("recording ").append(report.target().displayName());
            if (report.recording() != null && report.recording().jvms().size() == 1) {
                text.append(" of ").append(report.recording().jvms().getFirst().describe());
            }
            text.append(String.format(Locale.ROOT, "%n"));
            String held = report.recording() == null ? "" : report.recording().sentence();
            if (!held.isEmpty()) {
                text.append(Character.toUpperCase(held.charAt(0))).append(held.substring(1))
                        .append(String.format(Locale.ROOT, ".%n"));
            }
        } else {
            text.append(String.format(Locale.ROOT, "JVM %d  %s  (Java %s, %s)%n", report.target().pid(),
                    report.target().displayName(), report.target().jvmVersion(),
                    String.join(", ", report.target().collectors())));
        }
        text.append(String.format(Locale.ROOT, "%s %s, %d heap samples%s%n%n",
                report.target().pid() == 0 ? "spans" : "watched", duration(report.watched()),
                heap.samples(), report.disconnectReason() == null ? "" : " (" + report.disconnectReason() + ")"));
        line(text, "heap used", ByteSize.format(heap.usedStart()) + " -> " + ByteSize.format(heap.usedEnd())
                + "   (committed " + ByteSize.format(heap.committedEnd()) + ", max " + ByteSize.format(heap.max()) + ")");
        LiveSetTrend trend = heap.liveSetTrend();
        line(text, "live set", heap.liveSetEnd() < 0 ? "no collection seen yet"
                : ByteSize.format(heap.liveSetEnd()) + " after the last GC, trend " + trend(trend));
        line(text, "GCs", heap.gcCount() + " (" + heap.gcPauseTotal().toMillis() + " ms in all, longest "
                + heap.longestGc().toMillis() + " ms)");
        line(text, "allocation", ByteSize.format(heap.averageAllocationRate()) + "/s on average");
        if (report.cost().known()) {
            line(text, "cost", "LeakLens's work in the JVM (its monitoring threads) took "
                    + MonitoringCost.percentOfCore(report.cost().monitoringAverage()) + " on average; the JVM used "
                    + MonitoringCost.percentOfCore(report.cost().processAverage()));
        }
        if (report.target().pid() != 0) {
            line(text, "histograms", !report.histogramStatus().isEmpty() ? histogramsOff(report.histogramStatus())
                    : report.histograms().isEmpty() ? "none taken" : report.histograms().size()
                    + " taken, the longest paused the JVM " + report.longestHistogram().toMillis() + " ms");
        }
        text.append(String.format(Locale.ROOT, "%n"));
        AllocationProfile allocations = report.allocations();
        String monitoring = allocations.describeMonitoring();
        if (allocations.samples() == 0) {
            line(text, "allocations", monitoring.isEmpty() ? "no allocation samples"
                    : "no allocation samples of the application; " + monitoring);
        } else {
            text.append(String.format(Locale.ROOT, "top allocations (%,d samples%s)%n", allocations.samples(),
                    monitoring.isEmpty() ? "" : "; not shown: " + monitoring));
            for (ClassAllocation c : report.topClasses()) {
                text.append(String.format(Locale.ROOT, "  %12s  %-48s %s%n", ByteSize.format(c.bytesPerSecond()) + "/s",
                        c.className(), c.topSite() == null ? "" : c.topSite()));
            }
        }
        if (!report.oldObjects().samples().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nold objects: %d samples%n", report.oldObjects().samples().size()));
            report.oldObjects().samples().stream().filter(o -> !RootPaths.unreachable(o))
                    .collect(java.util.stream.Collectors.groupingBy(o -> o.className() + " held by "
                            + RootPaths.describeRoot(o), java.util.stream.Collectors.counting()))
                    .entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .forEach(e -> text.append(String.format(Locale.ROOT, "  %4d × %s%n", e.getValue(), e.getKey())));
            long unsearched = report.oldObjects().searchCutOff()
                    ? report.oldObjects().samples().stream().filter(RootPaths::unreachable).count() : 0;
            if (unsearched > 0) {
                text.append(String.format(Locale.ROOT, "  %4d × %s%n", unsearched, RootPaths.NOT_SEARCHED));
            }
        }
        text.append(String.format(Locale.ROOT, "%n"));
        line(text, "verdict", report.verdict() + (report.detectedAfterSeconds() == null ? ""
                : String.format(Locale.ROOT, " (found after %.0f s)", report.detectedAfterSeconds())) + ": "
                + report.leaks().reason());
        for (io.leaklens.model.RuleResult rule : report.leaks().rules()) {
            text.append(String.format(Locale.ROOT, "  %-28s %-16s %s%n", rule.rule(),
                    rule.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), rule.summary()));
        }
        int rank = 1;
        for (io.leaklens.model.LeakSuspect suspect : report.leaks().suspects()) {
            text.append(String.format(Locale.ROOT, "%n%2d. %s  (score %.2f)%n", rank++, suspect.className(),
                    suspect.score()));
            if (!suspect.pathFromRoot().isEmpty()) {
                text.append("    held by: ").append(suspect.pathFromRoot().stream()
                        .map(io.leaklens.model.PathStep::toString).collect(java.util.stream.Collectors.joining(" → ")))
                        .append(String.format(Locale.ROOT, "%n"));
            }
            text.append("    ").append(suspect.explanation()).append(String.format(Locale.ROOT, "%n"));
        }
        if (report.heapDump() != null) {
            java.util.List<io.leaklens.model.LeakSuspect> exact = report.dumpedLeaks();
            text.append(String.format(Locale.ROOT, "%nheap dump %s, taken because a leak was found: %s%n",
                    report.heapDump().file(), exact.isEmpty() ? "the suspects' classes pile up nowhere in it; its "
                            + "largest piles:" : "what holds the suspects, exactly (strong references):"));
            io.leaklens.model.HeapDumpReport shown = exact.isEmpty() ? report.heapDump()
                    : new io.leaklens.model.HeapDumpReport(report.heapDump().file(), report.heapDump().summary(),
                    java.util.List.of(), java.util.List.of(), exact, report.heapDump().references(),
                    report.heapDump().timings());
            text.append(HeapDumpText.suspects(shown));
        }
        return text.toString().stripTrailing();
    }

    /** The session's sentence on why histograms are off, with the option that turns them on. */
    static String histogramsOff(String status) {
        return Character.toLowerCase(status.charAt(0)) + status.substring(1) + " Turn them on with --histogram-every "
                + WatchText.duration(io.leaklens.session.WatchOptions.DEFAULT_HISTOGRAM_INTERVAL).replace(" ", "")
                + ".";
    }

    private static String trend(LiveSetTrend trend) {
        if (trend.points() < 2) {
            return "unknown (one GC)";
        }
        String error = Double.isNaN(trend.standardError()) ? "" : " ± " + ByteSize.format(trend.standardError()) + "/s";
        return ByteSize.signedRate(trend.slopeBytesPerSecond()) + error + " over " + trend.points() + " GCs";
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-12s %s%n", label, value));
    }

    static String duration(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 120) {
            return s + " s";
        }
        return s < 7200 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static String time(Instant instant) {
        return instant == null ? "?" : TIME.format(instant);
    }
}
