package io.leaklens.model;

/**
 * One row of a class histogram: how many objects of a class were alive, and their shallow size.
 *
 * @param className the class, in readable form ({@code byte[]}, {@code com.acme.Outer$Inner})
 * @param instances live instances
 * @param bytes     their shallow size in bytes
 */
public record HistogramEntry(String className, long instances, long bytes) {
}
