package io.leaklens.bench;

import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.Instance;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * The anchor for heap dumps: VisualVM's heap library on the same dump as {@code leaklens analyze}: opening it (its
 * index, on disk beside the dump), its summary, and the twenty biggest objects by retained size (which computes its
 * dominator tree and every retained size), each step timed, the biggest objects printed so that their retained
 * sizes can be held against LeakLens's. Run by {@code bench/heapdump.sh} with {@code VISUALVM=1}.
 */
public final class VisualVmHeapBench {

    public static void main(String[] args) throws Exception {
        File dump = new File(args[0]);
        long start = System.nanoTime();
        Heap heap = HeapFactory.createHeap(dump);
        long opened = System.nanoTime();
        long instances = heap.getSummary().getTotalLiveInstances();
        long summarised = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<Instance> biggest = heap.getBiggestObjectsByRetainedSize(20);
        long retained = System.nanoTime();
        System.out.printf(Locale.ROOT, "VisualVM %s: %,d instances; opened %.1f s, summary %.1f s, retained sizes"
                        + " (20 biggest) %.1f s, in all %.1f s; heap used %d MB%n", dump.getName(), instances,
                (opened - start) / 1e9, (summarised - opened) / 1e9, (retained - summarised) / 1e9,
                (retained - start) / 1e9, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        for (Instance instance : biggest.subList(0, Math.min(5, biggest.size()))) {
            System.out.printf(Locale.ROOT, "  0x%x %s retains %,d bytes%n", instance.getInstanceId(),
                    instance.getJavaClass().getName(), instance.getRetainedSize());
        }
    }
}
