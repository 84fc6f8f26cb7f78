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
import java.util.Locale;

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
    static final int CHART_GROWERS = 15;
    static final int CHART_SHRINKERS = 5;
    static final int TOP_SITES = 20;
    static final int TOP_SURVIVORS = 10;
    static final String NO_SUSPECTS = "No class grew enough to suspect a leak.";

    // The chart's geometry, in SVG units: names on one side of the axis, bars and their sizes on the other.
    private static final int CHART_WIDTH = 960;
    private static final int AXIS = CHART_WIDTH / 2;
    private static final int ROW = 24;
    private static final int BAR = 14;
    private static final int VALUE_ROOM = 90;
    private static final int LABEL_CHARS = 60;

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
        chart(html, diff.classes());
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
            list.append("<li style=\"margin-left:").append(num(1.2 * i))
                    .append("em\">").append(i == 0 ? "" : "<span class=\"arrow\">\u2192</span> ")
                    .append("<code>").append(esc(steps.get(i).toString())).append("</code></li>");
        }
        return list.append("</ol>").toString();
    }

    /**
     * A diverging bar chart: the biggest growers to the right of the axis, the biggest shrinkers to the left, each
     * named on the other side so the names line up. One scale for both, so bars compare across the axis.
     */
    private static void chart(StringBuilder html, List<ClassDelta> classes) {
        List<ClassDelta> rows = new ArrayList<>(classes.stream().filter(c -> c.bytesDelta() > 0)
                .sorted(Comparator.comparingLong(ClassDelta::bytesDelta).reversed()
                        .thenComparing(ClassDelta::className))
                .limit(CHART_GROWERS).toList());
        // Shrinkers below, the biggest shrink last: the whole chart runs from most grown to most shrunk.
        rows.addAll(classes.stream().filter(c -> c.bytesDelta() < 0)
                .sorted(Comparator.comparingLong(ClassDelta::bytesDelta).thenComparing(ClassDelta::className))
                .limit(CHART_SHRINKERS).toList().reversed());
        html.append("<section id=\"chart\" class=\"card\">\n<h2>Biggest changes in live bytes</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">No class changed in size.</p>\n</section>\n");
            return;
        }
        long max = rows.stream().mapToLong(c -> Math.abs(c.bytesDelta())).max().orElse(1);
        double scale = (double) (AXIS - VALUE_ROOM) / max;
        int height = rows.size() * ROW + 8;
        html.append("<div class=\"scroll\"><svg class=\"bars\" role=\"img\" aria-labelledby=\"chart-title\" ")
                .append("viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height).append("\" width=\"")
                .append(CHART_WIDTH).append("\" height=\"").append(height).append("\">\n")
                .append("<title id=\"chart-title\">Live bytes grown (right) and shrunk (left) per class</title>\n");
        for (int i = 0; i < rows.size(); i++) {
            ClassDelta c = rows.get(i);
            boolean grew = c.bytesDelta() > 0;
            // At least a pixel: a class in the chart changed, so it should not look like it did not.
            double width = Math.max(1, Math.abs(c.bytesDelta()) * scale);
            double top = 4 + i * ROW + (ROW - BAR) / 2.0;
            double middle = 4 + i * ROW + ROW / 2.0;
            String value = signedSize(c.bytesDelta());
            html.append("<g><title>").append(esc(c.className())).append(": ").append(value).append("</title>")
                    .append("<rect class=\"bar ").append(grew ? "grow" : "shrink").append("\" x=\"")
                    .append(num(grew ? AXIS : AXIS - width)).append("\" y=\"").append(num(top))
                    .append("\" width=\"").append(num(width)).append("\" height=\"").append(BAR)
                    .append("\" rx=\"2\"/>")
                    .append("<text class=\"label\" x=\"").append(grew ? AXIS - 8 : AXIS + 8).append("\" y=\"")
                    .append(num(middle)).append("\" text-anchor=\"").append(grew ? "end" : "start").append("\">")
                    .append(esc(shorten(c.className()))).append("</text>")
                    .append("<text class=\"value\" x=\"").append(num(grew ? AXIS + width + 6 : AXIS - width - 6))
                    .append("\" y=\"").append(num(middle)).append("\" text-anchor=\"")
                    .append(grew ? "start" : "end").append("\">").append(value).append("</text></g>\n");
        }
        html.append("<line class=\"axis\" x1=\"").append(AXIS).append("\" y1=\"0\" x2=\"").append(AXIS)
                .append("\" y2=\"").append(height).append("\"/>\n</svg></div>\n")
                .append("<p class=\"legend\"><span class=\"swatch shrink\"></span>\u2190 shrank ")
                .append("<span class=\"swatch grow\"></span>grew \u2192 <span class=\"muted\">(top ")
                .append(CHART_GROWERS).append(" growers and ").append(CHART_SHRINKERS)
                .append(" shrinkers; hover a bar for the full name)</span></p>\n</section>\n");
    }

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

    /** The first application frame: the JDK frames above it (ArrayList.grow, ...) say how, not who. */
    private static StackFrame allocationSite(List<StackFrame> stack) {
        return stack.stream().filter(f -> !f.isJdk()).findFirst().orElse(stack.isEmpty() ? null : stack.getFirst());
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

    /** Long names lose their start, not their end: the simple name is what a person recognises. */
    private static String shorten(String className) {
        return className.length() <= LABEL_CHARS ? className
                : "\u2026" + className.substring(className.length() - LABEL_CHARS + 1);
    }

    /** SVG coordinates with a dot whatever the default locale, and no needless digits. */
    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
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

    private static final String CSS = """
            :root {
              color-scheme: light dark;
              --bg: #f5f6f8; --card: #ffffff; --text: #1c2230; --muted: #626c7d; --line: #e1e5eb;
              --zebra: #f7f8fb; --code: #eef1f6; --grow: #d64545; --shrink: #2f9e6e; --accent: #3b5bdb;
            }
            @media (prefers-color-scheme: dark) {
              :root {
                --bg: #12151a; --card: #1b1f27; --text: #e3e7ee; --muted: #98a2b3; --line: #2b313c;
                --zebra: #1f242d; --code: #262c36; --grow: #f26b6b; --shrink: #45c48b; --accent: #8ea6ff;
              }
            }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--text);
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
            main { max-width: 1120px; margin: 0 auto; padding: 24px 20px 8px; }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
              padding: 18px 22px; margin: 0 0 18px; }
            h1 { font-size: 1.5em; margin: 0 0 14px; line-height: 1.25; }
            h2 { font-size: 1.1em; margin: 0 0 12px; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em;
              background: var(--code); padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
            .muted { color: var(--muted); }
            .up { color: var(--grow); }
            .down { color: var(--shrink); }
            .empty { color: var(--muted); font-style: italic; margin: 0; }
            .snapshots { display: grid; grid-template-columns: 1fr auto 1fr; gap: 18px; align-items: center; }
            .snap { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
            .snap .role { font-size: .75em; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
            .snap .name { font-weight: 600; font-size: 1.1em; margin-bottom: 6px; }
            .between { text-align: center; color: var(--muted); font-size: .9em; }
            .between .arrow { font-size: 1.8em; line-height: 1; color: var(--accent); }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
            dt { color: var(--muted); }
            dd { margin: 0; }
            .notes { white-space: pre-wrap; }
            .summary { margin: 16px 0 0; }
            .suspect { border-left: 4px solid var(--grow); background: var(--zebra); border-radius: 6px;
              padding: 12px 16px; margin: 0 0 14px; }
            .suspect:last-child { margin-bottom: 0; }
            .suspect-head { display: flex; justify-content: space-between; gap: 12px; align-items: center;
              font-weight: 600; }
            .score { white-space: nowrap; display: flex; align-items: center; gap: 8px; }
            .meter { display: inline-block; width: 80px; height: 8px; border-radius: 4px; background: var(--line);
              overflow: hidden; }
            .meter span { display: block; height: 100%; background: var(--grow); }
            .explain { margin: 8px 0; }
            ol.path { list-style: none; margin: 0; padding: 0; }
            ol.path li { margin: 2px 0; }
            .arrow { color: var(--muted); }
            .scroll { overflow-x: auto; }
            svg.bars { display: block; max-width: 100%; height: auto; }
            svg.bars text { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
              dominant-baseline: central; fill: var(--text); }
            svg.bars text.value { fill: var(--muted); }
            svg.bars g:hover rect { opacity: .8; }
            .bar.grow, .swatch.grow { fill: var(--grow); background: var(--grow); }
            .bar.shrink, .swatch.shrink { fill: var(--shrink); background: var(--shrink); }
            .axis { stroke: var(--muted); stroke-width: 1; }
            .legend { font-size: .85em; margin: 10px 0 0; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 5px 0 0;
              vertical-align: middle; }
            .legend .swatch.grow { margin-left: 14px; }
            table { border-collapse: collapse; width: 100%; font-size: .92em; }
            caption { text-align: left; color: var(--muted); padding: 0 0 8px; }
            th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            th { font-weight: 600; color: var(--muted); white-space: nowrap; }
            th.group { text-align: center; border-bottom: 1px solid var(--line); }
            .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:nth-child(even) { background: var(--zebra); }
            .tag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: .72em; font-weight: 700;
              text-transform: uppercase; letter-spacing: .04em; color: #fff; vertical-align: middle; }
            .tag.new { background: var(--grow); }
            .tag.gone { background: var(--shrink); }
            footer { text-align: center; color: var(--muted); font-size: .85em; padding: 4px 0 24px; }
            @media (max-width: 720px) {
              .snapshots { grid-template-columns: 1fr; }
              .between br { display: none; }
            }
            @media print {
              body { background: #fff; }
              .card { break-inside: avoid; border-color: #ccc; }
            }
            """;
}
