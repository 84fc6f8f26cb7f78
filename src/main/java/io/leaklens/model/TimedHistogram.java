package io.leaklens.model;

import java.time.Instant;

/**
 * A class histogram and when it was taken: the leak rules follow each class across a series of them.
 *
 * @param takenAt   when the target counted
 * @param histogram what it counted
 */
public record TimedHistogram(Instant takenAt, ClassHistogram histogram) {
}
