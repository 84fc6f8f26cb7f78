package io.leaklens.ui.leaks;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.PathStep;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;
import io.leaklens.model.SessionState;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final TargetInfo TARGET = new TargetInfo(7, "Shop", "25", "vm", List.of());
    private static final RuleResult WAITING = new RuleResult("Class histograms", RuleStatus.NOT_ENOUGH_DATA, 0, 0.5,
            "2 of 4 histograms", "Needs 4 class histograms over at least 40 s.");
    private static final LeakSuspect ENTRY = new LeakSuspect("com.acme.OrderLog$Entry", 0.95, 40_000, 1000,
            new StackFrame("com.acme.OrderLog", "record", 31), "static field",
            "static field com.acme.OrderLog.ENTRIES", List.of(new PathStep("com.acme.OrderLog", "ENTRIES"),
            new PathStep("java.util.ArrayList", "elementData"), new PathStep("java.lang.Object[]", "[]"),
            new PathStep("com.acme.OrderLog$Entry", null)), "OrderLog.ENTRIES (a static ArrayList) gains 1,000 "
            + "OrderLog$Entry per second (+39.1 KB/s), allocated in OrderLog.record(OrderLog.java:31); nothing "
            + "removes them.");

    private static SessionState state(LeakReport report) {
        return new SessionState(TARGET, ConnectionStatus.CONNECTED, T0, null, null, HeapHistory.EMPTY,
                AllocationProfile.EMPTY, OldObjectSet.NONE, "", List.of(), report);
    }

    @Test
    void whileCollectingItSaysHowMuchEvidenceIsIn() {
        LeaksViewModel model = new LeaksViewModel(state(new LeakReport(LeakVerdict.NOT_ENOUGH_DATA, 0.5,
                "Not enough data yet: needs 4 class histograms over at least 40 s.", List.of(WAITING), List.of(),
                null)));

        assertThat(model.headlineProperty().get()).isEqualTo("Not enough data yet (50 % of the evidence)");
        assertThat(model.progressProperty().get()).isEqualTo(0.5);
        assertThat(model.rules()).containsExactly(WAITING);
        assertThat(model.suspects()).isEmpty();
        assertThat(model.costProperty().get()).isEqualTo("No class histogram yet.");
    }

    @Test
    void histogramsSkippedForTheirPauseAreSaidInsteadOfTheirCost() {
        String off = "Class histograms are off: each would pause this JVM about 1.9 s (the heap holds 2.10 GB); the "
                + "leak rules read the live set and old objects instead.";
        SessionState skipping = new SessionState(TARGET, ConnectionStatus.CONNECTED, T0, null, null,
                HeapHistory.EMPTY, AllocationProfile.EMPTY, OldObjectSet.NONE, "", List.of(), LeakReport.NONE, off);

        assertThat(new LeaksViewModel(skipping).costProperty().get())
                .isEqualTo(off + " Take snapshot asks before pausing it.");
    }

    @Test
    void aLeakSelectsTheTopSuspectAndTellsItsStory() {
        LeaksViewModel model = new LeaksViewModel(state(LeakReport.NONE));

        model.update(state(new LeakReport(LeakVerdict.LEAK, 1, ENTRY.explanation(), List.of(), List.of(ENTRY),
                T0.plusSeconds(45))));

        assertThat(model.headlineProperty().get()).isEqualTo("Leak: 1 suspect");
        assertThat(model.reasonProperty().get()).endsWith("(first seen after 45 s of watching)");
        assertThat(model.selectedProperty().get()).isEqualTo(ENTRY);
        assertThat(model.detailsProperty().get()).contains("Growth: 1,000.0 instances/s, +39.1 KB/s")
                .contains("Allocated in: com.acme.OrderLog.record(OrderLog.java:31)")
                .contains("Held by static field com.acme.OrderLog.ENTRIES:\ncom.acme.OrderLog.ENTRIES\n"
                        + "  ↳ java.util.ArrayList.elementData\n    ↳ java.lang.Object[] element");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void noLeakSaysSo() {
        LeaksViewModel model = new LeaksViewModel(state(new LeakReport(LeakVerdict.NO_LEAK, 1,
                "No leak: across 6 histograms over 75 s, no class gained live instances steadily.", List.of(),
                List.of(), null)));

        assertThat(model.headlineProperty().get()).isEqualTo("No leak");
        assertThat(model.verdictProperty().get()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(model.detailsProperty().get()).isEmpty();
    }
}
