package io.leaklens.model;

import java.time.Duration;
import java.util.List;

/**
 * Two snapshots compared: what grew, by how much, from where, and what looks like a leak.
 *
 * @param before          the earlier snapshot's description
 * @param after           the later one's
 * @param classes         every class in either, most bytes grown first
 * @param sites           allocation sites in either, largest change in rate first
 * @param survivors       old-object samples of the later snapshot that were already sampled in the earlier one
 * @param newOldObjects   old-object samples of the later snapshot not in the earlier one
 * @param suspects        the classes that look like they leak, highest score first
 * @param leaks           whether a leak found in the earlier snapshot's session is gone in the later one's
 */
public record SnapshotDiff(SnapshotInfo before, SnapshotInfo after, List<ClassDelta> classes, List<SiteDelta> sites,
                           List<OldObjectSample> survivors, List<OldObjectSample> newOldObjects,
                           List<LeakSuspect> suspects, LeakComparison leaks) {

    public SnapshotDiff(SnapshotInfo before, SnapshotInfo after, List<ClassDelta> classes, List<SiteDelta> sites,
                        List<OldObjectSample> survivors, List<OldObjectSample> newOldObjects,
                        List<LeakSuspect> suspects) {
        this(before, after, classes, sites, survivors, newOldObjects, suspects, LeakComparison.UNKNOWN);
    }

    public SnapshotDiff {
        classes = List.copyOf(classes);
        sites = List.copyOf(sites);
        survivors = List.copyOf(survivors);
        newOldObjects = List.copyOf(newOldObjects);
        suspects = List.copyOf(suspects);
        leaks = leaks == null ? LeakComparison.UNKNOWN : leaks;
    }

    /** The time between the two snapshots (negative if "before" was taken later). */
    public Duration between() {
        return Duration.between(before.takenAt(), after.takenAt());
    }

    public long bytesBefore() {
        return classes.stream().mapToLong(ClassDelta::bytesBefore).sum();
    }

    public long bytesAfter() {
        return classes.stream().mapToLong(ClassDelta::bytesAfter).sum();
    }
}
