package io.leaklens.analysis;

import io.leaklens.model.GcRoot;
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

    private RootPaths() {
    }

    /** The path from the object the root holds down to the sample, one step per object. */
    public static List<PathStep> steps(OldObjectSample sample) {
        List<PathStep> steps = new ArrayList<>();
        List<ReferenceHop> hops = sample.pathFromRoot();
        for (int i = 0; i < hops.size(); i++) {
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

    /** The class to show for a hop: the declaring class for a static field's holder. */
    static String holderClass(ReferenceHop hop) {
        if ("java.lang.Class".equals(hop.className()) && hop.description() != null
                && hop.description().startsWith(CLASS_PREFIX)) {
            return hop.description().substring(CLASS_PREFIX.length()).strip();
        }
        return hop.className();
    }

    /** The contract's root kinds: static field, thread, jni, class loader, other. */
    public static String rootKind(OldObjectSample sample) {
        List<ReferenceHop> hops = sample.pathFromRoot();
        if (!hops.isEmpty() && hops.getFirst().fieldStatic()
                || !hops.isEmpty() && "java.lang.Class".equals(hops.getFirst().className()) && hops.size() > 1) {
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
        List<ReferenceHop> hops = sample.pathFromRoot();
        if ("static field".equals(rootKind(sample))) {
            ReferenceHop holder = hops.getFirst();
            return "static field " + holderClass(holder) + (holder.field() == null ? "" : "." + holder.field());
        }
        GcRoot root = sample.root();
        if (root == null) {
            return "no path to a GC root (the target did not search for one)";
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
