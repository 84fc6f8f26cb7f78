package io.leaklens.cli;

import io.leaklens.model.ByteSize;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.PathStep;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.SnapshotInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code diff} as text: the suspects first, then the classes that grew most. */
final class DiffText {

    private DiffText() {
    }

    static String render(Path before, Path after, SnapshotDiff diff, List<ClassDelta> classes) {
        return render(before, after, diff, classes, false);
    }

    /** @param hideJdk leave JDK classes out of the suspects too, as out of the classes */
    static String render(Path before, Path after, SnapshotDiff diff, List<ClassDelta> classes, boolean hideJdk) {
        List<LeakSuspect> suspects = diff.suspects().stream()
                .filter(s -> !hideJdk || !io.leaklens.model.ClassNames.isJdk(s.className())).toList();
        StringBuilder text = new StringBuilder();
        text.append("Before: ").append(side(before, diff.before())).append('\n');
        text.append("After:  ").append(side(after, diff.after())).append('\n');
        text.append("Between them: ").append(WatchText.duration(diff.between().abs()))
                .append("; live objects ").append(ByteSize.format(diff.bytesBefore())).append(" → ")
                .append(ByteSize.format(diff.bytesAfter())).append(" (")
                .append(ByteSize.signed(diff.bytesAfter() - diff.bytesBefore())).append(")\n");
        if (diff.before().target().pid() != diff.after().target().pid()) {
            text.append("(The snapshots are of different JVMs: compare like with like.)\n");
        }
        if (!diff.leaks().equals(io.leaklens.model.LeakComparison.UNKNOWN)) {
            text.append("Leak check: ").append(diff.leaks().sentence()).append('\n');
        }
        text.append('\n');
        if (suspects.isEmpty()) {
            text.append(diff.suspects().isEmpty() ? "No class grew enough to suspect a leak.\n"
                    : "No application class grew enough to suspect a leak (JDK classes hidden).\n");
        } else {
            text.append("Leak suspects:\n");
            int rank = 1;
            for (LeakSuspect suspect : suspects) {
                text.append(String.format(Locale.ROOT, "%2d. %s  (score %.2f, %s, %+,.0f instances/s)%n", rank++,
                        suspect.className(), suspect.score(), ByteSize.signedRate(suspect.growthBytesPerSecond()),
                        suspect.growthInstancesPerSecond()));
                if (!suspect.pathFromRoot().isEmpty()) {
                    text.append("    held by: ").append(suspect.pathFromRoot().stream().map(PathStep::toString)
                            .collect(Collectors.joining(" → "))).append('\n');
                }
                text.append("    ").append(suspect.explanation()).append('\n');
            }
        }
        text.append('\n').append(String.format(Locale.ROOT, "%-60s %14s %14s %12s %9s%n", "Class", "Instances Δ",
                "Bytes after", "Bytes Δ", "Growth"));
        for (ClassDelta c : classes) {
            text.append(String.format(Locale.ROOT, "%-60s %+,14d %14s %12s %9s%n", shorten(c.className()),
                    c.instancesDelta(), ByteSize.format(c.bytesAfter()), ByteSize.signed(c.bytesDelta()),
                    c.isNew() ? "new" : c.isGone() ? "gone" : String.format(Locale.ROOT, "%+.0f%%",
                            c.growthPercent())));
        }
        text.append(String.format(Locale.ROOT, "%nOld objects: %d sampled in both snapshots, %d new.",
                diff.survivors().size(), diff.newOldObjects().size()));
        return text.toString();
    }

    private static String side(Path file, SnapshotInfo info) {
        return file + " — '" + info.name() + "', " + info.target().displayName() + " (JVM " + info.target().pid()
                + "), " + WatchText.time(info.takenAt());
    }

    private static String shorten(String name) {
        return name.length() <= 60 ? name : "…" + name.substring(name.length() - 59);
    }
}
