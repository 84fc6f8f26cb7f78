/**
 * The only package reading HPROF heap dumps: a sequential reader, an index of the dump's objects in primitive arrays,
 * the dominator tree with retained sizes, the GC roots and the shortest strong paths from them. Answers in
 * {@link io.leaklens.model} records. May use model only; only the session layer uses it.
 */
package io.leaklens.heapdump;
