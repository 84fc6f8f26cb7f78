package io.leaklens.analysis;

import io.leaklens.model.GcRoot;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.GraphNode;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.StackFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Chains as JFR gives them, merged into one graph. */
class ReferenceGraphBuilderTest {

    private static final GcRoot MAIN_STACK = new GcRoot("Threads", "Stack Variable", "main");
    private static final String ENTRY = "com.acme.OrderLog$Entry";

    static OldObjectSample sample(GcRoot root, ReferenceHop... hops) {
        return new OldObjectSample(Instant.EPOCH, Duration.ofSeconds(30), hops[hops.length - 1].className(), 24, -1,
                1_000, List.of(new StackFrame("com.acme.OrderLog", "record", 31)), root, List.of(hops));
    }

    static ReferenceHop at(long address, String className, String field) {
        return new ReferenceHop(className, null, field, false, -1, -1, 0, address);
    }

    static ReferenceHop element(long address, String arrayClass, int index) {
        return new ReferenceHop(arrayClass, null, null, false, index, 4096, 0, address);
    }

    static ReferenceHop holder(String declaring, String field) {
        return new ReferenceHop("java.lang.Class", "Class Name: " + declaring, field, true, -1, -1, 0, 1);
    }

    /** A static list of entries: OrderLog.ENTRIES → ArrayList → Object[] → entry {@code n} at index {@code n}. */
    static OldObjectSample entry(int n) {
        return sample(MAIN_STACK, holder("com.acme.OrderLog", "ENTRIES"), at(10, "java.util.ArrayList", "elementData"),
                element(11, "java.lang.Object[]", n), at(1_000 + n, ENTRY, null));
    }

    @Test
    void chainsThroughTheSameObjectsMergeAndTheClassLevelCountsTheEntries() {
        List<OldObjectSample> samples = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            samples.add(entry(n));
        }

        ReferenceGraph graph = ReferenceGraphBuilder.build(samples, GraphLevel.CLASSES);

        assertThat(graph.nodes()).extracting(GraphNode::className)
                .containsExactly("com.acme.OrderLog", "java.util.ArrayList", "java.lang.Object[]", ENTRY);
        assertThat(graph.nodes()).extracting(GraphNode::count).containsExactly(1L, 1L, 1L, 500L);
        assertThat(graph.nodes().getFirst().isRoot()).isTrue();
        assertThat(graph.nodes().getFirst().description()).isEqualTo("static fields of com.acme.OrderLog");
        assertThat(graph.edges()).extracting(GraphEdge::field).containsExactly("ENTRIES", "elementData", "[]");
        assertThat(graph.edges().getLast().count()).isEqualTo(500);
        GraphNode entries = graph.nodes().getLast();
        assertThat(entries.samples()).isEqualTo(500);
        assertThat(entries.sampledBytes()).isEqualTo(500 * 24);
        assertThat(entries.allocatedAt()).extracting(StackFrame::methodName).containsExactly("record");
    }

    @Test
    void theObjectLevelKeepsEachObjectButCollapsesIdenticalLeavesUnderOneArray() {
        List<OldObjectSample> samples = List.of(entry(1), entry(2), entry(3));

        ReferenceGraph graph = ReferenceGraphBuilder.build(samples, GraphLevel.OBJECTS);

        assertThat(graph.nodes()).hasSize(4);
        GraphNode leaves = graph.nodes().getLast();
        assertThat(leaves.className()).isEqualTo(ENTRY);
        assertThat(leaves.count()).isEqualTo(3);
        assertThat(graph.edges().getLast().field()).isEqualTo("[]");
        assertThat(graph.edges().getLast().label()).isEqualTo("[] ×3");
    }

    @Test
    void twoListsOfOneClassStayApartAtTheObjectLevelAndMergeAtTheClassLevel() {
        OldObjectSample first = sample(MAIN_STACK, at(20, "com.acme.Registry", "a"), at(21, "java.util.ArrayList",
                "elementData"), element(22, "java.lang.Object[]", 0), at(23, ENTRY, null));
        OldObjectSample second = sample(MAIN_STACK, at(20, "com.acme.Registry", "b"), at(31, "java.util.ArrayList",
                "elementData"), element(32, "java.lang.Object[]", 0), at(33, ENTRY, null));

        ReferenceGraph objects = ReferenceGraphBuilder.build(List.of(first, second), GraphLevel.OBJECTS);
        ReferenceGraph classes = ReferenceGraphBuilder.build(List.of(first, second), GraphLevel.CLASSES);

        // One root, one registry; then two lists, two arrays, two entries.
        assertThat(objects.nodes()).hasSize(8);
        assertThat(node(objects, "com.acme.Registry").count()).isEqualTo(1);
        // By class, the lists differ by the field that holds them: a and b.
        assertThat(classes.nodes()).hasSize(8);
        assertThat(classes.edges()).extracting(GraphEdge::field).contains("a", "b");
    }

    @Test
    void severalRootsAreSeveralStartingNodes() {
        OldObjectSample onStack = sample(MAIN_STACK, at(40, "java.util.HashMap", "table"),
                element(41, "java.util.HashMap$Node[]", 3), at(42, "java.util.HashMap$Node", "value"),
                at(43, "byte[]", null));
        OldObjectSample inStatic = entry(7);
        OldObjectSample jni = sample(new GcRoot("JNI Global", "", ""), at(50, "com.acme.Native", null));

        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(onStack, inStatic, jni), GraphLevel.CLASSES);

        assertThat(graph.nodes().stream().filter(GraphNode::isRoot)).extracting(GraphNode::description)
                .containsExactly("Threads / Stack Variable / main", "static fields of com.acme.OrderLog",
                        "JNI Global");
        assertThat(graph.nodes().subList(0, 3)).allMatch(GraphNode::isRoot);
    }

    @Test
    void aChainThatLoopsEndsWithAnEdgeBackInsteadOfRunningForever() {
        // A parent and its child refer to each other; a damaged chain runs parent → child → parent.
        OldObjectSample looping = sample(MAIN_STACK, at(60, "com.acme.Parent", "child"), at(61, "com.acme.Child",
                "parent"), at(60, "com.acme.Parent", null));

        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(looping), GraphLevel.OBJECTS);

        assertThat(graph.nodes()).extracting(GraphNode::className)
                .containsExactly("Threads", "com.acme.Parent", "com.acme.Child");
        GraphEdge back = graph.edges().getLast();
        assertThat(node(graph, back.from()).className()).isEqualTo("com.acme.Child");
        assertThat(node(graph, back.to()).className()).isEqualTo("com.acme.Parent");
        assertThat(back.field()).isEqualTo("parent");
    }

    @Test
    void aGapInADeepChainIsOneEdgeThatSaysHowManyObjectsItSkips() {
        ReferenceHop beforeGap = new ReferenceHop("com.acme.Node", null, "next", false, -1, -1, 120, 70);
        OldObjectSample deep = sample(MAIN_STACK, beforeGap, at(71, "com.acme.Node", "next"),
                at(72, "com.acme.Node", null));

        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(deep), GraphLevel.CLASSES);

        GraphEdge gap = graph.edges().get(1);
        assertThat(gap.omitted()).isEqualTo(120);
        assertThat(gap.label()).isEqualTo("next … 120 objects omitted");
        assertThat(graph.edges().get(2).omitted()).isZero();
    }

    @Test
    void samplesWithoutAPathOrHeldByLeakLensItselfAreLeftOutAndCounted() {
        OldObjectSample unreachable = sample(null, at(80, "byte[]", null));
        OldObjectSample noSearch = new OldObjectSample(Instant.EPOCH, Duration.ZERO, "byte[]", 10, -1, 0, List.of(),
                null, List.of());
        OldObjectSample jfrBuffer = sample(MAIN_STACK, at(81, "jdk.jfr.internal.consumer.ChunkParser", "buffer"),
                at(82, "byte[]", null));

        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(unreachable, noSearch, jfrBuffer, entry(1)),
                GraphLevel.CLASSES);

        assertThat(graph.samples()).isEqualTo(4);
        assertThat(graph.withoutPath()).isEqualTo(3);
        assertThat(graph.nodes()).hasSize(4);
    }

    @Test
    void chainsFromFilesWithoutAddressesStillMergeByPath() {
        OldObjectSample a = sample(MAIN_STACK, at(0, "java.util.ArrayList", "elementData"),
                element(0, "java.lang.Object[]", 1), at(0, ENTRY, null));
        OldObjectSample b = sample(MAIN_STACK, at(0, "java.util.ArrayList", "elementData"),
                element(0, "java.lang.Object[]", 2), at(0, ENTRY, null));

        ReferenceGraph graph = ReferenceGraphBuilder.build(List.of(a, b), GraphLevel.CLASSES);

        assertThat(graph.nodes()).extracting(GraphNode::count).containsExactly(1L, 1L, 1L, 2L);
    }

    static GraphNode node(ReferenceGraph graph, String idOrClass) {
        Optional<GraphNode> byId = graph.nodes().stream().filter(n -> n.id().equals(idOrClass)).findFirst();
        return byId.orElseGet(() -> graph.nodes().stream().filter(n -> n.className().equals(idOrClass)).findFirst()
                .orElseThrow());
    }
}
