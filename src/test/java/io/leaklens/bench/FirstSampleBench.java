package io.leaklens.bench;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.SessionState;
import io.leaklens.session.LiveSession;
import io.leaklens.session.Subscription;
import io.leaklens.support.ChildJvm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long from "connect" (the user picks a JVM) to the first heap sample published by the session, on fresh
 * child JVMs of Java 25 and Java 17, each attached for the first time (the slow case: the target starts its attach
 * listener and its JMX agent). The UI adds at most one throttle interval (100 ms) on top.
 * <p>
 * Run with {@code bench/first-sample.sh [rounds]}.
 */
public final class FirstSampleBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (int jdk : new int[] {ChildJvm.CURRENT, 17}) {
            if (ChildJvm.javaHome(jdk).isEmpty()) {
                System.out.println("Java " + jdk + ": not installed, skipped");
                continue;
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                try (ChildJvm child = ChildJvm.of(StaticListLeak.class).jdk(jdk).start()) {
                    Thread.sleep(500); // let it settle as a running service would be
                    millis.add(timeToFirstSample(child.pid()));
                }
            }
            Collections.sort(millis);
            System.out.printf(Locale.ROOT, "target Java %d: first sample after connect, %d fresh targets: "
                            + "median %.0f ms, min %.0f ms, max %.0f ms%n", jdk, rounds, millis.get(millis.size() / 2),
                    millis.getFirst(), millis.getLast());
        }
    }

    private static double timeToFirstSample(long pid) throws Exception {
        long start = System.nanoTime();
        try (LiveSession session = LiveSession.connect(pid)) {
            CountDownLatch first = new CountDownLatch(1);
            try (Subscription s = session.subscribe(state -> countIfSampled(state, first))) {
                countIfSampled(session.state(), first);
                if (!first.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no sample within 10 s from JVM " + pid);
                }
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static void countIfSampled(SessionState state, CountDownLatch first) {
        if (!state.heap().samples().isEmpty()) {
            first.countDown();
        }
    }
}
