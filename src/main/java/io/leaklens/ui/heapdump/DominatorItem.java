package io.leaklens.ui.heapdump;

import io.leaklens.model.DominatedObjects;
import io.leaklens.model.DominatorEntry;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of the dominator tree whose children (what its object keeps alive directly) are asked for when it is first
 * opened: a dump's tree has millions of nodes, a user opens a few dozen. Each level shows the biggest, then one row
 * for the rest.
 */
final class DominatorItem extends TreeItem<DominatorEntry> {

    private final HeapDumpViewModel model;
    private boolean loaded;

    /** {@code entry} null: the hidden root, whose children are the objects only GC roots keep alive. */
    DominatorItem(HeapDumpViewModel model, DominatorEntry entry) {
        super(entry);
        this.model = model;
    }

    @Override
    public boolean isLeaf() {
        DominatorEntry entry = getValue();
        // An object that keeps only itself alive dominates nothing; the "… more" row is not an object.
        return entry != null && (entry.objectId() == null || entry.retainedBytes() <= entry.shallowBytes());
    }

    @Override
    public ObservableList<TreeItem<DominatorEntry>> getChildren() {
        if (!loaded) {
            loaded = true;
            DominatedObjects level = model.dominated(getValue());
            List<TreeItem<DominatorEntry>> children = new ArrayList<>(level.entries().size() + 1);
            for (DominatorEntry child : level.entries()) {
                children.add(new DominatorItem(model, child));
            }
            DominatorEntry rest = HeapDumpViewModel.restOf(level, model.heapBytes());
            if (rest != null) {
                children.add(new DominatorItem(model, rest));
            }
            super.getChildren().setAll(children);
        }
        return super.getChildren();
    }
}
