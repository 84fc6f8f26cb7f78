package io.leaklens.heapdump;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retained sizes on a real dump against their definition: take the object (or all instances of a class) away, and
 * count what the roots no longer reach.
 */
class RetainedSizeBruteForceTest {

    private static HeapDump dump;
    private static boolean[] reachable;

    @BeforeAll
    static void read() throws Exception {
        dump = HeapDump.read(FixtureDumps.plain(ChildJvm.CURRENT));
        reachable = reachableWithout(new boolean[dump.index.nodeCount()]);
    }

    @Test
    void retainedSizesEqualWhatTheRootsNoLongerReachWithoutTheObject() {
        List<Integer> objects = new ArrayList<>();
        int entryClass = HeapDumpTest.classNamed(dump, StaticListLeak.class.getName() + "$Entry");
        int leakClass = HeapDumpTest.classNamed(dump, StaticListLeak.class.getName());
        objects.add(dump.index.classes().get(leakClass).node());
        objects.add(dump.index.classes().get(entryClass).node());
        objects.add(HeapDumpTest.instancesOf(dump, StaticListLeak.class.getName() + "$Entry")[0]);
        for (int top : dump.sizes.children(-1)) {
            if (objects.size() < 6) {
                objects.add(top);
            }
        }
        Random random = new Random(25);
        while (objects.size() < 12) {
            int node = random.nextInt(dump.index.nodeCount());
            if (reachable[node]) {
                objects.add(node);
            }
        }

        for (int object : objects) {
            assertThat(dump.sizes.retained(object)).as(RootedPath.describe(dump.index, object))
                    .isEqualTo(bruteForceRetained(object));
        }
    }

    /**
     * A class's retained size, the sum over its instances that no other instance of it dominates, is what goes with
     * all its instances when no object is held jointly by two of them and by nothing else (the entries: each holds
     * its own payload), and a lower bound otherwise (an object two lists reach, and nothing else, is dominated by
     * neither).
     */
    @Test
    void aClassesRetainedSizeIsWhatGoesWithAllItsInstancesOrALowerBound() {
        long[] byClass = dump.sizes.retainedByClass();
        String entry = StaticListLeak.class.getName() + "$Entry";
        for (String className : List.of(entry, "java.util.ArrayList", "java.lang.String", "java.util.HashMap")) {
            boolean[] removed = new boolean[dump.index.nodeCount()];
            for (int node : HeapDumpTest.instancesOf(dump, className)) {
                removed[node] = true;
            }
            long freed = freedWithout(removed);
            long retained = byClass[HeapDumpTest.classNamed(dump, className)];

            assertThat(retained).as(className).isPositive().isLessThanOrEqualTo(freed);
            if (className.equals(entry)) {
                assertThat(retained).isEqualTo(freed);
            }
        }
    }

    private static long bruteForceRetained(int object) {
        boolean[] removed = new boolean[dump.index.nodeCount()];
        removed[object] = true;
        return freedWithout(removed);
    }

    private static long freedWithout(boolean[] removed) {
        boolean[] without = reachableWithout(removed);
        long freed = 0;
        for (int node = 0; node < without.length; node++) {
            if (reachable[node] && !without[node]) {
                freed += dump.index.shallow(node);
            }
        }
        return freed;
    }

    private static boolean[] reachableWithout(boolean[] removed) {
        HeapIndex index = dump.index;
        boolean[] seen = new boolean[index.nodeCount()];
        int[] queue = new int[index.nodeCount()];
        int tail = 0;
        for (int root : index.rootNodes()) {
            if (!removed[root] && !seen[root]) {
                seen[root] = true;
                queue[tail++] = root;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int e = index.edgeOffsets()[v]; e < index.edgeOffsets()[v + 1]; e++) {
                int w = index.edgeTarget(e);
                if (!removed[w] && !seen[w]) {
                    seen[w] = true;
                    queue[tail++] = w;
                }
            }
        }
        return seen;
    }
}
