package io.leaklens.model;

/**
 * What a recording file holds, by its chunk headers.
 *
 * @param chunks         the chunks in the file
 * @param recordings     runs of chunks that follow each other, each read on its own: 1 for a file made by one dump
 * @param repeatedChunks chunks the file holds more than once (the same recording dumped twice, then joined), read once
 */
public record RecordingContents(int chunks, int recordings, int repeatedChunks) {
}
