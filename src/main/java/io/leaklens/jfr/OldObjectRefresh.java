package io.leaklens.jfr;

import java.time.Duration;
import java.time.Instant;

/**
 * One request to a target to emit its old-object samples, as the client saw it. The samples themselves arrive in
 * the running stream about 1–1.5 s later, announced by {@link JfrEvents#oldObjectBurstStarted}, which also tells how
 * long the target paused.
 *
 * @param startedAt  when the request began
 * @param clientTime how long the request's JMX calls took on our side (the target's pause is part of it)
 */
public record OldObjectRefresh(Instant startedAt, Duration clientTime) {
}
