package io.leaklens.ui.leaks;

import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.PathStep;
import io.leaklens.model.RuleResult;
import io.leaklens.model.SessionState;
import io.leaklens.model.TimedHistogram;
import io.leaklens.ui.graph.GraphLink;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;

/**
 * The leak rules' answer for the "Leak suspects" panel: the verdict with how much evidence is in, each rule's sign,
 * the suspects ranked by score, and the selected suspect's story (what grows, where it is allocated, what holds it).
 */
public final class LeaksViewModel {

    private final ReadOnlyObjectWrapper<LeakVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict",
            LeakVerdict.NOT_ENOUGH_DATA);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ObservableList<RuleResult> rules = FXCollections.observableArrayList();
    private final ObservableList<LeakSuspect> suspects = FXCollections.observableArrayList();
    private final ObjectProperty<LeakSuspect> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ChangeListener<LeakSuspect> describe = (obs, old, suspect) -> showDetails();
    private final MapChangeListener<String, String> dumpFound = change -> showDetails();
    private HeapDumpLookup heapDumpLookup;
    private LeakReport shown;
    private GraphLink graphLink = GraphLink.NONE;

    public LeaksViewModel(SessionState initial) {
        selected.addListener(describe);
        update(initial);
    }

    public void update(SessionState state) {
        cost.set(cost(state));
        LeakReport report = state.leaks();
        if (report == shown) {
            return;
        }
        shown = report;
        verdict.set(report.verdict());
        progress.set(report.verdict() == LeakVerdict.NOT_ENOUGH_DATA ? report.progress() : 1);
        headline.set(switch (report.verdict()) {
            case LEAK -> report.suspects().size() == 1 ? "Leak: 1 suspect" : "Leak: " + report.suspects().size()
                    + " suspects";
            case NO_LEAK -> "No leak";
            case NOT_ENOUGH_DATA -> String.format(Locale.ROOT, "Not enough data yet (%.0f %% of the evidence)",
                    100 * report.progress());
        });
        reason.set(report.detectedAt() == null || report.verdict() != LeakVerdict.LEAK ? report.reason()
                : report.reason() + String.format(Locale.ROOT, "  (first seen after %d s of watching)",
                java.time.Duration.between(state.connectedAt(), report.detectedAt()).toSeconds()));
        rules.setAll(report.rules());
        LeakSuspect before = selected.get();
        suspects.setAll(report.suspects());
        LeakSuspect again = before == null ? null : report.suspects().stream()
                .filter(s -> s.className().equals(before.className())).findFirst().orElse(null);
        selected.set(again != null ? again : report.suspects().isEmpty() ? null : report.suspects().getFirst());
        showDetails();
    }

    /** The selected suspect's story, and what a heap dump said of its class when one was looked in. */
    private void showDetails() {
        LeakSuspect suspect = selected.get();
        String fromDump = suspect == null || heapDumpLookup == null ? null
                : heapDumpLookup.found().get(suspect.className());
        details.set(fromDump == null ? describe(suspect) : describe(suspect) + "\n\n" + fromDump);
    }

    /** Lets the user find a suspect in a heap dump of the target: a live session only. */
    public void setHeapDumpLookup(HeapDumpLookup lookup) {
        heapDumpLookup = lookup;
        lookup.found().addListener(dumpFound);
    }

    /** Finding suspects in a heap dump, or null when there is no running target. */
    public HeapDumpLookup heapDumpLookup() {
        return heapDumpLookup;
    }

    /** What the rules cost the target: each histogram is a full GC, skipped when it would pause it too long. */
    static String cost(SessionState state) {
        if (!state.histogramStatus().isEmpty()) {
            return state.histogramStatus() + " Take snapshot asks before pausing it.";
        }
        List<TimedHistogram> histograms = state.histograms();
        if (histograms.isEmpty()) {
            return state.target().pid() == 0 ? "A recording has no class histograms: the rules read the live set "
                    + "and the old-object samples." : "No class histogram yet.";
        }
        TimedHistogram last = histograms.getLast();
        return String.format(Locale.ROOT, "%d class histograms so far; the last paused the target for %d ms "
                + "(%s).", histograms.size(), last.histogram().took().toMillis(),
                last.histogram().liveOnly() ? "a full GC" : "a walk of the heap, to measure it");
    }

    static String describe(LeakSuspect suspect) {
        if (suspect == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(suspect.explanation()).append("\n\n");
        if (!Double.isNaN(suspect.growthInstancesPerSecond())) {
            text.append(String.format(Locale.ROOT, "Growth: %,.1f instances/s, %s%n", suspect.growthInstancesPerSecond(),
                    io.leaklens.model.ByteSize.signedRate(suspect.growthBytesPerSecond())));
        }
        text.append("Allocated in: ").append(suspect.allocationSite() == null ? "unknown (no allocation sample yet)"
                : suspect.allocationSite()).append('\n');
        if (suspect.pathFromRoot().isEmpty()) {
            text.append("Held by: unknown yet; no old-object sample leads to it (refresh old objects).");
        } else {
            text.append("Held by ").append(suspect.rootDescription()).append(":\n");
            List<PathStep> path = suspect.pathFromRoot();
            for (int i = 0; i < path.size(); i++) {
                text.append("  ".repeat(i)).append(i == 0 ? "" : "↳ ").append(path.get(i)).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    public ReadOnlyObjectProperty<LeakVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costProperty() {
        return cost.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObservableList<RuleResult> rules() {
        return rules;
    }

    public ObservableList<LeakSuspect> suspects() {
        return suspects;
    }

    /** Where "Show in graph" goes. */
    public void setGraphLink(GraphLink link) {
        graphLink = link;
    }

    /** Opens the reference graph at the selected suspect, with the path that keeps it alive. */
    public void showSelectedInGraph() {
        if (selected.get() != null) {
            graphLink.show(null, null, selected.get().className());
        }
    }

    public ObjectProperty<LeakSuspect> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public void dispose() {
        selected.removeListener(describe);
        if (heapDumpLookup != null) {
            heapDumpLookup.found().removeListener(dumpFound);
        }
    }
}
