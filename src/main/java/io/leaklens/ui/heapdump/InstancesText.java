package io.leaklens.ui.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.PathStep;

import java.util.Locale;

/** Where a dump keeps a class's instances alive, in a few lines: how many, what they keep, their holder, the path. */
public final class InstancesText {

    private InstancesText() {
    }

    /** The lines, after {@code where} ("In the heap dump …: "). */
    public static String describe(InstancesInDump in, String where) {
        if (!in.found()) {
            return where + (in.classes() == 0 ? "no class " + in.className() + " is loaded."
                    : "no instance of " + in.className() + " is reachable any more.");
        }
        StringBuilder text = new StringBuilder(where).append(String.format(Locale.ROOT,
                "%,d instances (%s), which keep %s alive (%s of the heap).", in.instances(),
                ByteSize.format(in.shallowBytes()), ByteSize.format(in.retainedBytes()),
                HeapDumpViewModel.share(in.heapShare())));
        if (in.classes() > 1) {
            text.append(String.format(Locale.ROOT, " %d classes of that name are loaded, by %d class loaders.",
                    in.classes(), in.classes()));
        }
        if (in.holder() != null) {
            text.append(String.format(Locale.ROOT, "%n%,d of them are kept alive by one %s %s, which retains %s.",
                    in.heldInstances(), in.holder().className(), in.holder().objectId(),
                    ByteSize.format(in.holder().retainedBytes())));
        }
        if (in.path() != null && in.path().reached()) {
            String root = "static field".equals(in.path().rootKind()) ? "static field " + in.path().rootDescription()
                    : in.path().rootDescription();
            text.append("\nExact path from the GC root (").append(root).append("):\n");
            for (PathStep step : in.path().steps()) {
                text.append("  → ").append(step).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }
}
