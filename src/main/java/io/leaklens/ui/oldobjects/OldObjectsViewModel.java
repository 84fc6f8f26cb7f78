package io.leaklens.ui.oldobjects;

import io.leaklens.model.PathStep;
import io.leaklens.analysis.RootPaths;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.SessionState;
import io.leaklens.model.StackFrame;
import io.leaklens.ui.graph.GraphLink;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The latest old-object samples, grouped by class and path to the GC root, with when they were refreshed and what
 * that cost the target; commands to refresh now and to set the schedule.
 */
public final class OldObjectsViewModel {

    /** The refresh schedules offered; zero is off. */
    public static final List<Duration> INTERVALS = List.of(Duration.ZERO, Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Runnable refresh;
    private final ObservableList<OldObjectGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<OldObjectGroup> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<PathStep> selectedHop = new SimpleObjectProperty<>(this, "selectedHop");
    private final ChangeListener<OldObjectGroup> hopReset = (obs, old, group) -> selectedHop.set(lastHop(group));
    private final ObjectProperty<Duration> interval = new SimpleObjectProperty<>(this, "interval", Duration.ofSeconds(30));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyBooleanWrapper canRefresh = new ReadOnlyBooleanWrapper(this, "canRefresh", true);
    private final ChangeListener<Duration> intervalListener;
    private OldObjectSet shown;
    private GraphLink graphLink = GraphLink.NONE;

    /**
     * @param refresh     asks the target for its old objects now
     * @param setInterval changes the refresh schedule (zero: off)
     */
    public OldObjectsViewModel(SessionState initial, Runnable refresh, Consumer<Duration> setInterval) {
        this.refresh = refresh;
        this.intervalListener = (obs, old, value) -> setInterval.accept(value);
        interval.addListener(intervalListener);
        selected.addListener(hopReset);
        update(initial);
    }

    public void update(SessionState state) {
        canRefresh.set(state.connected());
        OldObjectSet set = state.oldObjects();
        status.set(statusText(set, state.connected()));
        emptyText.set(set.emittedAt() == null
                ? "No old-object samples yet. They are taken from objects that survive a GC, and LeakLens asks "
                + "for them every 30 s — or press Refresh."
                : "The target had no sampled objects left alive: nothing it allocated since LeakLens attached has "
                + "survived so far.");
        if (set == shown) {
            return;
        }
        shown = set;
        OldObjectGroup before = selected.get();
        groups.setAll(group(set.samples(), set.searchCutOff()));
        if (before != null) {
            selected.set(groups.stream().filter(g -> g.className().equals(before.className())
                    && g.path().equals(before.path())).findFirst().orElse(null));
        }
    }

    static String statusText(OldObjectSet set, boolean connected) {
        if (set.emittedAt() == null) {
            return connected ? "Old objects: not refreshed yet" : "Old objects: none were collected";
        }
        int count = set.samples().size();
        return String.format("%d %s from %s · the target paused about %d ms to find their paths to GC roots",
                count, count == 1 ? "sample" : "samples", CLOCK.format(set.emittedAt()),
                set.pause().toMillis());
    }

    /** Groups samples of the same class held along the same path, most samples first. */
    static List<OldObjectGroup> group(List<OldObjectSample> samples) {
        return group(samples, false);
    }

    /** As {@link #group(List)}; {@code cutOff}: the burst's search for paths ran out of time. */
    static List<OldObjectGroup> group(List<OldObjectSample> samples, boolean cutOff) {
        Map<String, List<OldObjectSample>> byKey = new LinkedHashMap<>();
        for (OldObjectSample sample : samples) {
            String key = sample.className() + " " + RootPaths.steps(sample);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(sample);
        }
        List<OldObjectGroup> groups = new ArrayList<>();
        for (List<OldObjectSample> members : byKey.values()) {
            OldObjectSample first = members.getFirst();
            Duration oldest = members.stream().map(OldObjectSample::age).max(Comparator.naturalOrder()).orElseThrow();
            long size = members.stream().allMatch(m -> m.objectSize() >= 0)
                    ? members.stream().mapToLong(OldObjectSample::objectSize).sum() : -1;
            String site = StackFrame.allocationSite(first.stack()).map(StackFrame::toString).orElse("(no stack trace)");
            List<PathStep> path = RootPaths.steps(first);
            groups.add(new OldObjectGroup(first.className(), members.size(), oldest, size, site,
                    RootPaths.rootKind(first), RootPaths.describeRoot(first, cutOff), path, first.stack(), first));
        }
        // Garbage not yet collected goes last: it explains nothing about what is kept.
        groups.sort(Comparator.comparing((OldObjectGroup g) -> RootPaths.unreachable(g.example()))
                .thenComparing(Comparator.comparingInt(OldObjectGroup::count).reversed()));
        return groups;
    }

    public void refresh() {
        if (canRefresh.get()) {
            refresh.run();
            status.set("Asking the target for its old objects …");
        }
    }

    public ObservableList<OldObjectGroup> groups() {
        return groups;
    }

    /** Where "Show in graph" goes. */
    public void setGraphLink(GraphLink link) {
        graphLink = link;
    }

    /**
     * Opens the reference graph at the selected hop's class (at first the sampled objects' own), with the path that
     * keeps it alive.
     */
    public void showSelectedInGraph() {
        if (selected.get() != null) {
            graphLink.show(null, null, selectedHop.get() == null ? selected.get().className()
                    : selectedHop.get().className());
        }
    }

    private static PathStep lastHop(OldObjectGroup group) {
        return group == null || group.path().isEmpty() ? null : group.path().getLast();
    }

    public ObjectProperty<OldObjectGroup> selectedProperty() {
        return selected;
    }

    /** The hop of the selected group's path that "Show in graph" goes to: its last (the objects) on selection. */
    public ObjectProperty<PathStep> selectedHopProperty() {
        return selectedHop;
    }

    public ObjectProperty<Duration> intervalProperty() {
        return interval;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRefreshProperty() {
        return canRefresh.getReadOnlyProperty();
    }

    public void dispose() {
        interval.removeListener(intervalListener);
        selected.removeListener(hopReset);
    }
}
