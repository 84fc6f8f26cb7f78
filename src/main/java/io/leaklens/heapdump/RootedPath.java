package io.leaklens.heapdump;

import io.leaklens.model.PathStep;

import java.util.ArrayList;
import java.util.List;

/**
 * A shortest path from a GC root as people read it. When it passes through a class's static field, it starts
 * there ({@code StaticListLeak.ENTRIES → ...}): how the class itself is reached (its loader, the loader's table of
 * classes) says nothing about the leak, and a static field is what JFR's old-object samples call the root too.
 *
 * @param rootKind        the contract's kind: static field, thread, jni, class loader, other
 * @param rootDescription the root in a few words
 * @param steps           from the object the root holds down to the object asked about
 */
record RootedPath(String rootKind, String rootDescription, List<PathStep> steps) {

    static RootedPath of(HeapIndex index, ShortestPaths paths, int node) {
        int[] path = paths.path(node);
        if (path.length == 0) {
            return new RootedPath(null, null, List.of());
        }
        int start = -1;
        for (int i = path.length - 2; i >= 0 && start < 0; i--) {
            if (index.isStaticField(path[i], paths.edgeTo(path[i + 1]))) {
                start = i;
            }
        }
        List<PathStep> steps = new ArrayList<>();
        for (int i = Math.max(start, 0); i < path.length; i++) {
            String field = i + 1 < path.length ? index.slotName(path[i], paths.edgeTo(path[i + 1])) : null;
            steps.add(new PathStep(ownName(index, path[i]), field));
        }
        if (start >= 0) {
            PathStep first = steps.getFirst();
            return new RootedPath("static field", first.className() + "." + first.field(), steps);
        }
        RootKind kind = index.rootKind(paths.rootRecord(path[0]));
        return new RootedPath(kind.contractKind, kind.label + " " + describe(index, path[0]), steps);
    }

    /** A class object's own class name, else the object's class. */
    static String ownName(HeapIndex index, int node) {
        int own = index.classOfClassObject(node);
        return index.className(own >= 0 ? own : index.classOf(node));
    }

    /** {@code class com.acme.Foo} for a class object, the class name for other objects. */
    static String describe(HeapIndex index, int node) {
        int own = index.classOfClassObject(node);
        return own >= 0 ? "class " + index.className(own) : index.className(index.classOf(node));
    }
}
