package io.leaklens.ui;

import io.leaklens.ui.heapdump.HeapDumpView;
import io.leaklens.ui.allocations.AllocationsView;
import io.leaklens.ui.graph.GraphView;
import io.leaklens.ui.heap.HeapView;
import javafx.beans.value.ChangeListener;
import io.leaklens.ui.leaks.LeaksView;
import io.leaklens.ui.oldobjects.OldObjectsView;
import io.leaklens.ui.snapshots.SnapshotsView;
import javafx.fxml.FXML;
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

    @FXML private Tab heapTab;
    @FXML private Tab leaksTab;
    @FXML private Tab allocationsTab;
    @FXML private Tab oldObjectsTab;
    @FXML private Tab graphTab;
    @FXML private Tab snapshotsTab;
    @FXML private Tab dumpTab;

    public SessionView(SessionViewModel model) {
        this.model = model;
        Fxml.load(this);
        heap = new HeapView(model.heap());
        heapTab.setContent(heap);
        leaks = new LeaksView(model.leaks());
        leaksTab.setContent(leaks);
        allocations = new AllocationsView(model.allocations());
        allocationsTab.setContent(allocations);
        oldObjects = new OldObjectsView(model.oldObjects());
        oldObjectsTab.setContent(oldObjects);
        graph = new GraphView(model.graph());
        graphTab.setContent(graph);
        snapshots = new SnapshotsView(model.snapshots());
        snapshotsTab.setContent(snapshots);
        if (model.dump() != null) {
            // A heap dump has no history, allocations or samples: its own view and the graph of its piles.
            dump = new HeapDumpView(model.dump());
            dumpTab.setContent(dump);
            getTabs().setAll(dumpTab, graphTab);
        } else {
            dump = null;
            getTabs().remove(dumpTab);
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

    /** The leak suspects, asking to find the selected one in a heap dump of the JVM. */
    public void findInHeapDump() {
        showTab("tab-leaks");
        leaks.findInHeapDump();
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
