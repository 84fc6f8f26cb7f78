package io.leaklens.jfr;

import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a live stream's recording is run in a target and its events reach us: over the target's JMX connection
 * ({@link JmxRecordingChannel}: a {@code RemoteRecordingStream}), or by diagnostic commands and the target's disk
 * repository ({@link RepositoryRecordingChannel}: nothing started in the target but JFR). {@link LiveJfrStream}
 * supervises either the same way; one stream at a time.
 */
public interface RecordingChannel {

    /**
     * Starts a recording with these settings and returns a stream of its events, not yet started. {@code prepare}
     * runs on the new stream before anything that can fail: a remote stream closes quietly when its settings fail.
     *
     * @throws IOException the target has no Flight Recorder, refused the recording, or does not answer
     */
    EventStream open(JfrSettings settings, Consumer<EventStream> prepare) throws IOException;

    /** Applies new settings to the recording behind the running {@code stream}. */
    void change(EventStream stream, JfrSettings settings) throws IOException;

    /**
     * Before the user's close of {@code stream}: a recording that samples old objects searches their paths to GC
     * roots when it stops, a pause nobody reads the result of once we close; spare the target that pause.
     */
    void beforeClose(EventStream stream);

    /** After {@code stream} was closed, for good or to be replaced: stops whatever recording still feeds it. */
    void afterClose(EventStream stream);

    /** Whether the target still answers: a cheap round trip or a look at its process. */
    boolean answers();

    /**
     * Makes the target emit its old-object samples with paths to GC roots, searched for at most {@code cutoff}, into
     * the running stream. Returns when the target has emitted them; they reach the stream a second or so later.
     */
    OldObjectRefresh emitOldObjects(Duration cutoff) throws IOException;

    /** Where the events come from, for the status line: "over JMX", "from the target's disk repository". */
    String describe();
}
