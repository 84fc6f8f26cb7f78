package io.leaklens.ui.snapshots;

import io.leaklens.analysis.SnapshotDiffer;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.Snapshot;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.UiExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonViewModelTest {

    private final Snapshot before = Snapshots.shop("before", 60);
    private final Snapshot after = Snapshots.shop("after", 120);
    private final ComparisonViewModel model = new ComparisonViewModel(before, after,
            new SnapshotDiffer().compare(before, after), UiExecutor.direct());

    @Test
    void theSummarySaysHowFarApartAndHowMuchGrew() {
        assertThat(model.summaryProperty().get()).startsWith("60 s apart · live objects ")
                .contains("old objects: 1 sampled in both, 1 new");
    }

    @Test
    void filtersNarrowTheTableTheChartAndTheSites() {
        model.hideJdkProperty().set(true);

        assertThat(model.classes()).extracting(ClassDelta::className).containsExactly(Snapshots.ENTRY,
                "com.acme.PriceCache$Node", "com.acme.Shop$$Lambda");
        assertThat(model.chart()).extracting(ClassDelta::className).containsExactly(Snapshots.ENTRY);

        model.hideJdkProperty().set(false);
        model.filterProperty().set("ORDERLOG");
        assertThat(model.classes()).extracting(ClassDelta::className).containsExactly(Snapshots.ENTRY);
        assertThat(model.sites()).hasSize(1);

        model.filterProperty().set("no such class");
        assertThat(model.classes()).isEmpty();
        assertThat(model.sites()).isEmpty();
    }

    @Test
    void theSelectedClassShowsWhatKeepsItAlive() {
        ClassDelta entry = model.classes().stream().filter(c -> c.className().equals(Snapshots.ENTRY)).findFirst()
                .orElseThrow();

        model.selectedProperty().set(entry);

        assertThat(model.detailsProperty().get()).contains("instances 60,000 → 120,000 (+60,000)")
                .contains("Kept alive by static field com.acme.OrderLog.ENTRIES:")
                .contains("com.acme.OrderLog.ENTRIES\n  ↳ java.util.ArrayList.elementData");
    }

    @Test
    void aClassWithoutSamplesSaysItsPathIsUnknown() {
        ClassDelta string = model.classes().stream().filter(c -> c.className().equals("java.lang.String"))
                .findFirst().orElseThrow();

        model.selectedProperty().set(string);

        assertThat(model.detailsProperty().get()).contains("its path to a GC root is unknown");
    }

    @Test
    void mergingGeneratedNamesCanBeSwitchedOff() {
        model.normalizeNamesProperty().set(false);

        assertThat(model.classes()).extracting(ClassDelta::className)
                .contains("com.acme.Shop$$Lambda/0x000000000c154210");
    }
}
