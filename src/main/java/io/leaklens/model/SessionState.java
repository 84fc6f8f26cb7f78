package io.leaklens.model;

import java.time.Instant;
import java.util.Optional;

/**
 * An immutable picture of a session, published after each update. A disconnected state keeps all the data.
 *
 * @param target         the target
 * @param status         connected or not
 * @param connectedAt    when the session started
 * @param disconnectedAt when it ended, or null while connected
 * @param disconnectReason one sentence on why it ended, or null while connected
 * @param heap           what was seen of the heap
 */
public record SessionState(TargetInfo target, ConnectionStatus status, Instant connectedAt, Instant disconnectedAt,
                           String disconnectReason, HeapHistory heap) {

    public boolean connected() {
        return status == ConnectionStatus.CONNECTED;
    }

    public Optional<Instant> disconnectedTime() {
        return Optional.ofNullable(disconnectedAt);
    }
}
