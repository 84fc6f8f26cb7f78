package io.leaklens.analysis;

import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.GraphNode;
import io.leaklens.model.LayoutBox;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.leaklens.analysis.ReferenceGraphBuilderTest.at;
import static io.leaklens.analysis.ReferenceGraphBuilderTest.entry;
import static io.leaklens.analysis.ReferenceGraphBuilderTest.node;
import static io.leaklens.analysis.ReferenceGraphBuilderTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

class LayeredLayoutTest {

    private static final io.leaklens.model.GcRoot STACK = new io.leaklens.model.GcRoot("Threads", "Stack Variable",
            "main");

    @Test
    void rootsAreOnTheLeftAndEachReferenceOneColumnFurtherRight() {
        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(entry(1), entry(2)), GraphLevel.CLASSES);

        GraphLayout layout = LayeredLayout.layout(graph);

        List<LayoutBox> boxes = graph.nodes().stream().map(n -> layout.boxes().get(n.id())).toList();
        assertThat(boxes).extracting(LayoutBox::depth).containsExactly(0, 1, 2, 3);
        for (int i = 1; i < boxes.size(); i++) {
            assertThat(boxes.get(i).x()).isGreaterThan(boxes.get(i - 1).right());
            // A chain is drawn straight: each parent level with its only child.
            assertThat(boxes.get(i).y()).isEqualTo(boxes.get(i - 1).y());
        }
        assertThat(layout.backEdges()).isEmpty();
        assertThat(layout.width()).isEqualTo(boxes.getLast().right());
    }

    @Test
    void siblingsDoNotOverlapAndTheParentSitsBetweenThem() {
        OldObjectSample a = sample(STACK, at(1, "com.acme.Registry", "a"), at(2, "com.acme.A", null));
        OldObjectSample b = sample(STACK, at(1, "com.acme.Registry", "b"), at(3, "com.acme.B", null));
        OldObjectSample c = sample(STACK, at(1, "com.acme.Registry", "c"), at(4, "com.acme.C", null));
        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(a, b, c), GraphLevel.OBJECTS);

        GraphLayout layout = LayeredLayout.layout(graph);

        List<LayoutBox> leaves = List.of("com.acme.A", "com.acme.B", "com.acme.C").stream()
                .map(name -> layout.boxes().get(node(graph, name).id())).sorted((x, y) -> Double.compare(x.y(), y.y()))
                .toList();
        for (int i = 1; i < leaves.size(); i++) {
            assertThat(leaves.get(i).y()).isGreaterThanOrEqualTo(leaves.get(i - 1).y() + LayeredLayout.NODE_HEIGHT);
        }
        LayoutBox registry = layout.boxes().get(node(graph, "com.acme.Registry").id());
        assertThat(registry.centerY()).isEqualTo(leaves.get(1).centerY());
    }

    @Test
    void anEdgeBackToAnEarlierColumnIsMarkedAsABackEdge() {
        OldObjectSample looping = sample(STACK, at(60, "com.acme.Parent", "child"), at(61, "com.acme.Child",
                "parent"), at(60, "com.acme.Parent", null));
        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(looping), GraphLevel.OBJECTS);

        GraphLayout layout = LayeredLayout.layout(graph);

        assertThat(layout.backEdges()).containsExactly(graph.edges().size() - 1);
    }

    @Test
    void aCollapsedNodeHidesWhatItHolds() {
        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(entry(1)), GraphLevel.CLASSES);
        String list = node(graph, "java.util.ArrayList").id();

        GraphLayout layout = LayeredLayout.layout(graph, Set.of(list), LayeredLayout.ESTIMATED_WIDTH);

        assertThat(layout.boxes()).containsKey(list).hasSize(2);
    }

    @Test
    void aChainHundredsDeepAndTenThousandNodesAreLaidOutWithoutRecursion() {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        nodes.add(new GraphNode("n0", io.leaklens.model.GraphNodeKind.ROOT, "Threads", "thread main", 1, 0, -1, -1,
                null, List.of()));
        for (int i = 1; i < 10_000; i++) {
            nodes.add(new GraphNode("n" + i, io.leaklens.model.GraphNodeKind.OBJECT, "com.acme.Node", null, 1, 0, -1,
                    -1, null, List.of()));
            // A chain of 5,000, and 5,000 leaves hanging off it.
            String from = i <= 5_000 ? "n" + (i - 1) : "n" + (i - 5_000);
            edges.add(new GraphEdge(from, "n" + i, "next", 1, 0));
        }
        ReferenceGraph graph = new ReferenceGraph(GraphLevel.OBJECTS, nodes, edges, 10_000, 0);

        GraphLayout layout = LayeredLayout.layout(graph);

        assertThat(layout.boxes()).hasSize(10_000);
        assertThat(layout.boxes().get("n5000").depth()).isEqualTo(5_000);
    }

}
