package io.leaklens.bench;

import io.leaklens.analysis.LayeredLayout;
import io.leaklens.analysis.ReferenceGraphBuilder;
import io.leaklens.model.GcRoot;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.StackFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference graph on big inputs: build and lay out a graph of about 10,000 objects (target ≤ 500 ms), and build
 * one from 256 samples whose chains are 200 objects deep, the JDK's limits (target ≤ 50 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GraphBench {

    private List<OldObjectSample> tenThousand;
    private List<OldObjectSample> deep;

    @Setup
    public void setUp() {
        tenThousand = tenThousandObjects();
        deep = deepChains();
        ReferenceGraph big = ReferenceGraphBuilder.build(tenThousand, GraphLevel.OBJECTS);
        ReferenceGraph deepObjects = ReferenceGraphBuilder.build(deep, GraphLevel.OBJECTS);
        System.out.printf("%n10k input: %,d nodes, %,d edges; deep input: %,d samples, %,d nodes by object, %,d by "
                        + "class%n", big.nodes().size(), big.edges().size(), deep.size(), deepObjects.nodes().size(),
                ReferenceGraphBuilder.build(deep, GraphLevel.CLASSES).nodes().size());
    }

    /** 2,500 map entries under 20 static maps: each entry a node, its value, and what the value holds. */
    public static List<OldObjectSample> tenThousandObjects() {
        List<OldObjectSample> samples = new ArrayList<>();
        long address = 1_000;
        for (int i = 0; i < 2_500; i++) {
            int map = i % 20;
            samples.add(sample(new GcRoot("Threads", "Stack Variable", "Thread Name: main"), List.of(
                    new ReferenceHop("java.lang.Class", "Class Name: com.example.Registry" + map, "ITEMS", true, -1,
                            -1, 0, 10 + map),
                    new ReferenceHop("java.util.HashMap", null, "table", false, -1, -1, 0, 100 + map),
                    new ReferenceHop("java.util.HashMap$Node[]", null, null, false, i, 4096, 0, 200 + map),
                    new ReferenceHop("java.util.HashMap$Node", null, "value", false, -1, -1, 0, address++),
                    new ReferenceHop("com.example.Item", null, "payload", false, -1, -1, 0, address++),
                    new ReferenceHop("com.example.Payload", null, "data", false, -1, -1, 0, address++),
                    new ReferenceHop("byte[]", null, null, false, -1, 512, 0, address++))));
        }
        return samples;
    }

    /**
     * 256 samples at the end of chains 200 objects deep: a linked list from a static field, each sample further
     * down than the last, with JFR's gap in the middle of the deepest chains.
     */
    static List<OldObjectSample> deepChains() {
        List<OldObjectSample> samples = new ArrayList<>();
        for (int s = 0; s < 256; s++) {
            List<ReferenceHop> hops = new ArrayList<>();
            hops.add(new ReferenceHop("java.lang.Class", "Class Name: com.example.Chain", "HEAD", true, -1, -1, 0, 1));
            for (int depth = 0; depth < 198; depth++) {
                long skip = depth == 99 ? s * 10L : 0;
                hops.add(new ReferenceHop("com.example.Chain$Link", null, "next", false, -1, -1, skip,
                        depth < 100 ? 10 + depth : 1_000_000L * (s + 1) + depth));
            }
            hops.add(new ReferenceHop("byte[]", null, null, false, -1, 64, 0, 2_000_000_000L + s));
            samples.add(sample(new GcRoot("Threads", "Stack Variable", "Thread Name: main"), hops));
        }
        return samples;
    }

    private static OldObjectSample sample(GcRoot root, List<ReferenceHop> hops) {
        return new OldObjectSample(Instant.EPOCH, Duration.ofSeconds(60), hops.getLast().className(), 64, -1, 0,
                List.of(new StackFrame("com.example.Registry", "put", 42)), root, hops);
    }

    @Benchmark
    public GraphLayout buildAndLayOut10kObjects() {
        return LayeredLayout.layout(ReferenceGraphBuilder.build(tenThousand, GraphLevel.OBJECTS));
    }

    @Benchmark
    public ReferenceGraph build256DeepChainsByObject() {
        return ReferenceGraphBuilder.build(deep, GraphLevel.OBJECTS);
    }

    @Benchmark
    public ReferenceGraph build256DeepChainsByClass() {
        return ReferenceGraphBuilder.build(deep, GraphLevel.CLASSES);
    }

    @Benchmark
    public GraphLayout buildAndLayOut256DeepChainsByObject() {
        return LayeredLayout.layout(ReferenceGraphBuilder.build(deep, GraphLevel.OBJECTS));
    }
}
