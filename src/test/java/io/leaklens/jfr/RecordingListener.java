package io.leaklens.jfr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stream listener that remembers what it heard, for tests. */
final class RecordingListener implements LiveJfrStream.Listener {

    final List<String> restarts = new CopyOnWriteArrayList<>();
    final List<String> ends = new CopyOnWriteArrayList<>();

    @Override
    public void restarted(String reason) {
        restarts.add(reason);
    }

    @Override
    public void ended(String reason) {
        ends.add(reason);
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return CollectingSink.await(timeout, () -> !ends.isEmpty());
    }

    @Override
    public String toString() {
        return "restarts " + restarts + ", ends " + ends;
    }
}
