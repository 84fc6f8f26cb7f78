package io.leaklens.store;

import io.leaklens.analysis.SnapshotDiffer;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.PathStep;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.SnapshotInfo;
import io.leaklens.model.StackFrame;
import io.leaklens.support.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DiffHtmlReportTest {

    private static final Instant GENERATED = Instant.parse("2026-11-02T08:00:00Z");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]*?(/?)>");
    private static final Pattern BAR_TITLE = Pattern.compile("<g><title>([^<]*): [^<]*</title><rect class=\"bar (\\w+)\"");
    private static final Set<String> VOID = Set.of("meta", "br", "link", "img", "hr", "input", "col", "wbr");

    @TempDir
    Path dir;

    private final SnapshotDiff shop = new SnapshotDiffer().compare(Snapshots.shop("before", 60),
            Snapshots.shop("after", 120));

    @Test
    void escapesClassNamesNotesAndSnapshotNames() {
        LeakSuspect suspect = new LeakSuspect("<unknown>", 0.9, 1000, 10, null, "static field", "a&b.list",
                List.of(new PathStep("a&b", "list"), new PathStep("<unknown>", null)), "<unknown> grew & grew.");
        SnapshotDiff diff = diff(new SnapshotInfo("x<y", "<b>bold</b> & more", Snapshots.T0, Snapshots.TARGET),
                List.of(new ClassDelta("<unknown>", 1, 9, 100, 900_000), new ClassDelta("a&b", 0, 2, 0, 64)),
                List.of(suspect));

        String html = DiffHtmlReport.toHtml(diff, 50, GENERATED);

        assertThat(html).doesNotContain("<unknown>", "a&b", "<b>", "x<y")
                .contains("<title>LeakLens comparison: x&lt;y \u2192 after</title>",
                        "<code class=\"cls\">&lt;unknown&gt;</code>", "<code>a&amp;b</code>",
                        "&lt;b&gt;bold&lt;/b&gt; &amp; more", "&lt;unknown&gt; grew &amp; grew.",
                        "<g><title>&lt;unknown&gt;: +879 KB</title>");
        assertBalanced(html);
    }

    @Test
    void showsTheSuspectWithItsPathFromTheRoot() {
        assertThat(shop.suspects()).as("the shop leaks").isNotEmpty();
        LeakSuspect top = shop.suspects().getFirst();
        assertThat(top.className()).isEqualTo(Snapshots.ENTRY);
        assertThat(top.pathFromRoot()).hasSizeGreaterThan(1);

        String suspects = section(DiffHtmlReport.toHtml(shop, 50, GENERATED), "suspects");

        assertThat(suspects).contains("<code class=\"cls\">com.acme.OrderLog$Entry</code>",
                "<code>com.acme.OrderLog.record(OrderLog.java:31)</code>", "+39.1 KB/s", "+1,000 instances/s")
                .doesNotContain(DiffHtmlReport.NO_SUSPECTS);
        int at = suspects.indexOf("<ol class=\"path\">");
        assertThat(at).isPositive();
        for (PathStep step : top.pathFromRoot()) {
            int next = suspects.indexOf("<code>" + DiffHtmlReport.esc(step.toString()) + "</code>", at);
            assertThat(next).as("%s after the previous step", step).isGreaterThan(at);
            at = next;
        }
        assertThat(suspects).contains("<code>com.acme.OrderLog.ENTRIES</code>",
                "\u2192</span> <code>java.util.ArrayList.elementData</code>");
    }

    @Test
    void saysSoWhenNothingIsSuspect() {
        SnapshotDiff calm = diff(new SnapshotInfo("before", "", Snapshots.T0, Snapshots.TARGET),
                List.of(new ClassDelta("com.acme.A", 1, 2, 10, 20)), List.of());

        assertThat(section(DiffHtmlReport.toHtml(calm, 50, GENERATED), "suspects"))
                .contains("<p class=\"empty\">No class grew enough to suspect a leak.</p>")
                .doesNotContain("<article");
    }

    @Test
    void chartsOneBarPerGrower() {
        String html = DiffHtmlReport.toHtml(shop, 50, GENERATED);

        List<String> growers = shop.classes().stream().filter(c -> c.bytesDelta() > 0)
                .map(ClassDelta::className).toList();
        assertThat(growers).hasSize(3);
        assertThat(bars(section(html, "chart"))).containsExactlyElementsOf(
                growers.stream().map(name -> name + " grow").toList());
    }

    @Test
    void chartsTheTopFifteenGrowersAndFiveShrinkersOnOneScale() {
        List<ClassDelta> classes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            classes.add(new ClassDelta(String.format("g%02d", i), 1, 2, 100_000, 100_000 + i * 1000L));
        }
        for (int i = 1; i <= 7; i++) {
            classes.add(new ClassDelta("s" + i, 2, 1, 100_000, 100_000 - i * 200L));
        }

        String chart = section(DiffHtmlReport.toHtml(diff(null, classes, List.of()), 50, GENERATED), "chart");

        List<String> expected = new ArrayList<>();
        for (int i = 20; i >= 6; i--) {
            expected.add(String.format("g%02d grow", i));
        }
        for (int i = 3; i <= 7; i++) {
            expected.add("s" + i + " shrink"); // most shrunk at the bottom
        }
        assertThat(bars(chart)).containsExactlyElementsOf(expected);
        // The biggest change spans the room beside the axis (480 - 90); the rest are to scale, shrinkers included.
        assertThat(chart).contains("<rect class=\"bar grow\" x=\"480\" y=\"9\" width=\"390\"",
                "<title>g10: +9.77 KB</title><rect class=\"bar grow\" x=\"480\" y=\"249\" width=\"195\"",
                "<title>s7: \u22121.37 KB</title><rect class=\"bar shrink\" x=\"452.7\" y=\"465\" width=\"27.3\"",
                "text-anchor=\"start\">s7</text>");
    }

    @Test
    void tablesListTheTopClassesMarkingNewAndGone() {
        SnapshotDiff diff = diff(null, List.of(new ClassDelta("com.acme.New", 0, 5, 0, 5_000_000),
                new ClassDelta("com.acme.Grown", 1_000, 2_500, 1_000_000, 2_500_000),
                new ClassDelta("com.acme.Gone", 10, 0, 640, 0),
                new ClassDelta("com.acme.Tail", 10, 1, 64_000, 6_400)), List.of());

        String classes = section(DiffHtmlReport.toHtml(diff, 3, GENERATED), "classes");

        assertThat(classes.split("<tr><td>", -1)).hasSize(4);
        assertThat(classes).contains("The 3 of 4 classes that grew most",
                "<code>com.acme.New</code> <span class=\"tag new\">new</span>",
                "<code>com.acme.Gone</code> <span class=\"tag gone\">gone</span>",
                "<td class=\"n\">1,000</td><td class=\"n\">2,500</td><td class=\"n up\">+1,500</td>"
                        + "<td class=\"n\">977 KB</td><td class=\"n\">2.38 MB</td><td class=\"n up\">+1.43 MB</td>"
                        + "<td class=\"n\">+150%</td>")
                .doesNotContain("com.acme.Tail");
    }

    @Test
    void headerSitesAndOldObjectsOfTheShop() {
        String html = DiffHtmlReport.toHtml(shop, 50, GENERATED);

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<h1>LeakLens comparison: before \u2192 after</h1>", "com.acme.Shop <span class=\"muted\">"
                        + "(pid 4242)</span>", "25.0.3", "2026-11-01 10:01:00 UTC", "1 min later",
                        "Made with LeakLens \u00b7 generated <time datetime=\"2026-11-02T08:00:00Z\">"
                                + "2026-11-02 08:00:00 UTC</time>");
        assertThat(section(html, "sites")).contains("<code>com.acme.OrderLog.record(OrderLog.java:31)</code>",
                "<td class=\"n\">305 KB/s</td><td class=\"n\">305 KB/s</td>");
        assertThat(section(html, "old-objects")).contains("<strong>" + shop.survivors().size() + "</strong> sampled",
                "<strong>" + shop.newOldObjects().size() + "</strong>");
        assertThat(shop.survivors()).isNotEmpty();
    }

    @Test
    void isStandaloneAndBalanced() {
        String html = DiffHtmlReport.toHtml(shop, 50, GENERATED);

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("src=", "href=", "http", "url(",
                "@import").contains("prefers-color-scheme: dark");
        assertThat(count(html, "<section")).isEqualTo(5);
        assertBalanced(html);
    }

    @Test
    void theBalanceCheckCatchesAnUnclosedTag() {
        // The check the other tests rely on must itself be able to fail.
        String html = DiffHtmlReport.toHtml(shop, 50, GENERATED).replaceFirst("</table>", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertBalanced(html)).isInstanceOf(AssertionError.class);
    }

    @Test
    void formatsInBinaryUnitsWhateverTheLocale() {
        assertThat(HumanUnits.size(0)).isEqualTo("0 B");
        assertThat(HumanUnits.size(1023)).isEqualTo("1023 B");
        assertThat(HumanUnits.size(1024)).isEqualTo("1.00 KB");
        assertThat(HumanUnits.size(12.3 * 1024 * 1024)).isEqualTo("12.3 MB");
        assertThat(HumanUnits.size(1024L * 1024 * 1024 - 1)).isEqualTo("1.00 GB");
        assertThat(HumanUnits.signedRate(1.2 * 1024 * 1024)).isEqualTo("+1.20 MB/s");
        assertThat(HumanUnits.signedSize(-512)).isEqualTo("\u2212512 B");
        assertThat(HumanUnits.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(HumanUnits.signedCount(-1_500)).isEqualTo("\u22121,500");
        assertThat(HumanUnits.duration(Duration.ofSeconds(3725))).isEqualTo("1 h 2 min");
    }

    @Test
    void writesTheReportAsUtf8() throws IOException {
        Path file = dir.resolve("report.html");

        DiffHtmlReport.write(shop, file);

        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("before \u2192 after").endsWith("</html>\n");
    }

    /** Every non-void element closed, in order; and the big three counted, as a second, simpler look. */
    private static void assertBalanced(String html) {
        for (String tag : List.of("table", "svg", "section")) {
            assertThat(count(html, "<" + tag + " ") + count(html, "<" + tag + ">")).as(tag)
                    .isEqualTo(count(html, "</" + tag + ">"));
        }
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (VOID.contains(name) || !m.group(3).isEmpty()) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open.peek()).as("closing </%s> at %d", name, m.start()).isEqualTo(name);
                open.pop();
            }
        }
        assertThat(open).as("left open").isEmpty();
    }

    private static List<String> bars(String chart) {
        List<String> bars = new ArrayList<>();
        Matcher m = BAR_TITLE.matcher(chart);
        while (m.find()) {
            bars.add(m.group(1) + " " + m.group(2));
        }
        return bars;
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start) + "</section>".length());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static SnapshotDiff diff(SnapshotInfo before, List<ClassDelta> classes, List<LeakSuspect> suspects) {
        SnapshotInfo earlier = before != null ? before : new SnapshotInfo("before", "", Snapshots.T0, Snapshots.TARGET);
        SnapshotInfo later = new SnapshotInfo("after", "", Snapshots.T0.plusSeconds(60), Snapshots.TARGET);
        return new SnapshotDiff(earlier, later, classes, List.of(), List.of(), List.of(), suspects);
    }
}
