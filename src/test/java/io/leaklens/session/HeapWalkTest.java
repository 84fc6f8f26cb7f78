package io.leaklens.session;

import io.leaklens.fixtures.OverheadLoad;
import io.leaklens.model.ClassHistogram;
import io.leaklens.model.SessionState;
import io.leaklens.model.TimedHistogram;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.leaklens.support.SessionStates.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A heap that the conservative prior rate rules out (800 MB at 1 ms per MB reaches the 400 ms limit) but that is
 * cheap to count, being mostly 16 KB arrays: the session walks it once, measures, and takes its histograms.
 */
class HeapWalkTest {

    private static final Duration LIMIT = Duration.ofMillis(400);
    private static ChildJvm arrays;

    @BeforeAll
    static void startChild() {
        // one worker, little churn (a long computation per operation), 800 MB of 16 KB arrays kept
        arrays = ChildJvm.of(OverheadLoad.class).jvmOptions("-Xmx1500m").args("bytes", "1", "100000", "800").start();
    }

    @AfterAll
    static void stopChild() {
        ChildJvm.closeAll(arrays);
    }

    @Test
    void aHeapTheRateRulesOutIsWalkedOnceAndThenGetsItsHistograms() throws Exception {
        WatchOptions options = new WatchOptions("150/s", Duration.ZERO, Duration.ofSeconds(2))
                .withHistogramPauseLimit(LIMIT);
        try (LiveSession session = LiveSession.connect(arrays.pid(), options)) {
            SessionState state = await(session, "a live histogram after the walk",
                    s -> s.histograms().stream().anyMatch(h -> h.histogram().liveOnly()));

            ClassHistogram walk = state.histograms().getFirst().histogram();
            System.out.printf("800 MB of arrays: walked in %d ms, then counted live in %d ms%n",
                    walk.took().toMillis(), state.histograms().get(1).histogram().took().toMillis());
            assertThat(walk.liveOnly()).as("the first count is the walk").isFalse();
            assertThat(walk.totalBytes()).isGreaterThan(800L << 20);
            assertThat(walk.took()).isLessThan(LIMIT);
            assertThat(state.histograms().stream().skip(1).map(TimedHistogram::histogram))
                    .allMatch(ClassHistogram::liveOnly);
            assertThat(state.histogramStatus()).isEmpty();
            assertThat(session.state().leaks().rules()).isNotEmpty();
        }
    }
}
