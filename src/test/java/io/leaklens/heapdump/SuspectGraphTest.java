package io.leaklens.heapdump;

import io.leaklens.model.GraphEdge;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.GraphNode;
import io.leaklens.model.HeapDumpComparison;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.RetainedClass;
import io.leaklens.model.RetainedClassDelta;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.session.HeapDumpComparer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference graph and the class comparison of dumps written by hand (4-byte ids, so sizes are a 32-bit JVM's):
 * {@code com.acme.Log.ITEMS} holds an {@code Object[]} of {@code com.acme.Item}s (8-byte header and an int: 16
 * bytes each), 1,200 in the earlier dump and 2,400 in the later, and a Java frame holds one unrelated Item.
 */
class SuspectGraphTest {

    private static final int OBJECT = 1, LOG = 2, ITEM = 3, OBJECTS = 4, ARRAY = 10, LONER = 11, FIRST_ITEM = 1000;

    @TempDir
    static Path dir;
    private static Path earlier;
    private static Path later;

    @BeforeAll
    static void writeDumps() throws IOException {
        earlier = Files.write(dir.resolve("earlier.hprof"), dump(1200));
        later = Files.write(dir.resolve("later.hprof"), dump(2400));
    }

    static byte[] dump(int items) throws IOException {
        HprofWriter dump = new HprofWriter();
        int itemsName = dump.name("ITEMS");
        dump.type(OBJECT, "java/lang/Object", 0, new int[0][], new String[0], new int[0]);
        dump.type(LOG, "com/acme/Log", OBJECT, new int[][] {{itemsName, ARRAY}}, new String[0], new int[0]);
        dump.type(ITEM, "com/acme/Item", OBJECT, new int[0][], new String[] {"n"}, new int[] {10});
        dump.type(OBJECTS, "[Ljava/lang/Object;", OBJECT, new int[0][], new String[0], new int[0]);
        for (int type = OBJECT; type <= OBJECTS; type++) {
            dump.root(0x05, type, 0);
        }
        dump.root(0x03, LONER, 8);
        int[] elements = new int[items];
        for (int i = 0; i < items; i++) {
            elements[i] = FIRST_ITEM + i;
            dump.instance(FIRST_ITEM + i, ITEM, i);
        }
        dump.objectArray(ARRAY, OBJECTS, elements);
        dump.instance(LONER, ITEM, -1);
        return dump.toBytes();
    }

    @Test
    void theClassLevelGraphRunsFromTheStaticFieldThroughTheArrayToTheItems() throws Exception {
        ReferenceGraph graph = HeapDumpAnalysis.graph(later, GraphLevel.CLASSES);

        assertThat(graph.level()).isEqualTo(GraphLevel.CLASSES);
        assertThat(graph.samples()).as("the instances drawn: at most 200 at the one point").isEqualTo(200);
        assertThat(graph.withoutPath()).isZero();
        assertThat(graph.nodes()).extracting(GraphNode::className)
                .containsExactly("com.acme.Log", "java.lang.Object[]", "com.acme.Item");
        GraphNode root = graph.nodes().get(0);
        GraphNode array = graph.nodes().get(1);
        GraphNode item = graph.nodes().get(2);
        assertThat(root.isRoot()).isTrue();
        assertThat(root.description()).isEqualTo("static fields of com.acme.Log");
        assertThat(item.count()).isEqualTo(200);
        assertThat(item.samples()).isEqualTo(200);
        assertThat(item.sampledBytes()).as("200 shallow sizes").isEqualTo(200 * 16);
        assertThat(graph.edges()).containsExactly(new GraphEdge(root.id(), array.id(), "ITEMS", 200, 0),
                new GraphEdge(array.id(), item.id(), "[]", 200, 0));
    }

    @Test
    void theObjectLevelGraphSaysWhatTheArrayRetains() throws Exception {
        ReferenceGraph graph = HeapDumpAnalysis.graph(later, GraphLevel.OBJECTS);
        Map<String, GraphNode> byClass = graph.nodes().stream()
                .collect(Collectors.toMap(GraphNode::className, Function.identity(), (a, b) -> a));

        assertThat(graph.level()).isEqualTo(GraphLevel.OBJECTS);
        // 12-byte header with length and 2,400 references, then the items: 9,612 → 9,616 + 38,400 = 48,016 bytes.
        assertThat(byClass.get("java.lang.Object[]").description()).isEqualTo("retains 46.9 KB");
        assertThat(byClass.get("java.lang.Object[]").count()).isEqualTo(1);
        assertThat(graph.nodes().stream().filter(n -> n.className().equals("com.acme.Item"))
                .mapToLong(GraphNode::count).sum()).as("every drawn item, merged or not").isEqualTo(200);
    }

    @Test
    void theComparisonCountsInstancesShallowAndRetainedBytesPerClass() throws Exception {
        HeapDumpComparison comparison = HeapDumpComparer.compare(earlier, later);
        Map<String, RetainedClassDelta> byName = comparison.classes().stream()
                .collect(Collectors.toMap(RetainedClassDelta::className, Function.identity()));

        assertThat(comparison.before()).isEqualTo("earlier.hprof");
        assertThat(comparison.after()).isEqualTo("later.hprof");
        // The loner counts as an Item too; an Item dominates no other Item, so the class retains its shallow bytes.
        assertThat(byName.get("com.acme.Item")).isEqualTo(new RetainedClassDelta("com.acme.Item", 1201, 2401,
                1201 * 16, 2401 * 16, 1201 * 16, 2401 * 16));
        assertThat(byName.get("java.lang.Object[]")).isEqualTo(new RetainedClassDelta("java.lang.Object[]", 1, 1,
                4816, 9616, 4816 + 1200 * 16, 9616 + 2400 * 16));
        // The array and Log's class object (which holds it) grow by the same 24,000 retained bytes; the array's
        // shallow growth puts it first. A holder's retained size holds what it piles up, so it ranks above the pile.
        assertThat(comparison.classes()).extracting(RetainedClassDelta::className).as("by retained growth")
                .startsWith("java.lang.Object[]", "java.lang.Class", "com.acme.Item");
        assertThat(comparison.suspectsAfter()).extracting(s -> s.className()).startsWith("com.acme.Item");
    }

    @Test
    void aClassOnlyOneDumpHasCountsZeroInTheOtherAndTwoOfOneNameAddUp() {
        List<RetainedClassDelta> deltas = HeapDumpComparer.deltas(
                List.of(new RetainedClass("a.Both", 3, 48, 48, 0.1), new RetainedClass("c.Gone", 2, 32, 32, 0.1)),
                List.of(new RetainedClass("a.Both", 1, 16, 16, 0.1), new RetainedClass("b.New", 5, 80, 120, 0.2),
                        new RetainedClass("a.Both", 3, 48, 48, 0.1)));

        assertThat(deltas).containsExactly(
                new RetainedClassDelta("b.New", 0, 5, 0, 80, 0, 120),
                new RetainedClassDelta("a.Both", 3, 4, 48, 64, 48, 64),
                new RetainedClassDelta("c.Gone", 2, 0, 32, 0, 32, 0));
    }
}
