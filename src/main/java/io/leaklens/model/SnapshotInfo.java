package io.leaklens.model;

import java.time.Instant;

/**
 * What a snapshot is of and when: the user sees and edits the name and the notes.
 *
 * @param name    a short name, e.g. {@code Snapshot 2} or {@code after the fix}
 * @param notes   the user's notes, may be empty
 * @param takenAt when it was taken
 * @param target  the JVM it was taken from (pid, name, version, collectors)
 */
public record SnapshotInfo(String name, String notes, Instant takenAt, TargetInfo target) {

    public SnapshotInfo {
        name = name == null ? "" : name;
        notes = notes == null ? "" : notes;
    }
}
