package io.leaklens.cli;

import io.leaklens.model.HeapDumpComparison;
import io.leaklens.model.RetainedClassDelta;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code diff a.hprof b.hprof --json}: the contract's {@code diff --json} shape ({@code before}, {@code after},
 * {@code classes}, {@code suspects}) with what a dump adds: each class's retained bytes before and after. A dump
 * does not say when it was taken, so {@code takenAt} is null.
 */
record HeapDumpDiffJson(String source, SideJson before, SideJson after, List<ClassJson> classes,
                        List<SuspectJson> suspects) {

    record SideJson(String file, String takenAt) {
    }

    record ClassJson(String className, long instancesBefore, long instancesAfter, long bytesBefore, long bytesAfter,
                     long retainedBefore, long retainedAfter, long bytesDelta, long instancesDelta,
                     long retainedDelta) {
        static ClassJson of(RetainedClassDelta c) {
            return new ClassJson(c.className(), c.instancesBefore(), c.instancesAfter(), c.bytesBefore(),
                    c.bytesAfter(), c.retainedBefore(), c.retainedAfter(), c.bytesDelta(), c.instancesDelta(),
                    c.retainedDelta());
        }
    }

    static HeapDumpDiffJson of(Path before, Path after, HeapDumpComparison comparison,
                               List<RetainedClassDelta> classes) {
        return new HeapDumpDiffJson("heap dumps", new SideJson(before.toString(), null),
                new SideJson(after.toString(), null),
                classes.stream().map(ClassJson::of).toList(),
                SuspectJson.of(comparison.suspectsAfter()).stream().map(SuspectJson::withoutHint).toList());
    }
}
