package io.leaklens.session;

import io.leaklens.analysis.GraphPaths;
import io.leaklens.analysis.ReferenceGraphBuilder;
import io.leaklens.fixtures.LeakZoo;
import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.GraphNode;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real leaks in real JVMs (Java 17 and 25), one shape each, watched at once: the graph built from their old-object
 * samples holds the path a developer would draw by hand.
 */
class ReferenceGraphLiveTest {

    private static final String ZOO = LeakZoo.class.getName();
    private static final List<String> MODES = List.of("cache-map", "listener", "threadlocal-pool", "cycle");
    private static final List<String> LEAKED = List.of(ZOO + "$CachedResult", ZOO + "$RequestListener",
            ZOO + "$RequestContext", ZOO + "$Parent");
    private static final Map<String, ReferenceGraph> GRAPHS = new HashMap<>();
    private static List<ChildJvm> children = List.of();

    @BeforeAll
    static void watchFourLeaks() throws Exception {
        int older = ChildJvm.hasJdk(17) ? 17 : ChildJvm.CURRENT;
        children = ChildJvm.startAll(
                ChildJvm.of(LeakZoo.class).jdk(older).jvmOptions("-Xmx128m", "-Dleakzoo.garbage=0.5").args("cache-map"),
                ChildJvm.of(LeakZoo.class).jvmOptions("-Xmx128m", "-Dleakzoo.garbage=0.5").args("listener"),
                ChildJvm.of(LeakZoo.class).jdk(older).jvmOptions("-Xmx128m", "-Dleakzoo.garbage=0.5").args("threadlocal-pool"),
                ChildJvm.of(LeakZoo.class).jvmOptions("-Xmx128m", "-Dleakzoo.garbage=0.5").args("cycle"));
        List<LiveSession> sessions = new ArrayList<>();
        try {
            for (ChildJvm child : children) {
                sessions.add(LiveSession.connect(child.pid(), WatchOptions.DEFAULTS));
            }
            Thread.sleep(12_000); // objects get sampled as they are allocated; the leaked ones survive
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            for (int i = 0; i < sessions.size(); i++) {
                GRAPHS.put(MODES.get(i), graphWith(sessions.get(i), LEAKED.get(i), deadline));
            }
        } finally {
            sessions.forEach(LiveSession::close);
        }
    }

    /**
     * The graph of the latest burst, asked for again every few seconds until the leaked class has a path: which
     * objects JFR samples is up to chance (by the bytes allocated; the fixtures make little garbage so that the
     * leaked objects are a good share of them), so one burst may hold none of that class yet.
     */
    private static ReferenceGraph graphWith(LiveSession session, String className, long deadline)
            throws InterruptedException {
        ReferenceGraph graph;
        do {
            assertThat(session.refreshOldObjectsAndWait(Duration.ofSeconds(30))).isTrue();
            graph = ReferenceGraphBuilder.build(session.state().oldObjects().samples(), GraphLevel.CLASSES);
            if (GraphPaths.bestFor(graph, className).isPresent()) {
                return graph;
            }
            Thread.sleep(3_000);
        } while (System.nanoTime() < deadline);
        return graph;
    }

    @AfterAll
    static void stop() {
        ChildJvm.closeAll(children.toArray(ChildJvm[]::new));
    }

    @Test
    void aStaticMapHoldsItsValuesThroughTheTableAndTheNodes() {
        List<String> path = pathTo(GRAPHS.get("cache-map"), ZOO + "$CachedResult");

        assertThat(path.getFirst()).isEqualTo("static fields of " + ZOO + " .CACHE → java.util.HashMap");
        assertThat(path).contains(".table → java.util.HashMap$Node[]", "[] → java.util.HashMap$Node");
        assertThat(path.getLast()).isEqualTo(".value → " + ZOO + "$CachedResult");
    }

    @Test
    void listenersNeverRemovedHangOffTheBusList() {
        assertThat(pathTo(GRAPHS.get("listener"), ZOO + "$RequestListener")).containsExactly(
                "static fields of " + ZOO + " .BUS → " + ZOO + "$EventBus",
                ".listeners → java.util.ArrayList",
                ".elementData → java.lang.Object[]",
                "[] → " + ZOO + "$RequestListener");
    }

    @Test
    void aThreadLocalInAPoolThreadIsHeldByTheThreadItself() {
        List<String> path = pathTo(GRAPHS.get("threadlocal-pool"), ZOO + "$RequestContext");

        assertThat(path).contains(".threadLocals → java.lang.ThreadLocal$ThreadLocalMap",
                ".value → java.util.ArrayList", "[] → " + ZOO + "$RequestContext");
        assertThat(path.getFirst()).contains("java.lang.Thread");
    }

    @Test
    void parentsAndChildrenInACycleAreReachedFromTheStaticRegistry() {
        ReferenceGraph graph = GRAPHS.get("cycle");

        // Children point back at their parent, but what keeps both alive is the registry's list of parents.
        assertThat(pathTo(graph, ZOO + "$Parent")).containsExactly(
                "static fields of " + ZOO + " .REGISTRY → " + ZOO + "$Registry",
                ".parents → java.util.ArrayList", ".elementData → java.lang.Object[]", "[] → " + ZOO + "$Parent");
        if (GraphPaths.bestFor(graph, ZOO + "$Child").isPresent()) {
            assertThat(pathTo(graph, ZOO + "$Child")).contains("[] → " + ZOO + "$Parent",
                    ".children → java.util.ArrayList");
        }
    }

    /**
     * The path from the GC root to the node of a class with the most samples, one line per reference: the first
     * line starts with the root, then "field → class".
     */
    private static List<String> pathTo(ReferenceGraph graph, String className) {
        GraphNode target = GraphPaths.bestFor(graph, className).orElseThrow(() -> new AssertionError(
                "no " + className + " in the graph; it has " + graph.nodes().stream().map(GraphNode::className)
                        .distinct().toList()));
        Map<String, GraphNode> byId = new HashMap<>();
        graph.nodes().forEach(node -> byId.put(node.id(), node));
        List<String> lines = new ArrayList<>();
        for (int index : GraphPaths.toRoot(graph, target.id())) {
            GraphEdge edge = graph.edges().get(index);
            GraphNode from = byId.get(edge.from());
            String field = edge.field() == null ? "" : edge.field().startsWith("[") ? "[]" : "." + edge.field();
            String line = field + " → " + byId.get(edge.to()).className();
            lines.add(lines.isEmpty() ? from.description() + " " + line : line);
        }
        return lines;
    }
}
