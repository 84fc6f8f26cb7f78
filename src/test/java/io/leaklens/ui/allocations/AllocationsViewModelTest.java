package io.leaklens.ui.allocations;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.SessionState;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final StackFrame RECORD = new StackFrame("com.acme.OrderLog", "record", 31);
    private static final StackFrame RENDER = new StackFrame("com.acme.Invoice", "render", 12);

    private static SessionState state(AllocationProfile profile, String jfrStatus) {
        return new SessionState(new TargetInfo(1, "Shop", "25", "vm", List.of()), ConnectionStatus.CONNECTED, T0,
                null, null, HeapHistory.EMPTY, profile, OldObjectSet.NONE, jfrStatus);
    }

    private static ClassAllocation clazz(String name, double session, double recent) {
        return new ClassAllocation(name, (long) session * 100, session, recent, new double[60], null);
    }

    private static final AllocationProfile PROFILE = new AllocationProfile(T0, T0.plusSeconds(100), 5_000, 600_000_000,
            List.of(clazz("byte[]", 5_000_000, 1_000_000), clazz("com.acme.OrderLog$Entry", 1_000_000, 3_000_000),
                    clazz("java.lang.String", 500_000, 500_000)),
            List.of(new SiteAllocation(RENDER, "byte[]", 500_000_000, 5_000_000, 1_000_000, new double[60],
                            List.of(RENDER)),
                    new SiteAllocation(RECORD, "com.acme.OrderLog$Entry", 100_000_000, 1_000_000, 3_000_000,
                            new double[60], List.of(RECORD))), 0);

    @Test
    void ranksByTheLastMinuteOrByTheSession() {
        AllocationsViewModel model = new AllocationsViewModel(state(PROFILE, ""));

        assertThat(model.classes()).extracting(AllocationRow::name)
                .containsExactly("com.acme.OrderLog$Entry", "byte[]", "java.lang.String");
        assertThat(model.classes().getFirst().share()).isEqualTo(3.0 / 4.5);

        model.periodProperty().set(AllocationPeriod.SESSION);

        assertThat(model.classes()).extracting(AllocationRow::name)
                .containsExactly("byte[]", "com.acme.OrderLog$Entry", "java.lang.String");
        assertThat(model.sites().getFirst().name()).isEqualTo("com.acme.Invoice.render(Invoice.java:12)");
    }

    @Test
    void filtersByNameAndHidesTheJdksClasses() {
        AllocationsViewModel model = new AllocationsViewModel(state(PROFILE, ""));

        model.hideJdkProperty().set(true);
        assertThat(model.classes()).extracting(AllocationRow::name).containsExactly("com.acme.OrderLog$Entry");

        model.hideJdkProperty().set(false);
        model.filterProperty().set("STRING");
        assertThat(model.classes()).extracting(AllocationRow::name).containsExactly("java.lang.String");

        model.filterProperty().set("orderlog");
        assertThat(model.sites()).extracting(AllocationRow::detail).containsExactly("com.acme.OrderLog$Entry");
    }

    @Test
    void theSelectedSiteSurvivesAnUpdate() {
        AllocationsViewModel model = new AllocationsViewModel(state(PROFILE, ""));
        model.periodProperty().set(AllocationPeriod.SESSION);
        model.selectedSiteProperty().set(model.sites().get(1));
        assertThat(model.selectedSiteProperty().get().stack()).containsExactly(RECORD);

        model.periodProperty().set(AllocationPeriod.LAST_MINUTE); // the rows change order and are new objects
        model.update(state(PROFILE, ""));

        assertThat(model.sites().getFirst().stack()).containsExactly(RECORD);
        assertThat(model.selectedSiteProperty().get()).isSameAs(model.sites().getFirst());
    }

    @Test
    void anEmptyTableSaysWhy() {
        AllocationsViewModel model = new AllocationsViewModel(state(AllocationProfile.EMPTY, ""));
        assertThat(model.emptyTextProperty().get()).startsWith("Waiting for the first allocation samples");

        model.update(state(AllocationProfile.EMPTY, "JFR is not available in this JVM"));
        assertThat(model.emptyTextProperty().get()).isEqualTo("JFR is not available in this JVM");
        assertThat(model.summaryProperty().get()).isEmpty();
    }

    @Test
    void whatTheMonitoringThreadsAllocatedIsSaidNotShown() {
        AllocationProfile withMonitoring = new AllocationProfile(PROFILE.from(), PROFILE.to(), PROFILE.samples(),
                PROFILE.totalBytes(), PROFILE.classes(), PROFILE.sites(), 20_480_000);
        AllocationsViewModel model = new AllocationsViewModel(state(withMonitoring, ""));

        assertThat(model.summaryProperty().get()).isEqualTo("5,000 samples standing for 572 MB over 100 s"
                + " · 5.72 MB/s on average · not shown: 200 KB/s by the JVM's monitoring threads (JMX, JFR, attach)");

        AllocationProfile onlyMonitoring = new AllocationProfile(PROFILE.from(), PROFILE.to(), 0, 0, List.of(),
                List.of(), 20_480_000);
        model.update(state(onlyMonitoring, "Streaming allocation samples"));

        assertThat(model.classes()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("The application has allocated nothing sampled yet;"
                + " not shown: 200 KB/s by the JVM's monitoring threads (JMX, JFR, attach), LeakLens's own work in"
                + " the target among it.");
    }
}
