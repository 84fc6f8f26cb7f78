package io.leaklens.attach;

import io.leaklens.attach.AttachException.Reason;
import io.leaklens.fixtures.ExitOnAttach;
import io.leaklens.fixtures.Idle;
import io.leaklens.model.HeapSample;
import io.leaklens.model.Transport;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JvmConnectorTest {

    private static ChildJvm idle25;
    private static ChildJvm idle17;
    private static ChildJvm attachDisabled;
    private static ChildJvm noPerfData;
    private final JvmConnector connector = new JvmConnector();

    @BeforeAll
    static void startChildren() {
        List<ChildJvm> children = ChildJvm.startAll(
                ChildJvm.of(Idle.class),
                ChildJvm.hasJdk(17) ? ChildJvm.of(Idle.class).jdk(17) : null,
                ChildJvm.of(Idle.class).jvmOptions("-XX:+DisableAttachMechanism"),
                ChildJvm.of(Idle.class).jvmOptions("-XX:-UsePerfData"));
        idle25 = children.get(0);
        idle17 = children.get(1);
        attachDisabled = children.get(2);
        noPerfData = children.get(3);
    }

    @AfterAll
    static void stopChildren() {
        ChildJvm.closeAll(idle25, idle17, attachDisabled, noPerfData);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void readsTheMemoryOfAJdk25Target(Transport transport) throws Exception {
        try (TargetConnection connection = connector.connect(idle25.pid(), transport)) {
            assertThat(connection.transport()).isEqualTo(transport);
            assertThat(connection.info().pid()).isEqualTo(idle25.pid());
            assertThat(connection.info().displayName()).isEqualTo("io.leaklens.fixtures.Idle");
            assertThat(connection.info().jvmVersion()).startsWith(ChildJvm.CURRENT + ".");
            assertThat(connection.info().collectors()).isNotEmpty();
            assertSampleIsSane(connection.sample(), transport);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void readsTheMemoryOfAJdk17Target(Transport transport) throws Exception {
        assumeTrue(idle17 != null, "no JDK 17 installed");
        try (TargetConnection connection = connector.connect(idle17.pid(), transport)) {
            assertThat(connection.info().jvmVersion()).startsWith("17.");
            assertThat(connection.info().vmName()).isNotBlank();
            assertSampleIsSane(connection.sample(), transport);
        }
    }

    /**
     * The target says what its CPU goes to: from the second read on, the whole process and its monitoring threads
     * (those answering these very reads among them), each at most what the machine's cores allow.
     */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void readsWhatTheTargetsCpuGoesToOnJdk25And17(Transport transport) throws Exception {
        for (ChildJvm child : java.util.Arrays.asList(idle25, idle17)) {
            if (child == null) {
                continue;
            }
            try (TargetConnection connection = connector.connect(child.pid(), transport)) {
                io.leaklens.model.HeapSample first = connection.sample();
                for (int i = 0; i < 20; i++) {
                    connection.sample(); // the monitoring threads answer these
                }
                Thread.sleep(200);
                io.leaklens.model.HeapSample later = connection.sample();

                assertThat(first.processCpu()).isNaN();
                int cores = Runtime.getRuntime().availableProcessors();
                assertThat(later.processCpu()).as(child.toString()).isBetween(0.0, cores + 0.5);
                assertThat(later.monitoringCpu()).isBetween(0.0, later.processCpu() + 0.05);
            }
        }
    }

    /** Without performance data there is nothing to read the heap from but JMX: the cheapest way is JMX then. */
    @Test
    void attachesByPidToAJvmThatPublishesNoPerformanceData() throws Exception {
        try (TargetConnection connection = connector.connect(noPerfData.pid())) {
            assertThat(connection.transport()).isEqualTo(Transport.JMX);
            assertThat(connection.info().displayName()).isEqualTo("io.leaklens.fixtures.Idle");
            assertSampleIsSane(connection.sample(), Transport.JMX);
        }
        AttachException e = catchThrowableOfType(AttachException.class,
                () -> connector.connect(noPerfData.pid(), Transport.JCMD).close());
        assertThat(e).hasMessage("JVM " + noPerfData.pid() + " cannot be watched without JMX: it publishes no "
                + "performance data (-XX:-UsePerfData)");
    }

    @Test
    void theCheapestWayIsWithoutAnAgent() throws Exception {
        try (TargetConnection connection = connector.connect(idle25.pid())) {
            assertThat(connection.transport()).isEqualTo(Transport.JCMD);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSecondConnectionToTheSameTargetWorks(Transport transport) throws Exception {
        try (TargetConnection first = connector.connect(idle25.pid(), transport);
             TargetConnection second = connector.connect(idle25.pid(), transport)) {
            assertThat(second.sample().heapCommitted()).isPositive();
            assertThat(first.sample().heapCommitted()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void countsTheLiveHeapOrWalksAllOfItByEitherTransport(Transport transport) throws Exception {
        ChildJvm target = idle17 != null ? idle17 : idle25;
        try (TargetConnection connection = connector.connect(target.pid(), transport)) {
            for (String text : List.of(connection.classHistogram(), connection.heapWalkHistogram())) {
                assertThat(text).contains("java.lang.String");
                assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("Total");
            }
        }
    }

    private static void assertSampleIsSane(HeapSample sample, Transport transport) {
        // G1 publishes eden's use when a region is retired: an idle JVM that has not filled one shows 0 until then.
        // JMX's own start in the target allocates enough to fill several.
        assertThat(sample.heapUsed()).isGreaterThanOrEqualTo(transport == Transport.JMX ? 1 : 0);
        assertThat(sample.heapCommitted()).isPositive().isGreaterThanOrEqualTo(sample.heapUsed());
        assertThat(sample.heapMax()).isGreaterThanOrEqualTo(sample.heapCommitted());
        assertThat(sample.threadCount()).isPositive();
        if (transport == Transport.JMX) {
            assertThat(sample.metaspaceUsed()).isPositive();
            assertThat(sample.nonHeapUsed()).isGreaterThanOrEqualTo(sample.metaspaceUsed());
            assertThat(sample.directBufferUsed()).isGreaterThanOrEqualTo(0);
        } else {
            // Not in the performance data: the session fills direct buffers in from JFR.
            assertThat(sample.nonHeapUsed()).isEqualTo(-1);
            assertThat(sample.directBufferUsed()).isEqualTo(-1);
            // Published at collections only: unknown (-1) before the first.
            assertThat(sample.metaspaceUsed()).isNotZero().isGreaterThanOrEqualTo(-1);
        }
        assertThat(sample.gcCount()).isGreaterThanOrEqualTo(0);
        assertThat(sample.allocationRate()).isNaN();
    }

    @Test
    void aFinishedProcessIsNoProcess() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();

        AttachException e = connectFails(finished.pid(), Reason.NO_SUCH_PROCESS);

        assertThat(e).hasMessage("no process with pid " + finished.pid());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5})
    void aPidThatCannotBeIsRefused(long pid) {
        connectFails(pid, Reason.NO_SUCH_PROCESS);
    }

    @Test
    void aProcessThatIsNotAJvmIsRefusedAtOnce() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            long started = System.nanoTime();
            AttachException e = connectFails(sleep.pid(), Reason.NOT_A_JVM);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(e).hasMessage("process " + sleep.pid() + " (sleep) is not a Java virtual machine");
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void aJvmStartedWithAttachDisabledIsRefused() {
        AttachException e = connectFails(attachDisabled.pid(), Reason.ATTACH_DISABLED);

        assertThat(e).hasMessage("JVM " + attachDisabled.pid()
                + " does not accept attach: it was started with -XX:+DisableAttachMechanism");
        assertThat(new JvmLocator().find(attachDisabled.pid())).hasValueSatisfying(
                jvm -> assertThat(jvm.attachable()).isFalse());
    }

    @Test
    void neverAttachesToItself() {
        long self = ProcessHandle.current().pid();

        AttachException e = connectFails(self, Reason.SELF);

        assertThat(e).hasMessageContaining("LeakLens itself");
    }

    /**
     * The target halts the moment the attach handshake file appears. Depending on who wins the race the JDK's
     * client reads "Premature EOF" (the target's listener had started) or keeps waiting for a socket that never
     * comes (then it only fails after half its 10 s timeout, with "non existent JVM pid").
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {25, 17})
    void aJvmThatExitsWhileWeAttachIsReportedAsExitedAtOnce(int jdk) {
        assumeTrue(ChildJvm.hasJdk(jdk), "no JDK " + jdk + " installed");
        try (ChildJvm exiting = ChildJvm.of(ExitOnAttach.class).jdk(jdk).start()) {
            long started = System.nanoTime();

            AttachException e = connectFails(exiting.pid(), Reason.EXITED_WHILE_CONNECTING);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(e).hasMessage("JVM " + exiting.pid() + " exited while connecting");
        }
    }

    private AttachException connectFails(long pid, Reason reason) {
        AttachException e = catchThrowableOfType(AttachException.class, () -> connector.connect(pid).close());
        assertThat(e).as("connecting to %d must fail", pid).isNotNull();
        assertThat(e.reason()).as("%s", e).isEqualTo(reason);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
        return e;
    }
}
