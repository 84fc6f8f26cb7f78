package io.leaklens.model;

import java.time.Instant;

/**
 * The heap in use right after a collection: the best cheap estimate of what the program keeps alive.
 *
 * @param time  when the collection ended
 * @param bytes heap bytes in use after it
 */
public record LiveSetPoint(Instant time, long bytes) {
}
