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
 * Retained sizes on a real dump against their definition: take the object away, and count what the roots no longer
 * reach.
 */
class RetainedSizeBruteForceTest {

    private static HeapDump dump;
    private static boolean[] reachable;

    @BeforeAll
    static void read() throws Exception {
        dump = HeapDump.read(FixtureDumps.plain(ChildJvm.CURRENT));
        reachable = reachableWithout(-1);
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

    private static long bruteForceRetained(int object) {
        boolean[] without = reachableWithout(object);
        long freed = 0;
        for (int node = 0; node < without.length; node++) {
            if (reachable[node] && !without[node]) {
                freed += dump.index.shallow(node);
            }
        }
        return freed;
    }

    private static boolean[] reachableWithout(int removed) {
        HeapIndex index = dump.index;
        boolean[] seen = new boolean[index.nodeCount()];
        int[] queue = new int[index.nodeCount()];
        int tail = 0;
        for (int root : index.rootNodes()) {
            if (root != removed && !seen[root]) {
                seen[root] = true;
                queue[tail++] = root;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int e = index.edgeOffsets()[v]; e < index.edgeOffsets()[v + 1]; e++) {
                int w = index.edgeTargets()[e];
                if (w != removed && !seen[w]) {
                    seen[w] = true;
                    queue[tail++] = w;
                }
            }
        }
        return seen;
    }
}
