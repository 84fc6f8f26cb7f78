package io.leaklens.ui;

import io.leaklens.ui.allocations.AllocationsView;
import io.leaklens.ui.heap.HeapView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** One watched JVM: its heap dashboard and who allocates, one tab each. */
public final class SessionView extends TabPane {

    private final HeapView heap;
    private final AllocationsView allocations;

    public SessionView(SessionViewModel model) {
        getStyleClass().add("session-view");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        heap = new HeapView(model.heap());
        allocations = new AllocationsView(model.allocations());
        Tab heapTab = new Tab("Heap", heap);
        heapTab.setId("tab-heap");
        Tab allocationsTab = new Tab("Allocations", allocations);
        allocationsTab.setId("tab-allocations");
        getTabs().addAll(heapTab, allocationsTab);
    }

    public HeapView heap() {
        return heap;
    }

    public void dispose() {
        heap.dispose();
        allocations.dispose();
    }
}
