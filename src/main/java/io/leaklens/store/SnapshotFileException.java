package io.leaklens.store;

import java.io.IOException;

/** A snapshot file could not be read or written; the message is one sentence for the user. */
public final class SnapshotFileException extends IOException {

    public SnapshotFileException(String message) {
        super(message);
    }

    public SnapshotFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
