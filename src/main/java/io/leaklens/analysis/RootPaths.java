package io.leaklens.analysis;

import io.leaklens.model.PathStep;
import io.leaklens.model.GcRoot;
import io.leaklens.model.MonitoringThread;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceHop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an old-object sample's path the way a person asks "who holds this?": JFR shows a static field as a field of
 * a {@code java.lang.Class} object reached from some thread's stack; we show the declaring class and call the root
 * a static field.
 */
public final class RootPaths {

    private static final String CLASS_PREFIX = "Class Name: ";
    /** How JFR describes a root on a thread: "Thread Name: main". */
    static final String THREAD_PREFIX = "Thread Name: ";
    /**
     * A sample without a root: the path search marks what it reaches from the roots, so an unmarked sample is
     * garbage that the next collection will take (or was beyond the search's cutoff).
     */
    public static final String UNREACHABLE = "unreachable: garbage not collected yet";
    /** A sample without a root when the search ran out of time: it may well be held. */
    public static final String NOT_SEARCHED = "path not searched to the end: the target's search for GC roots"
            + " stopped at its time limit (a heap dump gives every path)";

    private RootPaths() {
    }

    /** The path from the object the root holds down to the sample, one step per object. */
    public static List<PathStep> steps(OldObjectSample sample) {
        List<PathStep> steps = new ArrayList<>();
        List<ReferenceHop> hops = sample.pathFromRoot();
        for (int i = staticHolder(hops).orElse(0); i < hops.size(); i++) {
            ReferenceHop hop = hops.get(i);
            String field = i == hops.size() - 1 ? null
                    : hop.field() != null ? hop.field()
                    : hop.arrayIndex() >= 0 || hop.className().endsWith("[]") ? "[]" : null;
            steps.add(new PathStep(holderClass(hop), field));
            if (hop.skipped() > 0 && i < hops.size() - 1) {
                steps.add(new PathStep("… " + hop.skipped() + " objects omitted", "…"));
            }
        }
        return steps;
    }

    /**
     * The last hop that is a class holding the chain in a static field. What comes before it only tells how the
     * class itself is reachable (its class loader, a thread's stack): true for every class, so not the leak's cause.
     */
    static java.util.OptionalInt staticHolder(List<ReferenceHop> hops) {
        for (int i = hops.size() - 2; i >= 0; i--) {
            ReferenceHop hop = hops.get(i);
            if ("java.lang.Class".equals(hop.className()) && (hop.fieldStatic() || hop.field() != null)) {
                return java.util.OptionalInt.of(i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** The class to show for a hop: the declaring class for a static field's holder. */
    static String holderClass(ReferenceHop hop) {
        if ("java.lang.Class".equals(hop.className()) && hop.description() != null
                && hop.description().startsWith(CLASS_PREFIX)) {
            return hop.description().substring(CLASS_PREFIX.length()).strip();
        }
        return hop.className();
    }

    /**
     * Whether the sample is held by JFR's own machinery in the target (the remote stream's buffers), or only by the
     * stack of a thread that serves monitoring tools ({@link MonitoringThread}) while it answered one, LeakLens's
     * own requests among them: the profiler looking at itself, never the user's leak.
     */
    public static boolean heldByProfiler(OldObjectSample sample) {
        // The sample itself may be JFR's (a chunk header without a path), or be held through JFR's objects.
        return sample.className() != null && sample.className().startsWith("jdk.jfr.internal.")
                || sample.pathFromRoot().stream().anyMatch(hop -> hop.className().startsWith("jdk.jfr.internal.")
                || holderClass(hop).startsWith("jdk.jfr.internal."))
                || heldByMonitoringThread(sample);
    }

    /**
     * Whether JFR found the sample's root on a monitoring thread. A chain from a static field is the application's
     * whatever thread JFR found referring to the class (StaticListLeak's entries have their root in thread main).
     */
    private static boolean heldByMonitoringThread(OldObjectSample sample) {
        GcRoot root = sample.root();
        return root != null && root.description() != null && root.description().startsWith(THREAD_PREFIX)
                && MonitoringThread.serves(root.description().substring(THREAD_PREFIX.length()))
                && staticHolder(sample.pathFromRoot()).isEmpty();
    }

    /** Whether the target found no root for the sample: garbage, not a leak. */
    public static boolean unreachable(OldObjectSample sample) {
        return sample.root() == null && staticHolder(sample.pathFromRoot()).isEmpty();
    }

    /** The contract's root kinds: static field, thread, jni, class loader, other. */
    public static String rootKind(OldObjectSample sample) {
        if (staticHolder(sample.pathFromRoot()).isPresent()) {
            return "static field";
        }
        GcRoot root = sample.root();
        if (root == null || root.system() == null) {
            return "other";
        }
        String system = root.system().toLowerCase(Locale.ROOT);
        String type = root.type() == null ? "" : root.type().toLowerCase(Locale.ROOT);
        if (system.contains("jni") || type.contains("jni")) {
            return "jni";
        }
        if (system.contains("class loader") || system.contains("classloader")) {
            return "class loader";
        }
        if (system.contains("thread")) {
            return "thread";
        }
        return "other";
    }

    /** The root in a few words: {@code static field com.acme.OrderLog.ENTRIES}, {@code thread main (Stack Variable)}. */
    public static String describeRoot(OldObjectSample sample) {
        return describeRoot(sample, false);
    }

    /**
     * As {@link #describeRoot(OldObjectSample)}, for a sample of a burst whose search for paths ran out of time
     * ({@link io.leaklens.model.OldObjectSet#searchCutOff()}) if {@code searchCutOff}: a sample without a root is
     * then not known to be garbage.
     */
    public static String describeRoot(OldObjectSample sample, boolean searchCutOff) {
        List<ReferenceHop> hops = sample.pathFromRoot();
        java.util.OptionalInt holderAt = staticHolder(hops);
        if (holderAt.isPresent()) {
            ReferenceHop holder = hops.get(holderAt.getAsInt());
            return "static field " + holderClass(holder) + (holder.field() == null ? "" : "." + holder.field());
        }
        GcRoot root = sample.root();
        if (root == null) {
            return searchCutOff ? NOT_SEARCHED : UNREACHABLE;
        }
        return String.join(" / ", nonBlank(root.system(), root.type(), root.description()));
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part);
            }
        }
        return kept;
    }
}
