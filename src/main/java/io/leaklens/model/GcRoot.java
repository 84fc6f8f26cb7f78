package io.leaklens.model;

/**
 * The GC root that keeps a chain alive, as JFR names it.
 *
 * @param system      the root system, e.g. {@code Threads}, {@code Class Loader Data}, {@code JNI}
 * @param type        the root type, e.g. {@code Stack Variable}, {@code Handle Area}
 * @param description e.g. the thread's name
 */
public record GcRoot(String system, String type, String description) {
}
