package io.leaklens.ui.graph;

import io.leaklens.model.GraphNode;
import io.leaklens.model.OldObjectSet;
import io.leaklens.support.Snapshots;
import io.leaklens.ui.UiExecutor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The graph's view model without a toolkit: work runs on the calling thread. */
class GraphViewModelTest {

    private final GraphViewModel model = new GraphViewModel(GraphStates.live(GraphStates.burst(40)),
            UiExecutor.direct());

    @Test
    void theLiveOldObjectsAreDrawnByClassWithTheEntriesAsOneNode() {
        List<GraphNode> nodes = model.layoutProperty().get().graph().nodes();
        assertThat(nodes).filteredOn(n -> n.className().equals(Snapshots.ENTRY)).singleElement()
                .extracting(GraphNode::count).isEqualTo(40L);
        assertThat(model.sourceProperty().get()).startsWith("Live: the latest old objects");
        assertThat(model.emptyTextProperty().get()).isEmpty();
        assertThat(model.layoutProperty().get().boxes()).hasSize(nodes.size());
    }

    @Test
    void focusingOnAClassSelectsItAndHighlightsItsPathFromTheRoot() {
        model.focus(Snapshots.ENTRY);

        assertThat(model.selectedProperty().get().className()).isEqualTo(Snapshots.ENTRY);
        PathHighlight path = model.pathProperty().get();
        assertThat(path.edges()).hasSize(3);
        assertThat(path.nodes()).hasSize(4);
        List<String> onPath = model.layoutProperty().get().graph().nodes().stream()
                .filter(n -> path.nodes().contains(n.id())).map(GraphNode::className).toList();
        assertThat(onPath).containsExactlyInAnyOrder("com.acme.OrderLog", "java.util.ArrayList",
                "java.lang.Object[]", Snapshots.ENTRY);
    }

    @Test
    void thePathsHopsComeRootFirstAndSelectingOneKeepsThePath() {
        assertThat(model.pathNodes()).isEmpty();
        model.focus(Snapshots.ENTRY);
        PathHighlight path = model.pathProperty().get();

        List<GraphNode> hops = model.pathNodes();
        assertThat(hops).extracting(GraphNode::className).containsExactly("com.acme.OrderLog",
                "java.util.ArrayList", "java.lang.Object[]", Snapshots.ENTRY);

        model.selectOnPath(hops.get(1));
        assertThat(model.selectedProperty().get()).isEqualTo(hops.get(1));
        assertThat(model.pathProperty().get()).isEqualTo(path);
        GraphNode offPath = model.layoutProperty().get().graph().nodes().stream()
                .filter(n -> !path.nodes().contains(n.id())).findFirst().orElseThrow();
        model.selectOnPath(offPath);
        assertThat(model.pathProperty().get()).isEqualTo(PathHighlight.NONE);
    }

    @Test
    void aCollapsedNodeHidesWhatItHoldsAndAPathThroughItOpensItAgain() {
        GraphNode list = node("java.util.ArrayList", "com.acme.OrderLog");
        int before = model.layoutProperty().get().boxes().size();
        model.select(list);
        model.toggleCollapsed();
        assertThat(model.layoutProperty().get().boxes()).hasSize(before - 2);
        assertThat(model.isCollapsed(list.id())).isTrue();

        model.focus(Snapshots.ENTRY);

        assertThat(model.isCollapsed(list.id())).isFalse();
        assertThat(model.layoutProperty().get().boxes()).hasSize(before);
    }

    @Test
    void searchFindsClassesAndEnterStepsThroughThem() {
        model.searchProperty().set("arraylist");
        assertThat(model.matchesProperty().get()).hasSize(2);
        model.findNext();
        assertThat(model.selectedProperty().get().className()).isEqualTo("java.util.ArrayList");
        assertThat(model.statusProperty().get()).startsWith("Match 1 of 2");
        model.searchProperty().set("nothing like it");
        assertThat(model.statusProperty().get()).isEqualTo("No class matches 'nothing like it'");
    }

    @Test
    void theObjectLevelKeepsTheSelectedClassSelected() {
        model.focus(GraphStates.LISTENER);

        model.objectLevelProperty().set(true);

        assertThat(model.selectedProperty().get().className()).isEqualTo(GraphStates.LISTENER);
        assertThat(model.pathProperty().get().isEmpty()).isFalse();
    }

    @Test
    void aPinnedSnapshotStaysUntilTheUserGoesBackToLive() {
        OldObjectSet snapshot = GraphStates.burst(5);
        model.pin(snapshot, "Snapshot 'after'", Snapshots.ENTRY);
        model.update(GraphStates.live(GraphStates.burst(60)));

        assertThat(model.sourceProperty().get()).isEqualTo("Snapshot 'after'");
        assertThat(model.selectedProperty().get().count()).isEqualTo(5);

        model.followLive();

        assertThat(model.pinnedProperty().get()).isFalse();
        assertThat(GraphNodeCount.of(model, Snapshots.ENTRY)).isEqualTo(60);
    }

    @Test
    void withoutOldObjectsTheEmptyStateSaysWhereTheyComeFrom() {
        model.update(GraphStates.live(OldObjectSet.NONE));

        assertThat(model.layoutProperty().get().boxes()).isEmpty();
        assertThat(model.emptyTextProperty().get()).startsWith("No reference paths yet");
    }

    @Test
    void referrersOnlyDrawsWhatKeepsTheSelectedNodeAliveAndNothingElse() {
        model.focus(GraphStates.LISTENER);
        int all = model.layoutProperty().get().boxes().size();

        model.referrersOnlyProperty().set(true);

        // thread worker-1 → Bus → ArrayList → Object[] → Listener; the static list of entries is gone.
        assertThat(model.layoutProperty().get().boxes()).hasSize(5);
        assertThat(all).isGreaterThan(5);
        model.referrersOnlyProperty().set(false);
        assertThat(model.layoutProperty().get().boxes()).hasSize(all);
    }

    private GraphNode node(String className, String rootClass) {
        return model.layoutProperty().get().graph().nodes().stream()
                .filter(n -> n.className().equals(className))
                .filter(n -> io.leaklens.analysis.GraphPaths.toRoot(model.layoutProperty().get().graph(), n.id())
                        .stream().map(i -> model.layoutProperty().get().graph().edges().get(i).from())
                        .anyMatch(id -> model.layoutProperty().get().graph().nodes().stream()
                                .anyMatch(r -> r.id().equals(id) && r.className().equals(rootClass))))
                .findFirst().orElseThrow();
    }

    /** The count of the node standing for a class. */
    private static final class GraphNodeCount {
        static long of(GraphViewModel model, String className) {
            return model.layoutProperty().get().graph().nodes().stream()
                    .filter(n -> n.className().equals(className)).mapToLong(GraphNode::count).sum();
        }
    }
}
