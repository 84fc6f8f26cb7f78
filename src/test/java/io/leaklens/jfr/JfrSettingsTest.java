package io.leaklens.jfr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class JfrSettingsTest {

    @Test
    void defaultsGiveTheWholeMapWithAFiniteCutoff() {
        JfrSettings settings = JfrSettings.defaults();
        assertThat(settings.allocationThrottle()).isEqualTo("150/s");
        assertThat(settings.oldObjectCutoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.maxAge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.maxSize()).isEqualTo(50L * 1024 * 1024);
        assertThat(settings.toMap()).containsExactly(
                entry("jdk.ObjectAllocationSample#enabled", "true"),
                entry("jdk.ObjectAllocationSample#throttle", "150/s"),
                entry("jdk.ObjectAllocationSample#stackTrace", "true"),
                entry("jdk.GCHeapSummary#enabled", "true"),
                entry("jdk.GarbageCollection#enabled", "true"),
                entry("jdk.GarbageCollection#threshold", "0 ms"),
                entry("jdk.OldObjectSample#enabled", "true"),
                entry("jdk.OldObjectSample#stackTrace", "true"),
                entry("jdk.OldObjectSample#cutoff", "250000000 ns"));
    }

    @Test
    void changesAreValidatedAndWritten() {
        Map<String, String> map = JfrSettings.defaults().withAllocationThrottle(" 300 / s ")
                .withOldObjectCutoff(Duration.ofMillis(250)).toMap();
        assertThat(map).containsEntry("jdk.ObjectAllocationSample#throttle", "300/s")
                .containsEntry("jdk.OldObjectSample#cutoff", "250000000 ns");
        assertThat(JfrSettings.defaults().withAllocationThrottle("20/ms").allocationThrottle()).isEqualTo("20/ms");
        assertThat(JfrSettings.defaults().withMaxAge(Duration.ofSeconds(30)).withMaxSize(1024).maxSize())
                .isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "150", "150/sec", "150/S", "fast", "-1/s", "1.5/s", "150 per s", "off", "/s"})
    void rejectsThrottlesNoTargetUnderstands(String throttle) {
        assertThatThrownBy(() -> JfrSettings.defaults().withAllocationThrottle(throttle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid allocation throttle '" + throttle + "': expected a rate such as 150/s (a whole"
                        + " number, '/', and one of ns, us, ms, s, m, h, d)");
    }

    @Test
    void rejectsARateOfZeroAndUnboundedOrEmptyLimits() {
        assertThatThrownBy(() -> JfrSettings.defaults().withAllocationThrottle("0/s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records no allocations");
        assertThatThrownBy(() -> JfrSettings.defaults().withOldObjectCutoff(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cutoff must be positive");
        assertThatThrownBy(() -> JfrSettings.defaults().withOldObjectCutoff(Duration.ofDays(365)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1 minute");
        assertThatThrownBy(() -> JfrSettings.defaults().withMaxAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max age must be positive");
        assertThatThrownBy(() -> JfrSettings.defaults().withMaxSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max size must be positive");
    }
}
