package io.leaklens.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the JDK (17 and 25) gives the threads that serve monitoring tools, and some that it does not. */
class MonitoringThreadTest {

    @ParameterizedTest
    @ValueSource(strings = {"RMI TCP Connection(3)-127.0.0.1", "RMI TCP Accept-0", "RMI Scheduler(0)",
            "RMI RenewClean-[127.0.0.1:40213]", "RMI Reaper", "RMI GC Daemon", "JMX server connection timeout 41",
            "JFR Periodic Tasks", "JFR Recorder Thread", "JFR Shutdown Hook", "Attach Listener"})
    void threadsServingMonitoringTools(String name) {
        assertThat(MonitoringThread.serves(name)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"main", "pool-1-thread-1", "RMI-like worker", "http-nio-8080-exec-1", "JFRunner",
            "Reference Handler", "ForkJoinPool.commonPool-worker-1", ""})
    void applicationAndOtherJdkThreads(String name) {
        assertThat(MonitoringThread.serves(name)).isFalse();
    }
}
