package io.leaklens.ui.snapshots;

import io.leaklens.model.Snapshot;

import java.nio.file.Path;

/**
 * A snapshot in the session's list, and the file it was last saved to or opened from.
 *
 * @param snapshot the snapshot, with the name and notes the user gave it
 * @param file     its file, or null while it is only in the session
 * @param unsaved  whether it changed (or was never saved) since it was last written
 */
public record SnapshotEntry(Snapshot snapshot, Path file, boolean unsaved) {

    public String name() {
        return snapshot.info().name();
    }
}
