package io.leaklens.jfr;

import io.leaklens.attach.JcmdConnection;
import io.leaklens.attach.JvmConnector;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.Transport;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live streams without a JMX agent: recordings started by diagnostic commands, read from the target's disk
 * repository, on real StaticListLeak children on JDK 25 and JDK 17.
 */
class RepositoryRecordingChannelTest {

    private static ChildJvm leak25;
    private static ChildJvm leak17;
    private static ChildJvm doomed;
    private static Watch watch25;
    private static Watch watch17;

    /** A stream started with the class: the target samples old objects only while it runs, both targets at once. */
    private record Watch(JcmdConnection target, RepositoryRecordingChannel channel, CollectingSink sink,
                         RecordingListener listener, LiveJfrStream stream) {
        static Watch start(ChildJvm child) throws Exception {
            JcmdConnection target = connect(child);
            RepositoryRecordingChannel channel = new RepositoryRecordingChannel(commands(target));
            CollectingSink sink = new CollectingSink();
            RecordingListener listener = new RecordingListener();
            return new Watch(target, channel, sink, listener,
                    LiveJfrStream.start(channel, JfrSettings.defaults(), sink, listener));
        }
    }

    @BeforeAll
    static void startChildren() throws Exception {
        List<ChildJvm> children = ChildJvm.startAll(
                ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m"),
                ChildJvm.hasJdk(17) ? ChildJvm.of(StaticListLeak.class).jdk(17).jvmOptions("-Xmx128m") : null,
                ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx64m"));
        leak25 = children.get(0);
        leak17 = children.get(1);
        doomed = children.get(2);
        watch25 = Watch.start(leak25);
        watch17 = leak17 == null ? null : Watch.start(leak17);
    }

    @AfterAll
    static void stopChildren() {
        for (Watch watch : new Watch[] {watch25, watch17}) {
            if (watch != null) {
                watch.stream().close();
                watch.target().close();
            }
        }
        ChildJvm.closeAll(leak25, leak17, doomed);
    }

    /** The target's diagnostic commands, as the session hands them to the channel. */
    private static DiagnosticCommands commands(JcmdConnection target) {
        return new DiagnosticCommands() {
            @Override
            public String execute(String command) throws IOException {
                return target.jcmd().execute(command);
            }

            @Override
            public boolean alive() {
                return target.targetRunning();
            }
        };
    }

    private static JcmdConnection connect(ChildJvm child) throws Exception {
        return (JcmdConnection) new JvmConnector().connect(child.pid(), Transport.JCMD);
    }

    /** The recordings LeakLens runs in the target now, as JFR.check lists them. */
    private static List<String> ourRecordings(JcmdConnection target) throws IOException {
        return target.jcmd().execute("JFR.check").lines().filter(l -> l.contains("name=LeakLens-")).toList();
    }

    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void streamsEventsAndOldObjectsWithPathsAndLeavesNoRecordingBehind(int jdk) throws Exception {
        Watch watch = jdk == 17 ? watch17 : watch25;
        Assumptions.assumeTrue(watch != null, "no JDK 17 installed");
        CollectingSink sink = watch.sink();
        JcmdConnection target = watch.target();
        Optional<OldObjectSample> entry = Optional.empty();
        try (LiveJfrStream stream = watch.stream()) {
            assertThat(ourRecordings(target)).as("the events and the old-object sampler").hasSize(2);
            assertThat(CollectingSink.await(Duration.ofSeconds(10), () -> sink.heapSummaries().stream()
                    .anyMatch(HeapSummaryEvent::afterGc) && sink.allocationCount() >= 100))
                    .as("allocations and an after-GC summary within 10 s").isTrue();

            long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            while (entry.isEmpty() && System.nanoTime() < deadline) {
                int before = sink.bursts().size();
                OldObjectRefresh refresh = watch.channel().emitOldObjects(Duration.ofSeconds(1));
                assertThat(refresh.clientTime()).isPositive();
                CollectingSink.await(Duration.ofSeconds(4), () -> sink.bursts().size() > before);
                Thread.sleep(300); // the rest of the burst, if it straddles a flush
                entry = sink.bursts().isEmpty() ? Optional.empty() : sink.bursts().getLast().samples().stream()
                        .filter(LiveJfrStreamTest::heldByAnEntry).findFirst();
            }
            assertThat(entry).as("an Entry held by the static list, with its path, among %s",
                    sink.bursts().stream().map(b -> b.samples().stream().map(o -> o.className() + "/"
                            + o.pathFromRoot().size()).toList()).toList()).isPresent();

            // A new throttle replaces the events' recording; the sampler, and the stream, go on.
            stream.setAllocationThrottle("300/s");
            assertThat(ourRecordings(target)).hasSize(2).anyMatch(l -> l.contains("-events-"))
                    .anyMatch(l -> l.contains("-sampler-"));
            int bursts = sink.bursts().size();
            int before = sink.allocationCount();
            assertThat(CollectingSink.await(Duration.ofSeconds(10), () -> sink.allocationCount() > before + 50))
                    .as("events flow after the change").isTrue();
            assertThat(sink.bursts()).as("replacing the events' recording emits no pathless burst")
                    .hasSize(bursts);
        }
        assertThat(ourRecordings(target)).as("nothing left running in the target").isEmpty();
        assertThat(watch.listener().restarts).isEmpty();
        assertThat(watch.listener().ends).isEmpty();
        assertThat(sink.calledFromTwoThreads).isFalse();
    }

    @Test
    void killingTheTargetEndsTheStreamOnce() throws Exception {
        CollectingSink sink = new CollectingSink();
        RecordingListener listener = new RecordingListener();
        try (JcmdConnection target = connect(doomed)) {
            RepositoryRecordingChannel channel = new RepositoryRecordingChannel(commands(target));
            LiveJfrStream stream = LiveJfrStream.start(channel, JfrSettings.defaults(), sink, listener);
            try {
                assertThat(CollectingSink.await(Duration.ofSeconds(10), () -> sink.flushes() > 0)).isTrue();
                doomed.kill();
                assertThat(listener.awaitEnd(Duration.ofSeconds(10))).as("ended within 10 s").isTrue();
                assertThat(listener.ends).singleElement().asString().startsWith("closed");
                assertThat(listener.restarts).isEmpty();
                assertThatThrownBy(() -> channel.emitOldObjects(Duration.ofSeconds(1)))
                        .isInstanceOf(IOException.class);
                long start = System.nanoTime();
                stream.close();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            } finally {
                stream.close();
            }
        }
    }

    @Test
    void aBadThrottleIsRefusedBeforeTheTargetHearsOfIt() throws Exception {
        try (JcmdConnection target = connect(leak25)) {
            RepositoryRecordingChannel channel = new RepositoryRecordingChannel(commands(target));
            try (LiveJfrStream stream = LiveJfrStream.start(channel, JfrSettings.defaults(), new CollectingSink(),
                    new RecordingListener())) {
                int running = ourRecordings(target).size(); // the class's own stream may run beside it
                assertThatThrownBy(() -> stream.setAllocationThrottle("fast")).isInstanceOf(
                        IllegalArgumentException.class);
                assertThat(ourRecordings(target)).hasSize(running);
            }
        }
    }
}
