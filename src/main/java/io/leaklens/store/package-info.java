/**
 * Files LeakLens writes and reads: snapshot files ({@code .llsnap}: a versioned, compressed format, written
 * atomically, with one clear sentence for any file it cannot read) and exports of a comparison (CSV, HTML).
 * Depends on the model only.
 */
package io.leaklens.store;
