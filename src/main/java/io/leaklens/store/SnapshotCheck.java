package io.leaklens.store;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.PathStep;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.RuleResult;
import io.leaklens.model.SiteAllocation;
import io.leaklens.model.Snapshot;
import io.leaklens.model.StackFrame;
import io.leaklens.model.TargetInfo;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks that a snapshot read from a file has everything the diff, the reports and the views take for granted.
 * LeakLens always writes these fields, so a file without one was damaged or edited behind gzip's back; without this
 * check it opened, and the first view or report to touch the missing name failed with a NullPointerException.
 */
final class SnapshotCheck {

    private final Path file;

    private SnapshotCheck(Path file) {
        this.file = file;
    }

    /** Returns the snapshot, or says in one sentence which part of the file is missing. */
    static Snapshot complete(Path file, Snapshot snapshot) throws SnapshotFileException {
        if (snapshot == null || snapshot.info() == null || snapshot.info().takenAt() == null) {
            throw new SnapshotFileException(file + " is corrupt: it holds no snapshot");
        }
        SnapshotCheck check = new SnapshotCheck(file);
        check.target(snapshot.info().target());
        check.require(snapshot.heap() == null || snapshot.heap().time() != null, "the heap reading's time");
        check.require(snapshot.histogram().took() != null, "the histogram's duration");
        for (HistogramEntry entry : snapshot.histogram().classes()) {
            check.require(entry.className() != null, "a histogram row's class");
        }
        check.allocations(snapshot.allocations());
        check.require(snapshot.oldObjects().targetPause() != null && snapshot.oldObjects().requestTook() != null,
                "the old objects' timings");
        for (OldObjectSample sample : snapshot.oldObjects().samples()) {
            check.oldObject(sample);
        }
        check.leaks(snapshot.leaks());
        return snapshot;
    }

    private void target(TargetInfo target) throws SnapshotFileException {
        require(target != null, "the target JVM");
        require(target.displayName() != null && target.jvmVersion() != null && target.vmName() != null,
                "the target JVM's name or version");
    }

    private void allocations(AllocationProfile allocations) throws SnapshotFileException {
        require((allocations.from() == null) == (allocations.to() == null), "the allocation profile's period");
        for (ClassAllocation row : allocations.classes()) {
            require(row.className() != null && row.recentRates() != null, "an allocating class");
            frameOrNone(row.topSite());
        }
        for (SiteAllocation site : allocations.sites()) {
            require(site.site() != null && site.recentRates() != null, "an allocation site");
            frameOrNone(site.site());
            frames(site.stack());
        }
    }

    private void oldObject(OldObjectSample sample) throws SnapshotFileException {
        require(sample.className() != null && sample.allocationTime() != null && sample.age() != null,
                "an old object's class or age");
        frames(sample.stack());
        for (ReferenceHop hop : sample.pathFromRoot()) {
            require(hop.className() != null, "a class on an old object's path");
        }
    }

    private void leaks(LeakReport leaks) throws SnapshotFileException {
        require(leaks.verdict() != null && leaks.reason() != null, "the leak verdict");
        for (RuleResult rule : leaks.rules()) {
            require(rule.rule() != null && rule.status() != null && rule.summary() != null, "a leak rule's result");
        }
        for (LeakSuspect suspect : leaks.suspects()) {
            require(suspect.className() != null && suspect.explanation() != null, "a leak suspect's class");
            frameOrNone(suspect.allocationSite());
            for (PathStep step : suspect.pathFromRoot()) {
                require(step.className() != null, "a class on a leak suspect's path");
            }
        }
    }

    private void frames(List<StackFrame> frames) throws SnapshotFileException {
        for (StackFrame frame : frames) {
            frameOrNone(frame);
        }
    }

    private void frameOrNone(StackFrame frame) throws SnapshotFileException {
        require(frame == null || frame.className() != null && frame.methodName() != null, "a stack frame's method");
    }

    private void require(boolean present, String what) throws SnapshotFileException {
        if (!present) {
            throw new SnapshotFileException(file + " is corrupt: " + what + " is missing");
        }
    }
}
