package io.leaklens.bench;

import io.leaklens.model.DominatedObjects;
import io.leaklens.model.InstancesInDump;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.session.OpenedHeapDump;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What "Find in heap dump" costs on a running JVM, end to end, and how fast the dominator tree answers once a dump
 * is open: {@code FindInDumpBench PID CLASS [RUNS]}. Prints, per run, the time from the request to the exact path
 * (dump written, indexed, the class's holder found), the dump's size, and then the time to open a dump and to
 * list the top of its dominator tree and one level below the biggest object (what the app does on the FX thread).
 */
public final class FindInDumpBench {

    private FindInDumpBench() {
    }

    public static void main(String[] args) throws Exception {
        long pid = Long.parseLong(args[0]);
        String className = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path file = Files.createTempDirectory("leaklens-find-bench").resolve("target.hprof");
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            InstancesInDump found = HeapDumpAnalysis.findInNewDump(pid, file, className);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "run %d: find %s in a new dump: %,d ms (dump %,d MB; %,d instances,"
                            + " holder %s, path of %d hops)%n", run, className, millis, Files.size(file) >> 20,
                    found.instances(), found.holder() == null ? "none" : found.holder().className(),
                    found.path() == null ? 0 : found.path().steps().size());
        }
        long start = System.nanoTime();
        OpenedHeapDump dump = HeapDumpAnalysis.open(file, 1_000);
        long opened = System.nanoTime();
        DominatedObjects top = dump.dominated(null, 50);
        long listed = System.nanoTime();
        DominatedObjects below = dump.dominated(top.entries().getFirst().objectId(), 50);
        long expanded = System.nanoTime();
        System.out.printf(Locale.ROOT, "open the dump (index, dominators, report): %,d ms; top of the tree (%,d objects,"
                        + " 50 shown): %.1f ms; below the biggest (%,d): %.1f ms%n", (opened - start) / 1_000_000,
                top.total(), (listed - opened) / 1e6, below.total(), (expanded - listed) / 1e6);
        Files.deleteIfExists(file);
    }
}
