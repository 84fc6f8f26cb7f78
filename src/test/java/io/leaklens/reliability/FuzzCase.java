package io.leaklens.reliability;

/**
 * One damaged file and the reader it is given to.
 *
 * @param name    what was done to it, enough to make it again
 * @param kind    the kind of damage, for the tally
 * @param reader  which LeakLens reader opens it
 * @param content the file's bytes
 */
record FuzzCase(String name, String kind, Reader reader, byte[] content) {

    /** The two file readers: snapshot files ({@code diff}) and JFR recordings ({@code analyze}). */
    enum Reader {
        SNAPSHOT(".llsnap"), JFR(".jfr");

        final String extension;

        Reader(String extension) {
            this.extension = extension;
        }
    }
}
