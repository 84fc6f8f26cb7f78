package io.leaklens.session;

/** A registration to undo: closing it removes the listener (twice is harmless). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
