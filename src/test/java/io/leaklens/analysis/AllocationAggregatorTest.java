package io.leaklens.analysis;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.StackFrame;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AllocationAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final StackFrame GROW = new StackFrame("java.util.Arrays", "copyOf", 3512);
    private static final StackFrame RECORD = new StackFrame("com.acme.OrderLog", "record", 31);
    private static final StackFrame RENDER = new StackFrame("com.acme.Invoice", "render", 12);
    private static final StackFrame MAIN = new StackFrame("com.acme.Main", "main", 5);

    private static AllocationSample sample(double second, String type, long weight, StackFrame... stack) {
        return new AllocationSample(T0.plusMillis((long) (second * 1000)), type, weight, List.of(stack), -1);
    }

    @Test
    void anEmptyAggregatorGivesAnEmptyProfile() {
        assertThat(new AllocationAggregator().profile()).isEqualTo(AllocationProfile.EMPTY);
    }

    @Test
    void classesAreRankedByWeightNotBySampleCount() {
        AllocationAggregator aggregator = new AllocationAggregator();
        for (int i = 0; i < 100; i++) {
            aggregator.add(sample(i * 0.1, "com.acme.OrderLog$Entry", 1_000, RECORD, MAIN));
        }
        aggregator.add(sample(5, "byte[]", 10_000_000, RENDER, MAIN)); // one sample, far heavier

        AllocationProfile profile = aggregator.profile();

        assertThat(profile.classes()).extracting(ClassAllocation::className)
                .containsExactly("byte[]", "com.acme.OrderLog$Entry");
        assertThat(profile.totalBytes()).isEqualTo(10_100_000);
        assertThat(profile.samples()).isEqualTo(101);
    }

    /** Equal sums rank by name, so that a recording read in parts ranks as read in one piece. */
    @Test
    void equalWeightsRankTheSameWhateverTheOrderTheyCameIn() {
        String[] names = new String[40];
        for (int i = 0; i < names.length; i++) {
            names[i] = "com.acme.C" + (char) ('A' + (i * 7) % 26) + i;
        }
        AllocationAggregator forward = new AllocationAggregator();
        AllocationAggregator backward = new AllocationAggregator();
        for (int i = 0; i < names.length; i++) {
            forward.add(sample(1, names[i], 1_000, i % 2 == 0 ? RECORD : RENDER, MAIN));
            backward.add(sample(1, names[names.length - 1 - i], 1_000, (names.length - 1 - i) % 2 == 0 ? RECORD
                    : RENDER, MAIN));
        }

        assertThat(forward.profile().classes()).extracting(ClassAllocation::className)
                .isEqualTo(backward.profile().classes().stream().map(ClassAllocation::className).toList())
                .isSorted();
        assertThat(forward.profile().sites()).extracting(s -> s.site() + " " + s.topClass())
                .isEqualTo(backward.profile().sites().stream().map(s -> s.site() + " " + s.topClass()).toList());
    }

    @Test
    void ratesAreBytesPerSecondOfTheEventsOwnTime() {
        AllocationAggregator aggregator = new AllocationAggregator();
        for (int s = 0; s <= 120; s++) { // 2 minutes, 1 MB/s, then a burst in the last 10 s
            aggregator.add(sample(s, "byte[]", s >= 111 ? 4_000_000 : 1_000_000, RENDER));
        }

        ClassAllocation bytes = aggregator.profile().classes().getFirst();

        assertThat(bytes.bytesPerSecond()).isCloseTo((111 * 1e6 + 10 * 4e6) / 120, within(1.0));
        assertThat(bytes.recentBytesPerSecond()).isCloseTo((50 * 1e6 + 10 * 4e6) / 60, within(1.0));
        assertThat(bytes.recentRates()).hasSize(60);
        assertThat(bytes.recentRates()[59]).isEqualTo(4_000_000);
        assertThat(bytes.recentRates()[0]).isEqualTo(1_000_000);
    }

    @Test
    void theSiteIsTheInnermostApplicationFrame() {
        AllocationAggregator aggregator = new AllocationAggregator();
        aggregator.add(sample(0, "java.lang.Object[]", 5_000, GROW, RECORD, MAIN));
        aggregator.add(sample(1, "com.acme.OrderLog$Entry", 3_000, RECORD, MAIN));
        aggregator.add(sample(2, "byte[]", 1_000, GROW)); // all JDK: the innermost frame stands

        List<SiteAllocation> sites = aggregator.profile().sites();

        assertThat(sites).extracting(SiteAllocation::site).containsExactly(RECORD, GROW);
        assertThat(sites.getFirst().bytes()).isEqualTo(8_000);
        assertThat(sites.getFirst().topClass()).isEqualTo("java.lang.Object[]");
        assertThat(sites.getFirst().stack()).containsExactly(GROW, RECORD, MAIN);
        assertThat(sites.getFirst().site()).hasToString("com.acme.OrderLog.record(OrderLog.java:31)");
    }

    @Test
    void sampleWithoutAStackCountsUnderAnUnknownSite() {
        AllocationAggregator aggregator = new AllocationAggregator();
        aggregator.add(sample(0, "byte[]", 100));

        assertThat(aggregator.profile().sites().getFirst().site().className()).isEqualTo("(no stack trace)");
    }

    @Test
    void beyondTheLimitNewClassesAreCountedAsOther() {
        AllocationAggregator aggregator = new AllocationAggregator();
        for (int i = 0; i < AllocationAggregator.MAX_KEYS + 50; i++) {
            aggregator.add(sample(0, "gen.C" + i, 1, new StackFrame("gen.C" + i, "make", 1)));
        }

        AllocationProfile profile = aggregator.profile();

        assertThat(profile.classes()).hasSize(AllocationAggregator.PROFILE_ROWS);
        assertThat(profile.classes().getFirst().className()).isEqualTo(AllocationAggregator.OTHER);
        assertThat(profile.classes().getFirst().bytes()).isEqualTo(50);
        assertThat(profile.sites().getFirst().site().className()).isEqualTo(AllocationAggregator.OTHER);
    }

    @Test
    void eachClassKnowsWhereMostOfItIsAllocated() {
        AllocationAggregator aggregator = new AllocationAggregator();
        aggregator.add(sample(0, "byte[]", 1_000, RENDER, MAIN));
        aggregator.add(sample(1, "byte[]", 5_000, GROW, RECORD, MAIN));
        aggregator.add(sample(2, "byte[]", 2_000, RENDER, MAIN));

        assertThat(aggregator.profile().classes().getFirst().topSite()).isEqualTo(RECORD);
    }

    @Test
    void eachThreadsFirstSampleIsLeftOutBecauseItWeighsWhatCameBefore() {
        AllocationAggregator aggregator = new AllocationAggregator();
        StackFrame[] stack = {RENDER};
        aggregator.add(new AllocationSample(T0, "byte[]", 900_000_000, List.of(stack), 7)); // since the thread began
        aggregator.add(new AllocationSample(T0.plusSeconds(1), "byte[]", 1_000, List.of(stack), 7));
        aggregator.add(new AllocationSample(T0.plusSeconds(2), "byte[]", 800_000_000, List.of(stack), 8));
        aggregator.add(new AllocationSample(T0.plusSeconds(3), "byte[]", 2_000, List.of(stack), 8));

        AllocationProfile profile = aggregator.profile();

        assertThat(profile.totalBytes()).isEqualTo(3_000);
        assertThat(profile.samples()).isEqualTo(2);
    }

    @Test
    void samplesWithoutAStackHaveASiteThatSaysSo() {
        AllocationAggregator aggregator = new AllocationAggregator();
        aggregator.add(sample(0, "java.lang.String", 100));

        SiteAllocation site = aggregator.profile().sites().getFirst();

        assertThat(site.site()).hasToString("(no stack trace)");
    }

    @Test
    void monitoringThreadsSamplesAreSummedApartAndNeverRanked() {
        AllocationAggregator aggregator = new AllocationAggregator();
        StackFrame serve = new StackFrame("java.io.ObjectInputStream", "readObject", 500);
        aggregator.add(new AllocationSample(T0, "byte[]", 1_000, List.of(RENDER), 7));
        aggregator.add(new AllocationSample(T0.plusSeconds(1), "byte[]", 2_000, List.of(RENDER), 7));
        aggregator.add(new AllocationSample(T0, "byte[]", 50_000_000, List.of(serve), 30, true)); // since it began
        aggregator.add(new AllocationSample(T0.plusSeconds(2), "byte[]", 60_000, List.of(serve), 30, true));
        aggregator.add(new AllocationSample(T0.plusSeconds(4), "int[]", 40_000, List.of(serve), 30, true));

        AllocationProfile profile = aggregator.profile();

        assertThat(profile.samples()).isEqualTo(1);
        assertThat(profile.totalBytes()).isEqualTo(2_000);
        assertThat(profile.classes()).extracting(ClassAllocation::className).containsExactly("byte[]");
        assertThat(profile.sites()).extracting(SiteAllocation::site).containsExactly(RENDER);
        assertThat(profile.monitoringBytes()).as("their thread's first sample is left out too").isEqualTo(100_000);
        assertThat(profile.span()).as("the time the samples cover").isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(profile.monitoringBytesPerSecond()).isEqualTo(100_000 / 3.0);
        assertThat(profile.describeMonitoring()).isEqualTo(
                "32.6 KB/s by the JVM's monitoring threads (JMX, JFR, attach)");
    }

    @Test
    void aThreadsEarliestSampleIsLeftOutEvenWhenItComesLater() {
        // A file read unordered can hand a thread's samples over out of time order.
        AllocationAggregator aggregator = new AllocationAggregator();
        StackFrame[] stack = {RENDER};
        aggregator.add(new AllocationSample(T0.plusSeconds(1), "byte[]", 1_000, List.of(stack), 7));
        aggregator.add(new AllocationSample(T0.plusSeconds(2), "byte[]", 2_000, List.of(stack), 7));
        aggregator.add(new AllocationSample(T0, "byte[]", 900_000_000, List.of(stack), 7)); // the earliest

        AllocationProfile profile = aggregator.profile();

        assertThat(profile.totalBytes()).isEqualTo(3_000);
        assertThat(profile.samples()).isEqualTo(2);
        assertThat(profile.from()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void theProfileDoesNotDependOnTheOrderOfTheSamples() {
        List<AllocationSample> samples = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        StackFrame[][] stacks = {{GROW, RECORD, MAIN}, {RECORD, MAIN}, {RENDER, MAIN}, {GROW}};
        String[] classes = {"byte[]", "com.acme.OrderLog$Entry", "java.lang.Object[]"};
        for (int i = 0; i < 2_000; i++) {
            // Two minutes (so the rate window has dropped some), equal weights now and then.
            samples.add(new AllocationSample(T0.plusMillis(i * 60L), classes[random.nextInt(3)],
                    1_000L * (1 + random.nextInt(20)), List.of(stacks[random.nextInt(stacks.length)]),
                    random.nextInt(5)));
        }
        AllocationAggregator inOrder = new AllocationAggregator();
        samples.stream().sorted(java.util.Comparator.comparing(AllocationSample::time)).forEach(inOrder::add);
        java.util.Collections.shuffle(samples, random);
        AllocationAggregator shuffled = new AllocationAggregator();
        samples.forEach(shuffled::add);

        assertSameProfile(shuffled.profile(), inOrder.profile());
    }

    @Test
    void twoPartsMergedGiveWhatTheWholeGives() {
        // A recording read in two parts: the later part has the same threads, some of them with earlier samples.
        java.util.Random random = new java.util.Random(11);
        StackFrame[][] stacks = {{GROW, RECORD, MAIN}, {RECORD, MAIN}, {RENDER, MAIN}, {GROW}, {}};
        String[] classes = {"byte[]", "com.acme.OrderLog$Entry", "java.lang.Object[]"};
        List<AllocationSample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            int thread = random.nextInt(8) - 1;
            samples.add(new AllocationSample(T0.plusMillis(random.nextInt(150_000)), classes[random.nextInt(3)],
                    1_000L * (1 + random.nextInt(20)), List.of(stacks[random.nextInt(stacks.length)]), thread,
                    thread >= 6)); // one thread serves JMX
        }
        AllocationAggregator whole = new AllocationAggregator();
        samples.forEach(whole::add);
        AllocationAggregator first = new AllocationAggregator();
        AllocationAggregator second = new AllocationAggregator();
        samples.subList(0, 1_700).forEach(first::add);
        samples.subList(1_700, samples.size()).forEach(second::add);
        AllocationAggregator merged = new AllocationAggregator();
        merged.merge(first);
        merged.merge(second);

        assertThat(merged.reachedABound()).isFalse();
        assertThat(whole.profile().monitoringBytes()).isPositive();
        assertSameProfile(merged.profile(), whole.profile());
    }

    private static void assertSameProfile(AllocationProfile actual, AllocationProfile expected) {
        assertThat(actual.samples()).isEqualTo(expected.samples());
        assertThat(actual.totalBytes()).isEqualTo(expected.totalBytes());
        assertThat(actual.monitoringBytes()).isEqualTo(expected.monitoringBytes());
        assertThat(actual.from()).isEqualTo(expected.from());
        assertThat(actual.to()).isEqualTo(expected.to());
        assertThat(actual.classes()).usingRecursiveFieldByFieldElementComparator().isEqualTo(expected.classes());
        assertThat(actual.sites()).usingRecursiveFieldByFieldElementComparator().isEqualTo(expected.sites());
    }

    @Test
    void anAggregatorPastABoundSaysSo() {
        AllocationAggregator aggregator = new AllocationAggregator();
        for (int i = 0; i < AllocationAggregator.MAX_KEYS; i++) {
            aggregator.add(sample(0, "gen.C" + i, 1, new StackFrame("gen.C" + i, "make", 1)));
        }
        assertThat(aggregator.reachedABound()).isFalse();

        aggregator.add(sample(0, "gen.Late", 1, new StackFrame("gen.Late", "make", 1)));

        assertThat(aggregator.reachedABound()).isTrue();
    }
}
