package io.leaklens.analysis;

import io.leaklens.model.ClassDelta;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.PathStep;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.support.Snapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotDifferTest {

    private final Snapshot before = Snapshots.shop("before", 60);
    private final Snapshot after = Snapshots.shop("after", 120);

    @Test
    void classesAreRankedByBytesGrown() {
        SnapshotDiff diff = new SnapshotDiffer().compare(before, after);

        assertThat(diff.classes()).extracting(ClassDelta::className).startsWith("byte[]", Snapshots.ENTRY,
                "java.lang.Object[]");
        ClassDelta entry = diff.classes().get(1);
        assertThat(entry.instancesDelta()).isEqualTo(60_000);
        assertThat(entry.bytesDelta()).isEqualTo(2_400_000);
        assertThat(entry.growthPercent()).isEqualTo(100.0);
        assertThat(diff.between().toSeconds()).isEqualTo(60);
    }

    @Test
    void theLeakingApplicationClassIsTheFirstSuspectWithItsSiteAndRoot() {
        SnapshotDiff diff = new SnapshotDiffer().compare(before, after);

        LeakSuspect first = diff.suspects().getFirst();
        assertThat(first.className()).isEqualTo(Snapshots.ENTRY);
        assertThat(first.growthInstancesPerSecond()).isEqualTo(1000.0);
        assertThat(first.allocationSite()).isEqualTo(Snapshots.RECORD_SITE);
        assertThat(first.rootKind()).isEqualTo("static field");
        assertThat(first.rootDescription()).isEqualTo("static field com.acme.OrderLog.ENTRIES");
        assertThat(first.pathFromRoot()).containsExactly(new PathStep("com.acme.OrderLog", "ENTRIES"),
                new PathStep("java.util.ArrayList", "elementData"), new PathStep("java.lang.Object[]", "[]"),
                new PathStep(Snapshots.ENTRY, null));
        assertThat(first.explanation()).startsWith("com.acme.OrderLog$Entry gained 60,000 live instances")
                .contains("allocated in com.acme.OrderLog.record(OrderLog.java:31)")
                .contains("Held by static field com.acme.OrderLog.ENTRIES");
        assertThat(diff.suspects()).extracting(LeakSuspect::className)
                .doesNotContain("com.acme.PriceCache$Node", "java.lang.String");
    }

    @Test
    void nothingGrownIsNothingSuspected() {
        SnapshotDiff diff = new SnapshotDiffer().compare(after, after);

        assertThat(diff.suspects()).isEmpty();
        assertThat(diff.classes()).allMatch(c -> c.bytesDelta() == 0);
    }

    @Test
    void oldObjectsSeenInBothAreSurvivors() {
        SnapshotDiff diff = new SnapshotDiffer().compare(before, after);

        // Both snapshots sampled the entry allocated at T0 + 1 s; the later one also samples a newer entry.
        assertThat(diff.survivors()).hasSize(1);
        assertThat(diff.newOldObjects()).hasSize(1);
    }

    @Test
    void generatedNamesCompareAcrossRunsOnlyWhenNormalised() {
        Snapshot otherRun = new Snapshot(after.info(), after.heap(), new io.leaklens.model.ClassHistogram(
                after.histogram().classes().stream().map(e -> e.className().contains("Lambda")
                        ? new io.leaklens.model.HistogramEntry("com.acme.Shop$$Lambda/0x0000000001000000",
                        e.instances(), e.bytes()) : e).toList(), 0, 0, java.time.Duration.ZERO),
                after.allocations(), after.oldObjects());

        assertThat(new SnapshotDiffer(true).compare(before, otherRun).classes())
                .filteredOn(c -> c.className().contains("Lambda")).singleElement()
                .satisfies(c -> assertThat(c.bytesDelta()).isZero());
        assertThat(new SnapshotDiffer(false).compare(before, otherRun).classes())
                .filteredOn(c -> c.className().contains("Lambda")).hasSize(2);
    }
}
