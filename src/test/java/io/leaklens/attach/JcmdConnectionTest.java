package io.leaklens.attach;

import io.leaklens.fixtures.Idle;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.HeapSample;
import io.leaklens.model.Transport;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Watching without an agent, on real children: what the performance data and diagnostic commands give. */
class JcmdConnectionTest {

    private static ChildJvm leak25;
    private static ChildJvm leak17;

    @BeforeAll
    static void startChildren() {
        List<ChildJvm> children = ChildJvm.startAll(
                ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx96m"),
                ChildJvm.hasJdk(17) ? ChildJvm.of(StaticListLeak.class).jdk(17).jvmOptions("-Xmx96m") : null);
        leak25 = children.get(0);
        leak17 = children.get(1);
    }

    @AfterAll
    static void stopChildren() {
        ChildJvm.closeAll(leak25, leak17);
    }

    private static TargetConnection connect(ChildJvm child) throws AttachException {
        return new JvmConnector().connect(child.pid(), Transport.JCMD);
    }

    @ParameterizedTest(name = "JDK {0} target")
    @ValueSource(ints = {25, 17})
    void readsTheHeapAndItsCollectionsAndTakesAClassHistogram(int jdk) throws Exception {
        ChildJvm child = jdk == 17 ? leak17 : leak25;
        assumeTrue(child != null, "no JDK 17 installed");
        try (TargetConnection connection = connect(child)) {
            HeapSample before = connection.sample();
            assertThat(before.heapMax()).as("-Xmx96m").isEqualTo(96L << 20);
            assertThat(connection.info().collectors()).isNotEmpty();

            String histogram = connection.classHistogram(); // a full collection in the target

            assertThat(histogram).contains(StaticListLeak.class.getName() + "$Entry").contains("Total");
            HeapSample after = connection.sample();
            assertThat(after.gcCount()).isGreaterThan(before.gcCount());
            assertThat(after.gcTimeMillis()).isGreaterThanOrEqualTo(before.gcTimeMillis());
            assertThat(after.time()).isAfter(before.time());
        }
    }

    @Test
    void writesAHeapDumpAndSaysWhyWhenItCannot(@TempDir Path dir) throws Exception {
        try (TargetConnection connection = connect(leak25)) {
            Path dump = dir.resolve("leak with space.hprof");
            connection.dumpHeap(dump);
            assertThat(Files.size(dump)).isGreaterThan(1 << 20);

            assertThatThrownBy(() -> connection.dumpHeap(dir.resolve("missing/x.hprof")))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("JVM " + leak25.pid() + " could not write a heap dump to ");
        }
    }

    @Test
    void aTargetThatEndsFailsTheNextRead() throws Exception {
        ChildJvm idle = ChildJvm.of(Idle.class).start();
        try (TargetConnection connection = connect(idle)) {
            connection.sample();
            idle.kill();
            assertThatThrownBy(connection::sample).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("has ended");
            assertThat(connection.targetEnded()).isTrue();
        } finally {
            idle.close();
        }
    }

    /** A stopped JVM's counters stand still: a read waits for it, as a JMX read would, and the session tells. */
    @Test
    void aReadOfAStoppedTargetWaitsUntilItIsContinued() throws Exception {
        try (ChildJvm idle = ChildJvm.of(Idle.class).start(); TargetConnection connection = connect(idle)) {
            idle.signal("STOP");
            try {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(connection::targetStopped);
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        Thread.sleep(700);
                        idle.signal("CONT");
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long start = System.nanoTime();
                assertThat(connection.sample().heapCommitted()).isPositive();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
            } finally {
                idle.signal("CONT");
            }
        }
    }
}
