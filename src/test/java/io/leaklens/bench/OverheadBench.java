package io.leaklens.bench;

import io.leaklens.fixtures.AllocationLoad;
import io.leaklens.session.LiveSession;
import io.leaklens.support.ChildJvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What watching costs the target: the throughput of an allocation-heavy program (two threads, fixed heap) alone,
 * watched by LeakLens at default settings, and under the JDK's own {@code profile.jfc} recording, in alternating
 * runs; the median ratio to "alone" of each pair. Run with {@code bench/overhead.sh [pairs] [seconds] [work]}: work 400
 (the default) allocates a few GB/s like a busy service; 0 allocates as fast as it can.
 */
public final class OverheadBench {

    enum Mode { ALONE, LEAKLENS, PROFILE_JFC }

    private static final Pattern THROUGHPUT = Pattern.compile("throughput=([0-9.]+)");

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int work = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Map<Mode, List<Double>> ratios = new EnumMap<>(Mode.class);
        for (int pair = 0; pair < pairs; pair++) {
            Map<Mode, Double> run = new EnumMap<>(Mode.class);
            List<Mode> order = new ArrayList<>(List.of(Mode.values()));
            Collections.rotate(order, pair); // alternate who goes first: the machine warms up and cools down
            for (Mode mode : order) {
                run.put(mode, throughput(mode, seconds, work));
            }
            for (Mode mode : Mode.values()) {
                ratios.computeIfAbsent(mode, m -> new ArrayList<>()).add(run.get(mode) / run.get(Mode.ALONE));
            }
            System.out.printf(Locale.ROOT, "pair %d: alone %.0f ops/s, LeakLens %.3f, profile.jfc %.3f%n", pair + 1,
                    run.get(Mode.ALONE), run.get(Mode.LEAKLENS) / run.get(Mode.ALONE),
                    run.get(Mode.PROFILE_JFC) / run.get(Mode.ALONE));
        }
        for (Mode mode : List.of(Mode.LEAKLENS, Mode.PROFILE_JFC)) {
            List<Double> r = new ArrayList<>(ratios.get(mode));
            Collections.sort(r);
            System.out.printf(Locale.ROOT, "%s: median throughput ratio %.3f (%.1f %% loss) over %d pairs, range %.3f–%.3f%n",
                    mode, r.get(r.size() / 2), (1 - r.get(r.size() / 2)) * 100, r.size(), r.getFirst(), r.getLast());
        }
    }

    private static double throughput(Mode mode, int seconds, int work) throws Exception {
        try (ChildJvm child = ChildJvm.of(AllocationLoad.class)
                .jvmOptions("-Xms512m", "-Xmx512m", "-Xmn256m", "-XX:+UseG1GC")
                .args("5", Integer.toString(seconds), Integer.toString(work)).start()) {
            LiveSession session = null;
            switch (mode) {
                case LEAKLENS -> session = LiveSession.connect(child.pid());
                case PROFILE_JFC -> jcmd(child.pid(), "JFR.start", "settings=profile");
                case ALONE -> { }
            }
            try {
                if (!child.process().waitFor(seconds + 60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the load did not finish: " + child.output());
                }
            } finally {
                if (session != null) {
                    session.close();
                }
            }
            Matcher m = THROUGHPUT.matcher(child.output());
            if (!m.find()) {
                throw new IllegalStateException("no throughput in: " + child.output());
            }
            return Double.parseDouble(m.group(1));
        }
    }

    private static void jcmd(long pid, String... command) throws Exception {
        Path jcmd = ChildJvm.javaHome(ChildJvm.CURRENT).orElseThrow().resolve("bin/jcmd");
        List<String> words = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        words.addAll(List.of(command));
        Process p = new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + words);
        }
    }
}
