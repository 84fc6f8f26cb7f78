package io.leaklens.ui;

import io.leaklens.ui.heapdump.HeapDumpView;
import io.leaklens.ui.allocations.AllocationsView;
import io.leaklens.ui.graph.GraphView;
import io.leaklens.ui.heap.HeapView;
import javafx.beans.value.ChangeListener;
import io.leaklens.ui.leaks.LeaksView;
import io.leaklens.ui.oldobjects.OldObjectsView;
import io.leaklens.ui.snapshots.SnapshotsView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** One watched JVM: its heap dashboard, who allocates, and which objects survive, one tab each. */
public final class SessionView extends TabPane {

    private final HeapView heap;
    private final AllocationsView allocations;
    private final OldObjectsView oldObjects;
    private final SnapshotsView snapshots;
    private final LeaksView leaks;
    private final GraphView graph;
    private final SessionViewModel model;
    private final ChangeListener<Number> graphRequested;
    private final ChangeListener<String> pauseWarned;
    private final HeapDumpView dump;

    public SessionView(SessionViewModel model) {
        this.model = model;
        getStyleClass().add("session-view");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        heap = new HeapView(model.heap());
        allocations = new AllocationsView(model.allocations());
        Tab heapTab = new Tab("Heap", heap);
        heapTab.setId("tab-heap");
        Tab allocationsTab = new Tab("Allocations", allocations);
        allocationsTab.setId("tab-allocations");
        oldObjects = new OldObjectsView(model.oldObjects());
        Tab oldObjectsTab = new Tab("Old objects", oldObjects);
        oldObjectsTab.setId("tab-old-objects");
        snapshots = new SnapshotsView(model.snapshots());
        Tab snapshotsTab = new Tab("Snapshots", snapshots);
        snapshotsTab.setId("tab-snapshots");
        leaks = new LeaksView(model.leaks());
        Tab leaksTab = new Tab("Leak suspects", leaks);
        leaksTab.setId("tab-leaks");
        graph = new GraphView(model.graph());
        Tab graphTab = new Tab("Reference graph", graph);
        graphTab.setId("tab-graph");
        if (model.dump() != null) {
            // A heap dump has no history, allocations or samples: its own view is all there is to show.
            dump = new HeapDumpView(model.dump());
            Tab dumpTab = new Tab("Heap dump", dump);
            dumpTab.setId("tab-heap-dump");
            getTabs().add(dumpTab);
        } else {
            dump = null;
            getTabs().addAll(heapTab, leaksTab, allocationsTab, oldObjectsTab, graphTab, snapshotsTab);
        }
        graphRequested = (obs, old, count) -> getSelectionModel().select(graphTab);
        model.graphRequestsProperty().addListener(graphRequested);
        // A snapshot asked for from the menu on another tab waits for its confirmation there: show it.
        pauseWarned = (obs, old, warning) -> {
            if (!warning.isEmpty()) {
                getSelectionModel().select(snapshotsTab);
            }
        };
        model.snapshots().pauseWarningProperty().addListener(pauseWarned);
        if (dump == null && !model.live() && !model.snapshots().snapshots().isEmpty()) {
            getSelectionModel().select(snapshotsTab);
        }
    }

    /** Selects the tab with that id. */
    public void showTab(String tabId) {
        getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                .ifPresent(tab -> getSelectionModel().select(tab));
    }

    /** The reference graph, with the cursor in its search field. */
    public void findInGraph() {
        showTab("tab-graph");
        graph.focusSearch();
    }

    public HeapView heap() {
        return heap;
    }

    public void dispose() {
        heap.dispose();
        allocations.dispose();
        oldObjects.dispose();
        snapshots.dispose();
        leaks.dispose();
        graph.dispose();
        if (dump != null) {
            dump.dispose();
        }
        model.graphRequestsProperty().removeListener(graphRequested);
        model.snapshots().pauseWarningProperty().removeListener(pauseWarned);
    }
}
