package io.leaklens.cli;

import io.leaklens.model.ClassDelta;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.SnapshotInfo;

import java.nio.file.Path;
import java.util.List;

/** {@code diff --json}, in the contract's shape. */
record DiffJson(SideJson before, SideJson after, double secondsBetween, List<ClassJson> classes,
                List<SuspectJson> suspects, LeakJson leak, int survivingOldObjects, int newOldObjects) {

    /** Whether the earlier session's leak is gone in the later one's, with both sessions' verdicts. */
    record LeakJson(String outcome, String sentence, String verdictBefore, String verdictAfter) {
    }

    record SideJson(String file, String takenAt, String name, long pid, String displayName, String jvmVersion,
                    long histogramBytes) {
        static SideJson of(Path file, SnapshotInfo info, long bytes) {
            return new SideJson(file.toString(), info.takenAt().toString(), info.name(), info.target().pid(),
                    info.target().displayName(), info.target().jvmVersion(), bytes);
        }
    }

    record ClassJson(String className, long instancesBefore, long instancesAfter, long bytesBefore, long bytesAfter,
                     long bytesDelta, long instancesDelta, Double growthPercent) {
        static ClassJson of(ClassDelta c) {
            return new ClassJson(c.className(), c.instancesBefore(), c.instancesAfter(), c.bytesBefore(),
                    c.bytesAfter(), c.bytesDelta(), c.instancesDelta(),
                    Double.isFinite(c.growthPercent()) ? c.growthPercent() : null);
        }
    }

    static DiffJson of(Path before, Path after, io.leaklens.model.Snapshot earlier, io.leaklens.model.Snapshot later,
                       SnapshotDiff diff, List<ClassDelta> classes) {
        return new DiffJson(SideJson.of(before, diff.before(), diff.bytesBefore()),
                SideJson.of(after, diff.after(), diff.bytesAfter()), diff.between().toMillis() / 1000.0,
                classes.stream().map(ClassJson::of).toList(), SuspectJson.of(diff.suspects()),
                new LeakJson(diff.leaks().outcome(), diff.leaks().sentence(),
                        earlier.leaks().verdict().contractName(), later.leaks().verdict().contractName()),
                diff.survivors().size(), diff.newOldObjects().size());
    }
}
