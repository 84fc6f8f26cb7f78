package io.leaklens.analysis;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.GcRoot;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.LiveSetPoint;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.TimedHistogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on the shapes of code that the tuning fixture did not have: classes of the unnamed package, an owner that
 * holds smaller application objects, a small task holding a large array, and a large live set watched without
 * histograms.
 */
class GeneralisingRulesTest {

    /** Histograms every 15 s of classes growing at the given instances and bytes per histogram step. */
    private static List<TimedHistogram> histograms(int count, Map<String, long[]> growth) {
        List<TimedHistogram> list = new ArrayList<>();
        Random noise = new Random(11);
        for (int i = 0; i < count; i++) {
            List<HistogramEntry> rows = new ArrayList<>();
            for (Map.Entry<String, long[]> g : growth.entrySet()) {
                long instances = 1_000 + g.getValue()[0] * i;
                rows.add(new HistogramEntry(g.getKey(), instances, instances * g.getValue()[1]));
            }
            long inFlight = 2_000 + noise.nextInt(400);
            rows.add(new HistogramEntry("Request", inFlight, 64 * inFlight));
            long total = rows.stream().mapToLong(HistogramEntry::bytes).sum();
            list.add(new TimedHistogram(Records.at(15.0 * i), new ClassHistogram(rows, 0, total,
                    Duration.ofMillis(30))));
        }
        return list;
    }

    private static OldObjectSample sample(String className, ReferenceHop... hops) {
        List<ReferenceHop> path = new ArrayList<>(List.of(hops));
        path.add(new ReferenceHop(className, null, null, false, -1, -1, 0));
        return new OldObjectSample(Records.T0, Duration.ofSeconds(30), className, 24, -1, -1, List.of(),
                new GcRoot("Threads", "Stack Variable", "main"), path);
    }

    private static ReferenceHop hop(String className, String field) {
        return new ReferenceHop(className, null, field, false, -1, -1, 0);
    }

    private static ReferenceHop staticField(String owner, String field) {
        return new ReferenceHop("java.lang.Class", "Class Name: " + owner, field, true, -1, -1, 0);
    }

    private static OldObjectSet burst(OldObjectSample... samples) {
        return new OldObjectSet(List.of(samples), Records.at(60), Duration.ofMillis(20), Duration.ofMillis(30));
    }

    @Test
    void aLeakOfTheUnnamedPackageIsTheApplicationsAndRanksAboveItsPayload() {
        // OrderLog$Entry (24 bytes) holds a 1 KB byte[]: the array grows far faster in bytes.
        LeakReport report = LeakDetector.analyze(HeapHistory.EMPTY, histograms(5, Map.of(
                "OrderLog$Entry", new long[] {6_000, 24}, "byte[]", new long[] {6_000, 1_040})),
                AllocationProfile.EMPTY, OldObjectSet.NONE);

        assertThat(report.verdict()).isEqualTo(LeakVerdict.LEAK);
        assertThat(report.suspects()).extracting(LeakSuspect::className).first().isEqualTo("OrderLog$Entry");
    }

    @Test
    void anOwnerRanksBeforeTheApplicationObjectsItHolds() {
        // A PendingCheckout, captured by a callback nothing removes, holds three CartLines: they grow three times
        // as fast and are larger, yet the checkout is what is kept by mistake.
        String checkout = "com.shop.PendingCheckout";
        String line = "com.shop.CartLine";
        List<TimedHistogram> histograms = histograms(5, Map.of(checkout, new long[] {900, 32},
                line, new long[] {2_700, 48}));
        ReferenceHop[] toCheckout = {staticField("com.shop.EventBus", "callbacks"), hop("java.util.ArrayList",
                "elementData"), hop("java.lang.Object[]", null), hop("com.shop.CheckoutFlow$$Lambda/0x01", "arg$1")};
        OldObjectSample heldCheckout = sample(checkout, toCheckout);
        List<ReferenceHop> toLine = new ArrayList<>(List.of(toCheckout));
        toLine.add(hop(checkout, "lines"));
        toLine.add(hop("java.util.ArrayList", "elementData"));
        toLine.add(hop("java.lang.Object[]", null));
        OldObjectSample heldLine = sample(line, toLine.toArray(ReferenceHop[]::new));

        LeakReport without = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                OldObjectSet.NONE);
        LeakReport with = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                burst(heldCheckout, heldLine, heldLine));

        assertThat(without.suspects().getFirst().className()).as("without paths, bytes decide").isEqualTo(line);
        assertThat(with.suspects()).extracting(LeakSuspect::className).startsWith(checkout, line);
        assertThat(with.suspects().getFirst().rootDescription()).isEqualTo("static field com.shop.EventBus.callbacks");
    }

    /**
     * An unbounded Guava cache: its entries hold the application's views and grow as fast. The fix is in the code
     * that fills the cache, so the application's class comes first, and a library's entry is no owner to promote.
     */
    @Test
    void aLibrarysContainerRanksBelowTheApplicationsObjectsItHolds() {
        String view = "com.shop.catalog.ProductView";
        String entry = "com.google.common.cache.LocalCache$StrongEntry";
        List<TimedHistogram> histograms = histograms(5, Map.of(view, new long[] {1_000, 48},
                entry, new long[] {1_000, 56}));
        OldObjectSample heldView = sample(view, staticField("com.shop.catalog.Catalog", "CACHE"),
                hop("com.google.common.cache.LocalCache$LocalManualCache", "localCache"),
                hop("com.google.common.cache.LocalCache", "segments"), hop(entry, "valueReference"));

        LeakReport report = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                burst(heldView, heldView));

        assertThat(report.suspects()).extracting(LeakSuspect::className).startsWith(view, entry);
        assertThat(report.suspects().getFirst().rootDescription())
                .isEqualTo("static field com.shop.catalog.Catalog.CACHE");
    }

    /**
     * A 40-byte panel, one a second, each holding a 160 KB array: the panel gains too few bytes to count on its own,
     * yet it is what leaks. The samples' paths say it holds the arrays, so it is named, with what it holds.
     */
    @Test
    void aSmallApplicationClassHoldingWhatGrowsIsNamedWithTheBytesItHolds() {
        String panel = "Dashboard$ReportPanel";
        List<TimedHistogram> histograms = histograms(5, Map.of(panel, new long[] {15, 40},
                "double[]", new long[] {15, 160_016}));
        OldObjectSample heldArray = sample("double[]", staticField("ThemeManager", "LISTENERS"),
                hop("java.util.ArrayList", "elementData"), hop("java.lang.Object[]", null),
                hop("Dashboard$ReportPanel$1", "this$0"), hop(panel, "series"));

        LeakReport without = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                OldObjectSet.NONE);
        LeakReport with = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                burst(heldArray, heldArray));

        assertThat(without.suspects()).extracting(LeakSuspect::className).doesNotContain(panel);
        assertThat(with.suspects().getFirst().className()).isEqualTo(panel);
        assertThat(with.suspects().getFirst().growthBytesPerSecond()).isGreaterThan(150_000);
        assertThat(with.suspects().getFirst().rootDescription()).isEqualTo("static field ThemeManager.LISTENERS");
    }

    /**
     * The demo shop's shape: an order log holds thousands of byte arrays, and a checkout session captured by a
     * listener holds a few. The session is a small owner of byte arrays, but of few of them: it is credited with the
     * share the samples show under it, so it neither takes the log's growth nor comes first.
     */
    @Test
    void aSmallOwnerIsCreditedOnlyWithTheShareOfWhatGrowsThatItHolds() {
        String entry = "shop.OrderLog$Entry";
        String session = "shop.CheckoutSession";
        List<TimedHistogram> histograms = histograms(5, Map.of(entry, new long[] {6_000, 40},
                "byte[]", new long[] {6_000, 300}, session, new long[] {3, 40}));
        OldObjectSample logged = sample("byte[]", staticField("shop.OrderLog", "ENTRIES"),
                hop("java.util.ArrayList", "elementData"), hop("java.lang.Object[]", null), hop(entry, "payload"));
        OldObjectSample inCart = sample("byte[]", staticField("shop.PriceFeed", "LISTENERS"),
                hop("java.util.ArrayList", "elementData"), hop("java.lang.Object[]", null),
                hop("shop.CheckoutSession$$Lambda/0x1234", "arg$1"), hop(session, "cart"));

        LeakReport report = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                burst(logged, logged, logged, logged, logged, logged, logged, logged, logged, inCart));

        assertThat(report.suspects().getFirst().className()).isNotEqualTo(session);
        double bytes = report.suspects().stream().filter(s -> s.className().equals("byte[]")).findFirst()
                .orElseThrow().growthBytesPerSecond();
        report.suspects().stream().filter(s -> s.className().equals(session)).findFirst().ifPresent(s ->
                assertThat(s.growthBytesPerSecond()).as("the session's share").isLessThan(bytes / 5));
    }

    /** A slow leak reads as one, not as "0 per second". */
    @Test
    void ratesAreSaidAsPeopleSayThem() {
        assertThat(LeakDetector.howOften(400, "Entry", "Entry")).isEqualTo("400 Entry per second");
        assertThat(LeakDetector.howOften(2.5, "live instance", "live instances"))
                .isEqualTo("2.5 live instances per second");
        assertThat(LeakDetector.howOften(0.2, "live instance", "live instances"))
                .isEqualTo("one live instance every 5 s");
        assertThat(LeakDetector.howOften(1 / 600.0, "Session", "Session")).isEqualTo("one Session every 10 min");
    }

    /**
     * A LinkedHashMap subclass with removeEldestEntry, the usual LRU cache, still filling: it grows as a leak does.
     * Within five minutes it is "still filling"; growing on past them, it is a leak.
     */
    @Test
    void whatGrowsOnlyInsideALinkedHashMapSubclassIsStillFillingForFiveMinutes() {
        String resolution = "com.acme.dns.ResolverCache$Resolution";
        OldObjectSample cached = sample(resolution, staticField("com.acme.dns.ResolverCache", "CACHE"),
                hop("com.acme.dns.ResolverCache$1", "table"), hop("java.util.HashMap$Node[]", null),
                hop("java.util.LinkedHashMap$Entry", "value"));

        LeakReport minute = LeakDetector.analyze(HeapHistory.EMPTY, histograms(5, Map.of(resolution,
                new long[] {1_500, 32})), AllocationProfile.EMPTY, burst(cached));
        LeakReport sixMinutes = LeakDetector.analyze(HeapHistory.EMPTY, histograms(25, Map.of(resolution,
                new long[] {1_500, 32})), AllocationProfile.EMPTY, burst(cached));

        assertThat(minute.verdict()).isEqualTo(LeakVerdict.NOT_ENOUGH_DATA);
        assertThat(minute.reason()).startsWith("ResolverCache$Resolution grows by 100 live instances per second, only "
                + "inside ResolverCache$1, a LinkedHashMap subclass");
        assertThat(sixMinutes.verdict()).isEqualTo(LeakVerdict.LEAK);
        assertThat(sixMinutes.suspects().getFirst().className()).isEqualTo(resolution);
    }

    /** A cart and its one item grow alike; only the cart was sampled with a path: it comes first. */
    @Test
    void ofTwoEqualSuspectsTheOneWithAKnownHolderComesFirst() {
        String cart = "com.shop.Cart";
        String item = "com.shop.Cart$Item";
        List<TimedHistogram> histograms = histograms(5, Map.of(item, new long[] {900, 32},
                cart, new long[] {900, 32}));
        OldObjectSample heldCart = sample(cart, staticField("com.shop.Sessions", "ALL"),
                hop("java.util.HashMap", "table"), hop("java.util.HashMap$Node[]", null), hop("java.util.HashMap$Node", "value"));

        LeakReport report = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                burst(heldCart));

        assertThat(report.suspects()).extracting(LeakSuspect::className).startsWith(cart, item);
    }

    @Test
    void objectsThatHoldEachOtherKeepTheirRanks() {
        String parent = "com.acme.Parent";
        String child = "com.acme.Child";
        List<TimedHistogram> histograms = histograms(5, Map.of(parent, new long[] {500, 40},
                child, new long[] {1_000, 40}));
        OldObjectSample childOfParent = sample(child, staticField("com.acme.Registry", "ALL"), hop(parent, "kids"));
        OldObjectSample parentOfChild = sample(parent, staticField("com.acme.Registry", "ALL"), hop(child, "up"));

        LeakReport report = LeakDetector.analyze(HeapHistory.EMPTY, histograms, AllocationProfile.EMPTY,
                burst(childOfParent, parentOfChild));

        assertThat(report.suspects()).extracting(LeakSuspect::className).startsWith(child, parent);
    }

    @Test
    void aLargeFlatLiveSetWithoutHistogramsIsInconclusiveNotNoLeak() {
        // 1.9 GB of steady reference data, collections every 5 s, noise of a few MB: a 150 KB/s leak hides in it.
        Random noise = new Random(7);
        List<LiveSetPoint> live = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            live.add(new LiveSetPoint(Records.at(5.0 * i), 1_900_000_000L + noise.nextInt(8_000_000)));
        }
        LeakReport report = LeakDetector.analyze(new HeapHistory(List.of(), live, List.of()), List.of(),
                AllocationProfile.EMPTY, OldObjectSet.NONE);

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NOT_ENOUGH_DATA);
        assertThat(report.reason()).contains("without class histograms").contains("would not show");
    }

    /**
     * The same large live set with old-object samples: those of one application class were allocated throughout
     * the watch and are all alive at its end (the search for their paths ran out of time). The verdict stays
     * inconclusive, and says where to look.
     */
    @Test
    void onALargeHeapWithoutHistogramsSteadySurvivorsPointAtAClass() {
        Random noise = new Random(7);
        List<LiveSetPoint> live = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            live.add(new LiveSetPoint(Records.at(5.0 * i), 1_900_000_000L + noise.nextInt(8_000_000)));
        }
        List<OldObjectSample> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // one every 5 s, none with a root
            samples.add(new OldObjectSample(Records.at(5.0 * i), Duration.ofSeconds(65 - 5L * i),
                    "com.acme.geo.LookupAudit", 32, -1, -1, List.of(), null, List.of()));
        }
        for (int i = 0; i < 6; i++) { // in flight: allocated in the last second
            samples.add(new OldObjectSample(Records.at(64.5), Duration.ofMillis(500), "com.acme.geo.Request", 32, -1,
                    -1, List.of(), null, List.of()));
        }
        OldObjectSet cutOff = new OldObjectSet(samples, Records.at(65), Duration.ofMillis(250), Duration.ofMillis(600));

        LeakReport report = LeakDetector.analyze(new HeapHistory(List.of(), live, List.of()), List.of(),
                AllocationProfile.EMPTY, cutOff);

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NOT_ENOUGH_DATA);
        assertThat(report.reason()).endsWith("Look at LookupAudit first: 12 of the 18 sampled objects still alive are "
                + "of it, allocated throughout the watch.");
        assertThat(report.suspects()).isEmpty();
    }

    @Test
    void aSmallFlatLiveSetWithoutHistogramsIsStillNoLeak() {
        Random noise = new Random(7);
        List<LiveSetPoint> live = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            live.add(new LiveSetPoint(Records.at(5.0 * i), 20_000_000L + noise.nextInt(200_000)));
        }
        LeakReport report = LeakDetector.analyze(new HeapHistory(List.of(), live, List.of()), List.of(),
                AllocationProfile.EMPTY, OldObjectSet.NONE);

        assertThat(report.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
    }

    @Test
    void aSampleWithoutRootIsNotCalledGarbageWhenTheSearchRanOutOfTime() {
        OldObjectSample noRoot = new OldObjectSample(Records.T0, Duration.ofSeconds(30), "Order", 24, -1, -1,
                List.of(), null, List.of());
        OldObjectSet cutOff = new OldObjectSet(List.of(noRoot), Records.at(60), Duration.ofMillis(250),
                Duration.ofMillis(600));
        OldObjectSet quick = new OldObjectSet(List.of(noRoot), Records.at(60), Duration.ofMillis(12),
                Duration.ofMillis(40));

        assertThat(cutOff.searchCutOff()).isTrue();
        assertThat(quick.searchCutOff()).isFalse();
        assertThat(RootPaths.describeRoot(noRoot, cutOff.searchCutOff())).startsWith("path not searched to the end");
        assertThat(RootPaths.describeRoot(noRoot, quick.searchCutOff())).isEqualTo(RootPaths.UNREACHABLE);
    }

}
