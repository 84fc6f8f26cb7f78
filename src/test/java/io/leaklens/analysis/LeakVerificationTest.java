package io.leaklens.analysis;

import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.RuleResult;
import io.leaklens.model.RuleStatus;
import io.leaklens.model.Snapshot;
import io.leaklens.support.Snapshots;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeakVerificationTest {

    private static final RuleResult RULE = new RuleResult("Class histograms", RuleStatus.SIGNAL, 1, 1, "", "");

    private static Snapshot with(LeakVerdict verdict, String suspect) {
        Snapshot s = Snapshots.shop("s", 60);
        List<LeakSuspect> suspects = suspect == null ? List.of() : List.of(new LeakSuspect(suspect, 1, 1, 1, null,
                null, null, List.of(), "grows"));
        return new Snapshot(s.info(), s.heap(), s.histogram(), s.allocations(), s.oldObjects(),
                new LeakReport(verdict, 0.5, "why", List.of(RULE), suspects, null));
    }

    @Test
    void aLeakThatIsGoneIsFixed() {
        assertThat(LeakVerification.compare(with(LeakVerdict.LEAK, Snapshots.ENTRY), with(LeakVerdict.NO_LEAK, null)))
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo("fixed");
                    assertThat(c.sentence()).isEqualTo("Fixed: OrderLog$Entry leaked in the earlier session; the "
                            + "later session's rules find no leak.");
                });
    }

    @Test
    void theSameClassStillGrowingIsStillLeaking() {
        assertThat(LeakVerification.compare(with(LeakVerdict.LEAK, Snapshots.ENTRY),
                with(LeakVerdict.LEAK, Snapshots.ENTRY)).sentence())
                .isEqualTo("Still leaking: OrderLog$Entry keeps growing at both snapshots."); // one JVM: one session
        assertThat(LeakVerification.compare(with(LeakVerdict.LEAK, Snapshots.ENTRY),
                with(LeakVerdict.LEAK, "com.acme.Other")).outcome()).isEqualTo("other-leak");
        assertThat(LeakVerification.compare(with(LeakVerdict.NO_LEAK, null),
                with(LeakVerdict.LEAK, "com.acme.Other")).outcome()).isEqualTo("new-leak");
    }

    @Test
    void tooShortASessionCannotTell() {
        assertThat(LeakVerification.compare(with(LeakVerdict.LEAK, Snapshots.ENTRY),
                with(LeakVerdict.NOT_ENOUGH_DATA, null)).sentence())
                .isEqualTo("The later session did not watch long enough to tell (50 % of the evidence); the earlier "
                        + "one leaked OrderLog$Entry.");
    }

    @Test
    void snapshotsWithoutVerdictsAreUnknown() {
        assertThat(LeakVerification.compare(Snapshots.shop("a", 60), Snapshots.shop("b", 120)).outcome())
                .isEqualTo("unknown");
    }
}
