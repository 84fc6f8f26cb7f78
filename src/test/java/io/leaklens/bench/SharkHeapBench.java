package io.leaklens.bench;

import shark.CloseableHeapGraph;
import shark.HprofHeapGraph;
import shark.HprofIndex;
import shark.internal.ObjectDominators;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * The other anchor for heap dumps: LeakCanary's Shark on the same dump as {@code leaklens analyze}: its index, then
 * its whole dominator tree with retained sizes ({@code ObjectDominators}, which renders it; only objects retaining
 * at least 1 MB are rendered), each step timed, the top of the tree printed. Run by {@code bench/heapdump.sh} with
 * {@code SHARK=1}.
 */
public final class SharkHeapBench {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(new File(args[0]), null,
                HprofIndex.Companion.defaultIndexedGcRootTags())) {
            long opened = System.nanoTime();
            String tree = new ObjectDominators().renderDominatorTree(graph, List.of(), 1 << 20, null, false);
            long done = System.nanoTime();
            System.out.printf(Locale.ROOT, "Shark %s: %,d objects; indexed %.1f s, dominator tree %.1f s, in all %.1f s;"
                            + " heap used %d MB%n", new File(args[0]).getName(), graph.getObjectCount(),
                    (opened - start) / 1e9, (done - opened) / 1e9, (done - start) / 1e9,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            tree.lines().limit(6).forEach(line -> System.out.println("  " + line));
        }
    }
}
