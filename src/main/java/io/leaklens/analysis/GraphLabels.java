package io.leaklens.analysis;

import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassNames;
import io.leaklens.model.GraphNode;

/**
 * The two lines a graph node shows, shared by the canvas, the SVG export and the layout's width estimate: the class
 * without its package, then how many objects and (for a root) what kind of root it is.
 */
public final class GraphLabels {

    private GraphLabels() {
    }

    public static String title(GraphNode node) {
        if (node.isRoot() && !staticFields(node) && node.description() != null) {
            // "Threads / Stack Variable / Thread Name: main" reads "thread main"; the rest goes below.
            String last = lastPart(node.description());
            return last.startsWith(RootPaths.THREAD_PREFIX)
                    ? "thread " + last.substring(RootPaths.THREAD_PREFIX.length()) : last;
        }
        String simple = ClassNames.simpleName(ClassNames.readable(node.className()));
        return node.count() > 1 ? simple + " ×" + String.format("%,d", node.count()) : simple;
    }

    public static String subtitle(GraphNode node) {
        if (node.isRoot()) {
            if (staticFields(node) || node.description() == null) {
                return staticFields(node) ? "static fields" : "GC root";
            }
            // "Threads / Stack Variable / Thread Name: main": the kind of root is the middle part.
            String[] parts = node.description().split(" / ");
            return parts.length < 2 ? "GC root" : "GC root: " + parts[parts.length - 2].toLowerCase(java.util.Locale.ROOT);
        }
        if (node.samples() > 0) {
            String sampled = node.samples() + (node.samples() == 1 ? " sample" : " samples");
            return node.sampledBytes() > 0 ? sampled + " · " + ByteSize.format(node.sampledBytes()) : sampled;
        }
        String packageName = ClassNames.readable(node.className());
        int dot = packageName.lastIndexOf('.');
        return dot > 0 ? packageName.substring(0, dot) : "";
    }

    private static String lastPart(String description) {
        int cut = description.lastIndexOf(" / ");
        return cut < 0 ? description : description.substring(cut + 3);
    }

    private static boolean staticFields(GraphNode node) {
        return node.description() != null && node.description().startsWith("static fields");
    }
}
