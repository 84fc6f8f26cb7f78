package io.leaklens.store;

import io.leaklens.model.ClassDelta;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.PathStep;
import io.leaklens.model.SiteDelta;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.SnapshotInfo;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.leaklens.store.HumanUnits.count;
import static io.leaklens.store.HumanUnits.signedCount;
import static io.leaklens.store.HumanUnits.signedPercent;
import static io.leaklens.store.HumanUnits.signedSize;
import static io.leaklens.store.HumanUnits.size;

/**
 * A comparison as one HTML file to attach to a ticket or mail to a colleague: everything inline (styles, the chart
 * as SVG), no scripts and nothing fetched, so it opens anywhere, offline, and cannot run anything. Every piece of
 * text from the target (class names such as {@code <unknown>} or {@code Outer$Inner}, the user's notes) is escaped.
 */
public final class DiffHtmlReport {

    static final int DEFAULT_TOP_CLASSES = 50;
    static final int TOP_SITES = 20;
    static final int TOP_SURVIVORS = 10;
    static final String NO_SUSPECTS = "No class grew enough to suspect a leak.";

    // The chart's geometry, in SVG units: names on one side of the axis, bars and their sizes on the other.
    /** The report's style sheet, written into the page: the report is one file to send or attach. */
    private static final String CSS = styleSheet();

    private DiffHtmlReport() {
    }

    /** Writes the report in UTF-8, atomically: the file is either the previous one or the complete new one. */
    public static void write(SnapshotDiff diff, Path file) throws SnapshotFileException {
        byte[] html = toHtml(diff, DEFAULT_TOP_CLASSES).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(html));
    }

    static String toHtml(SnapshotDiff diff, int topClasses) {
        return toHtml(diff, topClasses, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** @param generatedAt when the report says it was made: a parameter so that tests get the same text twice */
    static String toHtml(SnapshotDiff diff, int topClasses, Instant generatedAt) {
        if (topClasses < 1) {
            throw new IllegalArgumentException("topClasses must be at least 1, was " + topClasses);
        }
        String title = "LeakLens comparison: " + name(diff.before(), "earlier snapshot") + " \u2192 "
                + name(diff.after(), "later snapshot");
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"generator\" content=\"LeakLens\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(html, diff, title);
        suspects(html, diff.suspects());
        DiffBarChart.append(html, diff.classes());
        classes(html, diff.classes(), topClasses);
        sites(html, diff.sites());
        oldObjects(html, diff);
        html.append("</main>\n<footer>Made with LeakLens \u00b7 generated <time datetime=\"")
                .append(generatedAt).append("\">").append(HumanUnits.time(generatedAt))
                .append("</time></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, SnapshotDiff diff, String title) {
        html.append("<header class=\"card\">\n<h1>").append(esc(title)).append("</h1>\n<div class=\"snapshots\">\n");
        snapshot(html, "Before", diff.before());
        Duration between = diff.between();
        html.append("<div class=\"between\"><span class=\"arrow\">\u2192</span><br>")
                .append(between.isNegative()
                        ? esc(HumanUnits.duration(between.negated())) + " earlier (taken out of order)"
                        : esc(HumanUnits.duration(between)) + " later")
                .append("</div>\n");
        snapshot(html, "After", diff.after());
        html.append("</div>\n");

        long before = diff.bytesBefore();
        long after = diff.bytesAfter();
        long delta = after - before;
        html.append("<p class=\"summary\">Live objects in the class histogram: <strong>").append(size(before))
                .append("</strong> \u2192 <strong>").append(size(after)).append("</strong> <span class=\"")
                .append(trend(delta)).append("\">").append(signedSize(delta));
        if (before > 0) {
            html.append(", ").append(signedPercent(100.0 * delta / before));
        }
        html.append("</span>");
        long grown = diff.classes().stream().filter(c -> c.bytesDelta() > 0).count();
        long shrunk = diff.classes().stream().filter(c -> c.bytesDelta() < 0).count();
        long added = diff.classes().stream().filter(ClassDelta::isNew).count();
        long gone = diff.classes().stream().filter(ClassDelta::isGone).count();
        html.append("<br><span class=\"muted\">").append(count(grown)).append(" classes grew, ")
                .append(count(shrunk)).append(" shrank; ").append(count(added)).append(" new, ")
                .append(count(gone)).append(" gone; ").append(count(diff.suspects().size()))
                .append(diff.suspects().size() == 1 ? " suspect" : " suspects").append("</span></p>\n</header>\n");
    }

    private static void snapshot(StringBuilder html, String role, SnapshotInfo info) {
        html.append("<div class=\"snap\">\n<div class=\"role\">").append(role).append("</div>\n<div class=\"name\">")
                .append(esc(name(info, "unnamed"))).append("</div>\n<dl>\n");
        TargetInfo target = info.target();
        if (target != null) {
            html.append("<dt>JVM</dt><dd>").append(esc(target.displayName())).append(" <span class=\"muted\">(pid ")
                    .append(target.pid()).append(")</span></dd>\n")
                    .append("<dt>Java</dt><dd>").append(esc(target.jvmVersion()));
            if (target.vmName() != null && !target.vmName().isBlank()) {
                html.append(" <span class=\"muted\">\u00b7 ").append(esc(target.vmName())).append("</span>");
            }
            html.append("</dd>\n");
        }
        html.append("<dt>Taken</dt><dd><time datetime=\"").append(info.takenAt()).append("\">")
                .append(HumanUnits.time(info.takenAt())).append("</time></dd>\n");
        if (!info.notes().isBlank()) {
            html.append("<dt>Notes</dt><dd class=\"notes\">").append(esc(info.notes().strip())).append("</dd>\n");
        }
        html.append("</dl>\n</div>\n");
    }

    private static void suspects(StringBuilder html, List<LeakSuspect> suspects) {
        html.append("<section id=\"suspects\" class=\"card\">\n<h2>Leak suspects</h2>\n");
        if (suspects.isEmpty()) {
            html.append("<p class=\"empty\">").append(NO_SUSPECTS).append("</p>\n");
        }
        for (LeakSuspect s : suspects) {
            long percent = Math.round(100 * Math.clamp(s.score(), 0, 1));
            html.append("<article class=\"suspect\">\n<div class=\"suspect-head\"><code class=\"cls\">")
                    .append(esc(s.className())).append("</code><span class=\"score\" title=\"how sure LeakLens is\">")
                    .append("<span class=\"meter\"><span style=\"width:").append(percent).append("%\"></span></span>")
                    .append(percent).append("%</span></div>\n");
            if (s.explanation() != null && !s.explanation().isBlank()) {
                html.append("<p class=\"explain\">").append(esc(s.explanation())).append("</p>\n");
            }
            html.append("<dl class=\"facts\">\n<dt>Growth</dt><dd><span class=\"up\">")
                    .append(HumanUnits.signedRate(s.growthBytesPerSecond())).append("</span> \u00b7 ")
                    .append(HumanUnits.signedCountRate(s.growthInstancesPerSecond(), "instances")).append("</dd>\n")
                    .append("<dt>Allocated at</dt><dd>").append(frame(s.allocationSite())).append("</dd>\n")
                    .append("<dt>Held by</dt><dd>");
            if (s.rootDescription() == null) {
                html.append("<span class=\"muted\">no sampled object showed its GC root</span>");
            } else {
                html.append(esc(s.rootDescription()));
                if (s.rootKind() != null) {
                    html.append(" <span class=\"muted\">(").append(esc(s.rootKind())).append(")</span>");
                }
            }
            html.append("</dd>\n");
            if (!s.pathFromRoot().isEmpty()) {
                html.append("<dt>Path from the root</dt><dd>").append(path(s.pathFromRoot())).append("</dd>\n");
            }
            html.append("</dl>\n</article>\n");
        }
        html.append("</section>\n");
    }

    /** One step per line, each indented below the one that holds it: the chain reads top-down like a tree. */
    private static String path(List<PathStep> steps) {
        StringBuilder list = new StringBuilder("<ol class=\"path\">");
        for (int i = 0; i < steps.size(); i++) {
            list.append("<li style=\"margin-left:").append(DiffBarChart.num(1.2 * i))
                    .append("em\">").append(i == 0 ? "" : "<span class=\"arrow\">\u2192</span> ")
                    .append("<code>").append(esc(steps.get(i).toString())).append("</code></li>");
        }
        return list.append("</ol>").toString();
    }

    /**
     * A diverging bar chart: the biggest growers to the right of the axis, the biggest shrinkers to the left, each
     * named on the other side so the names line up. One scale for both, so bars compare across the axis.
     */
    private static void classes(StringBuilder html, List<ClassDelta> classes, int top) {
        html.append("<section id=\"classes\" class=\"card\">\n<h2>Classes</h2>\n");
        if (classes.isEmpty()) {
            html.append("<p class=\"empty\">Neither snapshot has a class histogram.</p>\n</section>\n");
            return;
        }
        List<ClassDelta> shown = classes.stream()
                .sorted(Comparator.comparingLong(ClassDelta::bytesDelta).reversed()
                        .thenComparing(ClassDelta::className))
                .limit(top).toList();
        html.append("<div class=\"scroll\"><table>\n<caption>")
                .append(shown.size() < classes.size()
                        ? "The " + count(shown.size()) + " of " + count(classes.size()) + " classes that grew most"
                        : "All " + count(classes.size()) + " classes, most grown first")
                .append(", by live bytes</caption>\n<thead><tr><th rowspan=\"2\">Class</th>")
                .append("<th colspan=\"3\" class=\"group\">Instances</th><th colspan=\"3\" class=\"group\">Bytes</th>")
                .append("<th rowspan=\"2\" class=\"n\">Growth</th></tr>\n<tr>")
                .append("<th class=\"n\">before</th><th class=\"n\">after</th><th class=\"n\">\u0394</th>")
                .append("<th class=\"n\">before</th><th class=\"n\">after</th><th class=\"n\">\u0394</th></tr></thead>\n")
                .append("<tbody>\n");
        for (ClassDelta c : shown) {
            html.append("<tr><td><code>").append(esc(c.className())).append("</code>");
            if (c.isNew()) {
                html.append(" <span class=\"tag new\">new</span>");
            } else if (c.isGone()) {
                html.append(" <span class=\"tag gone\">gone</span>");
            }
            html.append("</td><td class=\"n\">").append(count(c.instancesBefore()))
                    .append("</td><td class=\"n\">").append(count(c.instancesAfter()))
                    .append("</td><td class=\"n ").append(trend(c.instancesDelta())).append("\">")
                    .append(signedCount(c.instancesDelta()))
                    .append("</td><td class=\"n\">").append(size(c.bytesBefore()))
                    .append("</td><td class=\"n\">").append(size(c.bytesAfter()))
                    .append("</td><td class=\"n ").append(trend(c.bytesDelta())).append("\">")
                    .append(signedSize(c.bytesDelta()))
                    .append("</td><td class=\"n\">").append(c.isNew() ? "new" : signedPercent(c.growthPercent()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void sites(StringBuilder html, List<SiteDelta> sites) {
        html.append("<section id=\"sites\" class=\"card\">\n<h2>Allocation sites</h2>\n");
        if (sites.isEmpty()) {
            html.append("<p class=\"empty\">Neither snapshot recorded allocations.</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"scroll\"><table>\n<caption>")
                .append(sites.size() > TOP_SITES
                        ? "The " + TOP_SITES + " of " + count(sites.size()) + " sites whose allocation rate changed most"
                        : sites.size() == 1 ? "The one allocation site"
                        : "All " + count(sites.size()) + " allocation sites, largest change in rate first")
                .append("</caption>\n")
                .append("<thead><tr><th>Site</th><th>Top class</th><th class=\"n\">Rate before</th>")
                .append("<th class=\"n\">Rate after</th><th class=\"n\">Change</th></tr></thead>\n<tbody>\n");
        for (SiteDelta s : sites.stream().limit(TOP_SITES).toList()) {
            html.append("<tr><td>").append(frame(s.site())).append("</td><td>")
                    .append(s.topClass() == null ? "" : "<code>" + esc(s.topClass()) + "</code>")
                    .append("</td><td class=\"n\">").append(HumanUnits.rate(s.bytesPerSecondBefore()))
                    .append("</td><td class=\"n\">").append(HumanUnits.rate(s.bytesPerSecondAfter()))
                    .append("</td><td class=\"n ").append(trend(s.rateDelta())).append("\">")
                    .append(HumanUnits.signedRate(s.rateDelta())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void oldObjects(StringBuilder html, SnapshotDiff diff) {
        List<OldObjectSample> survivors = diff.survivors();
        html.append("<section id=\"old-objects\" class=\"card\">\n<h2>Old objects</h2>\n<p><strong>")
                .append(count(survivors.size())).append("</strong> sampled ")
                .append(survivors.size() == 1 ? "object" : "objects")
                .append(" survived from the earlier snapshot to the later one; <strong>")
                .append(count(diff.newOldObjects().size())).append("</strong> ")
                .append(diff.newOldObjects().size() == 1 ? "sample is" : "samples are")
                .append(" new in the later one.</p>\n");
        if (survivors.isEmpty()) {
            html.append("</section>\n");
            return;
        }
        List<OldObjectSample> oldest = survivors.stream()
                .sorted(Comparator.comparing(OldObjectSample::age, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(TOP_SURVIVORS).toList();
        html.append("<div class=\"scroll\"><table>\n<caption>")
                .append(oldest.size() < survivors.size() ? "The " + oldest.size() + " oldest survivors"
                        : "The survivors, oldest first")
                .append("</caption>\n<thead><tr><th>Class</th><th class=\"n\">Age</th><th class=\"n\">Size</th>")
                .append("<th>Allocated at</th></tr></thead>\n<tbody>\n");
        for (OldObjectSample s : oldest) {
            html.append("<tr><td><code>").append(esc(s.className())).append("</code></td><td class=\"n\">")
                    .append(s.age() == null ? HumanUnits.NONE : esc(HumanUnits.duration(s.age())))
                    .append("</td><td class=\"n\">").append(s.objectSize() < 0 ? HumanUnits.NONE : size(s.objectSize()));
            if (s.arrayElements() >= 0) {
                html.append(" <span class=\"muted\">(").append(count(s.arrayElements())).append(" elements)</span>");
            }
            html.append("</td><td>").append(frame(allocationSite(s.stack()))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static StackFrame allocationSite(List<StackFrame> stack) {
        return StackFrame.allocationSite(stack).orElse(null);
    }

    private static String frame(StackFrame frame) {
        return frame == null ? "<span class=\"muted\">unknown</span>" : "<code>" + esc(frame.toString()) + "</code>";
    }

    private static String name(SnapshotInfo info, String fallback) {
        return info.name().isBlank() ? fallback : info.name().strip();
    }

    /** Growth is the bad direction in a leak hunt: it gets the warning colour. */
    private static String trend(double delta) {
        return delta > 0 ? "up" : delta < 0 ? "down" : "flat";
    }

    private static String styleSheet() {
        try (var in = DiffHtmlReport.class.getResourceAsStream("diff-report.css")) {
            if (in == null) {
                throw new IllegalStateException("diff-report.css is missing from LeakLens's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Text for element content and attribute values alike. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(entity != null ? entity : text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }
}
