package io.leaklens.ui.snapshots;

import io.leaklens.model.ByteSize;
import io.leaklens.analysis.GrowthSuspects;
import io.leaklens.analysis.SnapshotDiffer;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.PathStep;
import io.leaklens.model.SiteDelta;
import io.leaklens.model.Snapshot;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.SnapshotInfo;
import io.leaklens.store.DiffCsv;
import io.leaklens.store.DiffHtmlReport;
import io.leaklens.ui.Failures;
import io.leaklens.ui.UiExecutor;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import io.leaklens.ui.graph.GraphLink;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Two snapshots compared, as the user filters it: the suspects, the classes by bytes grown (and the top growers
 * and shrinkers for a chart), allocation sites, the old objects that survived, and what holds a selected class.
 */
public final class ComparisonViewModel {

    /** Bars in the chart: enough to see the leak and what it drags along, few enough to read. */
    static final int CHART_GROWERS = 12;
    static final int CHART_SHRINKERS = 4;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Snapshot before;
    private final Snapshot after;
    private GraphLink graphLink = GraphLink.NONE;
    private final UiExecutor executor;
    private SnapshotDiff diff;

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty hideJdk = new SimpleBooleanProperty(this, "hideJdk");
    private final BooleanProperty normalizeNames = new SimpleBooleanProperty(this, "normalizeNames", true);
    private final ObjectProperty<ClassDelta> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ClassDelta> classes = FXCollections.observableArrayList();
    private final ObservableList<ClassDelta> chart = FXCollections.observableArrayList();
    private final ObservableList<LeakSuspect> suspects = FXCollections.observableArrayList();
    private final ObservableList<SiteDelta> sites = FXCollections.observableArrayList();
    private final ObservableList<OldObjectChange> oldObjects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final InvalidationListener refilter = obs -> refilter();
    private final InvalidationListener recompare = obs -> recompare();
    private final InvalidationListener describe = obs -> describeSelected();

    /** An old-object sample of the later snapshot, and whether the earlier one had sampled it too. */
    public record OldObjectChange(OldObjectSample sample, boolean survivor) {
    }

    public ComparisonViewModel(Snapshot before, Snapshot after, SnapshotDiff diff, UiExecutor executor) {
        this.before = before;
        this.after = after;
        this.executor = executor;
        filter.addListener(refilter);
        hideJdk.addListener(refilter);
        normalizeNames.addListener(recompare);
        selected.addListener(describe);
        show(diff);
    }

    private void show(SnapshotDiff shown) {
        this.diff = shown;
        title.set(describe(shown.before()) + "  →  " + describe(shown.after()));
        long grown = shown.bytesAfter() - shown.bytesBefore();
        summary.set(String.format(Locale.ROOT, "%s apart · live objects %s → %s (%s) · %,d classes · "
                        + "old objects: %d sampled in both, %d new",
                duration(shown), ByteSize.format(shown.bytesBefore()), ByteSize.format(shown.bytesAfter()),
                ByteSize.signed(grown), shown.classes().size(), shown.survivors().size(),
                shown.newOldObjects().size()));
        suspects.setAll(shown.suspects());
        verdict.set(shown.suspects().isEmpty()
                ? (shown.between().isNegative() || shown.between().isZero()
                ? "The two snapshots were taken at the same time: nothing to compare over time."
                : "No class grew enough to suspect a leak.")
                : shown.suspects().getFirst().explanation());
        if (!shown.leaks().equals(io.leaklens.model.LeakComparison.UNKNOWN)) {
            verdict.set(shown.leaks().sentence() + "\n" + verdict.get());
        }
        List<OldObjectChange> changes = new ArrayList<>();
        shown.survivors().forEach(s -> changes.add(new OldObjectChange(s, true)));
        shown.newOldObjects().forEach(s -> changes.add(new OldObjectChange(s, false)));
        oldObjects.setAll(changes);
        refilter();
    }

    private void recompare() {
        boolean normalize = normalizeNames.get();
        executor.submit(() -> new SnapshotDiffer(normalize).compare(before, after)).whenComplete((d, failure) -> {
            if (failure == null) {
                show(d);
            } else {
                error.set(true);
                message.set("Could not compare: " + Failures.message(failure));
            }
        });
    }

    private void refilter() {
        Predicate<String> keep = keep();
        List<ClassDelta> rows = diff.classes().stream().filter(c -> keep.test(c.className())).toList();
        classes.setAll(rows);
        List<ClassDelta> bars = new ArrayList<>(rows.stream().filter(c -> c.bytesDelta() > 0).limit(CHART_GROWERS)
                .toList());
        List<ClassDelta> shrinkers = rows.reversed().stream().filter(c -> c.bytesDelta() < 0)
                .limit(CHART_SHRINKERS).toList();
        bars.addAll(shrinkers.reversed());
        chart.setAll(bars);
        sites.setAll(diff.sites().stream().filter(s -> keep.test(s.topClass() == null ? "" : s.topClass())
                || keep.test(s.site().className())).toList());
        if (selected.get() != null && !rows.contains(selected.get())) {
            selected.set(null);
        }
    }

    private Predicate<String> keep() {
        return ClassNames.filter(filter.get(), hideJdk.get());
    }

    /** What the selected class did and what holds it, from its suspect entry or the later snapshot's samples. */
    private void describeSelected() {
        ClassDelta row = selected.get();
        if (row == null) {
            details.set("");
            return;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s%ninstances %,d → %,d (%+,d) · bytes %s → %s (%s)%n", row.className(), row.instancesBefore(),
                row.instancesAfter(), row.instancesDelta(), ByteSize.format(row.bytesBefore()),
                ByteSize.format(row.bytesAfter()), ByteSize.signed(row.bytesDelta())));
        LeakSuspect suspect = suspects.stream().filter(s -> s.className().equals(row.className())).findFirst()
                .orElse(null);
        List<PathStep> path;
        String root;
        if (suspect != null) {
            text.append('\n').append(suspect.explanation()).append('\n');
            path = suspect.pathFromRoot();
            root = suspect.rootDescription();
        } else {
            GrowthSuspects.Held held = GrowthSuspects.heldBy(row.className(), after.oldObjects().samples());
            path = held.path();
            root = held.rootDescription();
        }
        if (path.isEmpty()) {
            text.append("\nNo old-object sample of the later snapshot leads to this class, so its path to a GC root "
                    + "is unknown. Take a snapshot after the target has run a while with LeakLens attached.");
        } else {
            text.append("\nKept alive by ").append(root).append(":\n");
            for (int i = 0; i < path.size(); i++) {
                text.append("  ".repeat(i)).append(i == 0 ? "" : "↳ ").append(path.get(i)).append('\n');
            }
        }
        details.set(text.toString().stripTrailing());
    }

    public void exportCsv(Path file) {
        export(file, () -> DiffCsv.write(diff, file));
    }

    public void exportHtml(Path file) {
        export(file, () -> DiffHtmlReport.write(diff, file));
    }

    private interface Export {
        void run() throws Exception;
    }

    private void export(Path file, Export export) {
        error.set(false);
        message.set("Exporting to " + file.getFileName() + " …");
        executor.submit(() -> {
            export.run();
            return file;
        }).whenComplete((done, failure) -> {
            error.set(failure != null);
            message.set(failure == null ? "Exported to " + done : Failures.message(failure));
        });
    }

    private static String describe(SnapshotInfo info) {
        return info.name() + " (" + CLOCK.format(info.takenAt()) + ")";
    }

    private static String duration(SnapshotDiff d) {
        long s = Math.abs(d.between().toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }

    /** The path of a suspect as one line, root first. */
    public static String pathLine(LeakSuspect suspect) {
        return suspect.pathFromRoot().stream().map(PathStep::toString).collect(Collectors.joining(" → "));
    }

    public SnapshotDiff diff() {
        return diff;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty hideJdkProperty() {
        return hideJdk;
    }

    public BooleanProperty normalizeNamesProperty() {
        return normalizeNames;
    }

    /** Where "Show in graph" goes. */
    public void setGraphLink(GraphLink link) {
        graphLink = link;
    }

    /** Opens the reference graph of the later snapshot at the selected class. */
    public void showSelectedInGraph() {
        if (selected.get() != null) {
            graphLink.show(after.oldObjects(), "Snapshot '" + after.info().name() + "'", selected.get().className());
        }
    }

    public ObjectProperty<ClassDelta> selectedProperty() {
        return selected;
    }

    public ObservableList<ClassDelta> classes() {
        return classes;
    }

    public ObservableList<ClassDelta> chart() {
        return chart;
    }

    public ObservableList<LeakSuspect> suspects() {
        return suspects;
    }

    public ObservableList<SiteDelta> sites() {
        return sites;
    }

    public ObservableList<OldObjectChange> oldObjects() {
        return oldObjects;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void dispose() {
        filter.removeListener(refilter);
        hideJdk.removeListener(refilter);
        normalizeNames.removeListener(recompare);
        selected.removeListener(describe);
    }
}
