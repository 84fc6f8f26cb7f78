package io.leaklens.ui.oldobjects;

import io.leaklens.model.PathStep;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.GcRoot;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.SessionState;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The old-objects view model without a toolkit: only javafx.beans and javafx.collections are involved. */
class OldObjectsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final GcRoot MAIN_STACK = new GcRoot("Threads", "Stack Variable", "main");
    private static final StackFrame RECORD = new StackFrame("com.acme.OrderLog", "record", 31);
    private static final StackFrame CACHE = new StackFrame("com.acme.Cache", "put", 12);
    private static final ReferenceHop ENTRIES =
            new ReferenceHop("java.lang.Class", "Class Name: com.acme.OrderLog", "ENTRIES", true, -1, -1, 0);

    private final AtomicInteger refreshes = new AtomicInteger();
    private final List<Duration> intervals = new ArrayList<>();

    private static SessionState state(ConnectionStatus status, OldObjectSet oldObjects) {
        return new SessionState(new TargetInfo(1, "Shop", "25", "vm", List.of()), status, T0,
                status == ConnectionStatus.CONNECTED ? null : T0.plusSeconds(90),
                status == ConnectionStatus.CONNECTED ? null : "JVM 1 exited", HeapHistory.EMPTY,
                AllocationProfile.EMPTY, oldObjects, "");
    }

    private static SessionState connected(OldObjectSet oldObjects) {
        return state(ConnectionStatus.CONNECTED, oldObjects);
    }

    /** A burst whose pause JFR timed; LeakLens's request took less (it cannot, but so the search's time shows). */
    private static OldObjectSet burst(Duration pause, OldObjectSample... samples) {
        return new OldObjectSet(List.of(samples), T0.plusSeconds(60), pause, Duration.ofMillis(5));
    }

    /** An entry of the static list com.acme.OrderLog.ENTRIES. */
    private static OldObjectSample entry(int index, int ageSeconds) {
        return new OldObjectSample(T0, Duration.ofSeconds(ageSeconds), "com.acme.OrderLog$Entry", 24, -1, 1_000,
                List.of(RECORD), MAIN_STACK, List.of(ENTRIES,
                new ReferenceHop("java.util.ArrayList", null, "elementData", false, -1, -1, 0),
                new ReferenceHop("java.lang.Object[]", null, null, false, index, 4096, 0),
                new ReferenceHop("com.acme.OrderLog$Entry", null, null, false, -1, -1, 0)));
    }

    /** A byte[] held by a local variable of a thread through a map. */
    private static OldObjectSample cached(int ageSeconds) {
        return new OldObjectSample(T0, Duration.ofSeconds(ageSeconds), "byte[]", 4_112, 4_096, 1_000,
                List.of(new StackFrame("java.util.Arrays", "copyOf", 3000), CACHE), MAIN_STACK, List.of(
                new ReferenceHop("java.util.HashMap", null, "table", false, -1, -1, 0),
                new ReferenceHop("java.util.HashMap$Node[]", null, null, false, 3, 16, 0),
                new ReferenceHop("java.util.HashMap$Node", null, "value", false, -1, -1, 0),
                new ReferenceHop("byte[]", null, null, false, -1, 4_096, 0)));
    }

    private OldObjectsViewModel model(SessionState initial) {
        return new OldObjectsViewModel(initial, refreshes::incrementAndGet, intervals::add);
    }

    @Test
    void groupsByClassAndPathWithTheMostSamplesFirst() {
        OldObjectsViewModel model = model(connected(burst(Duration.ofMillis(42),
                cached(10), entry(1, 20), entry(2, 50), entry(3, 30))));

        assertThat(model.groups()).extracting(OldObjectGroup::className, OldObjectGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("com.acme.OrderLog$Entry", 3),
                        org.assertj.core.groups.Tuple.tuple("byte[]", 1));
        OldObjectGroup entries = model.groups().getFirst();
        assertThat(entries.oldest()).isEqualTo(Duration.ofSeconds(50));
        assertThat(entries.totalSize()).isEqualTo(3 * 24);
        assertThat(entries.site()).isEqualTo("com.acme.OrderLog.record(OrderLog.java:31)");
        assertThat(entries.rootKind()).isEqualTo("static field");
        assertThat(entries.root()).isEqualTo("static field com.acme.OrderLog.ENTRIES");
        assertThat(entries.path()).containsExactly(new PathStep("com.acme.OrderLog", "ENTRIES"),
                new PathStep("java.util.ArrayList", "elementData"), new PathStep("java.lang.Object[]", "[]"),
                new PathStep("com.acme.OrderLog$Entry", null));

        OldObjectGroup bytes = model.groups().get(1);
        assertThat(bytes.site()).as("the application's frame, not the JDK's").isEqualTo("com.acme.Cache.put(Cache.java:12)");
        assertThat(bytes.rootKind()).isEqualTo("thread");
        assertThat(bytes.root()).isEqualTo("Threads / Stack Variable / main");
    }

    @Test
    void theSameClassAlongAnotherPathIsAnotherGroup() {
        OldObjectSample elsewhere = new OldObjectSample(T0, Duration.ofSeconds(5), "com.acme.OrderLog$Entry", 24, -1,
                1_000, List.of(RECORD), MAIN_STACK,
                List.of(new ReferenceHop("com.acme.Session", null, "last", false, -1, -1, 0),
                        new ReferenceHop("com.acme.OrderLog$Entry", null, null, false, -1, -1, 0)));
        OldObjectsViewModel model = model(connected(burst(Duration.ofMillis(42), elsewhere, entry(1, 20),
                entry(2, 30))));

        assertThat(model.groups()).extracting(OldObjectGroup::count).containsExactly(2, 1);
        assertThat(model.groups()).extracting(g -> g.path().getFirst().className())
                .containsExactly("com.acme.OrderLog", "com.acme.Session");
    }

    @Test
    void theStatusSaysWhenTheSamplesCameAndHowLongTheTargetPaused() {
        OldObjectsViewModel model = model(connected(burst(Duration.ofMillis(42), entry(1, 20), entry(2, 30))));

        String clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault())
                .format(T0.plusSeconds(60));
        assertThat(model.statusProperty().get()).contains("2 samples", clock, "42 ms");
    }

    @Test
    void theTargetsPauseIsTheWholeRequestWhenJfrTimedOnlyPartOfIt() {
        // On 2 GB live JFR said 250 ms (its search, cut off) while the target's safepoint lasted 420-570 ms.
        OldObjectSet burst = new OldObjectSet(List.of(entry(1, 20)), T0.plusSeconds(60), Duration.ofMillis(250),
                Duration.ofMillis(560));

        assertThat(model(connected(burst)).statusProperty().get()).contains("paused about 560 ms");
    }

    @Test
    void beforeTheFirstBurstTheTextsSaySoAndThereAreNoGroups() {
        OldObjectsViewModel model = model(connected(OldObjectSet.NONE));

        assertThat(model.groups()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Old objects: not refreshed yet");
        assertThat(model.emptyTextProperty().get()).startsWith("No old-object samples yet").contains("Refresh");
    }

    @Test
    void anEmptyBurstIsToldApartFromNoBurstAtAll() {
        OldObjectsViewModel model = model(connected(OldObjectSet.NONE));
        String before = model.emptyTextProperty().get();

        model.update(connected(burst(Duration.ofMillis(7))));

        assertThat(model.groups()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isNotEqualTo(before).contains("no sampled objects left alive");
        assertThat(model.statusProperty().get()).contains("0 samples", "7 ms");
    }

    @Test
    void aNewBurstReplacesTheGroupsAndKeepsTheSelectionWhenItsGroupIsStillThere() {
        OldObjectsViewModel model = model(connected(burst(Duration.ofMillis(42), cached(10), entry(1, 20))));
        model.selectedProperty().set(model.groups().stream()
                .filter(g -> g.className().equals("com.acme.OrderLog$Entry")).findFirst().orElseThrow());

        model.update(connected(burst(Duration.ofMillis(30), entry(1, 25), entry(2, 5))));
        assertThat(model.groups()).extracting(OldObjectGroup::count).containsExactly(2);
        assertThat(model.selectedProperty().get()).isSameAs(model.groups().getFirst());

        model.update(connected(burst(Duration.ofMillis(30), cached(12))));
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void refreshAsksTheTargetOnlyWhileConnected() {
        OldObjectsViewModel model = model(connected(OldObjectSet.NONE));
        assertThat(model.canRefreshProperty().get()).isTrue();

        model.refresh();
        assertThat(refreshes).hasValue(1);
        assertThat(model.statusProperty().get()).startsWith("Asking the target");

        model.update(state(ConnectionStatus.DISCONNECTED, OldObjectSet.NONE));
        assertThat(model.canRefreshProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Old objects: none were collected");
        model.refresh();
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aDisconnectedStateKeepsTheLastBurst() {
        OldObjectSet last = burst(Duration.ofMillis(42), entry(1, 20));
        OldObjectsViewModel model = model(connected(last));

        model.update(state(ConnectionStatus.DISCONNECTED, last));

        assertThat(model.groups()).hasSize(1);
        assertThat(model.statusProperty().get()).contains("1 sample from", "42 ms");
        assertThat(model.canRefreshProperty().get()).isFalse();
    }

    @Test
    void intervalChangesReachTheSessionUntilDisposed() {
        OldObjectsViewModel model = model(connected(OldObjectSet.NONE));
        assertThat(OldObjectsViewModel.INTERVALS).contains(Duration.ZERO, model.intervalProperty().get());
        assertThat(intervals).as("nothing is sent for the initial value").isEmpty();

        model.intervalProperty().set(Duration.ZERO);
        model.intervalProperty().set(Duration.ofMinutes(5));
        assertThat(intervals).containsExactly(Duration.ZERO, Duration.ofMinutes(5));

        model.dispose();
        model.intervalProperty().set(Duration.ofMinutes(1));
        assertThat(intervals).hasSize(2);
    }

    @Test
    void showInGraphGoesToTheChosenHopAndANewSelectionStartsAtTheObjects() {
        OldObjectsViewModel model = model(connected(burst(Duration.ofMillis(42), cached(10), entry(1, 20))));
        List<String> shown = new ArrayList<>();
        model.setGraphLink((source, label, className) -> shown.add(className));
        OldObjectGroup entries = model.groups().stream()
                .filter(g -> g.className().equals("com.acme.OrderLog$Entry")).findFirst().orElseThrow();
        OldObjectGroup bytes = model.groups().stream().filter(g -> g != entries).findFirst().orElseThrow();

        model.selectedProperty().set(entries);
        assertThat(model.selectedHopProperty().get()).isEqualTo(entries.path().getLast());
        model.selectedHopProperty().set(entries.path().get(1));
        model.showSelectedInGraph();
        model.selectedProperty().set(bytes);
        model.showSelectedInGraph();

        assertThat(shown).containsExactly("java.util.ArrayList", "byte[]");
    }
}
