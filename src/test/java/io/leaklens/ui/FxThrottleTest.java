package io.leaklens.ui;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

class FxThrottleTest {

    /** Stands in for the FX thread: runs what it is given when the test says so. */
    private final LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    private final Executor fx = fxQueue::add;

    @Test
    void aBurstIsDeliveredOnceAndTheNewestWins() {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        FxThrottle<Integer> throttle = new FxThrottle<>(fx, Duration.ofMillis(100), delivered::add);

        for (int i = 1; i <= 1_000; i++) {
            throttle.offer(i);
        }
        fxQueue.poll().run();

        assertThat(fxQueue).isEmpty();
        assertThat(delivered).containsExactly(1_000);
    }

    @Test
    void deliveriesAreAtLeastAnIntervalApart() throws InterruptedException {
        List<Long> times = new CopyOnWriteArrayList<>();
        FxThrottle<Integer> throttle = new FxThrottle<>(fx, Duration.ofMillis(100), v -> times.add(System.nanoTime()));

        for (int round = 0; round < 4; round++) {
            throttle.offer(round);
            fxQueue.take().run();
        }

        // The consumer's own clock reading may come a little late or early; 100 ms apart is the contract, 85 ms the
        // tolerance for that reading, far above what an unthrottled burst (microseconds) would show.
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(Duration.ofMillis(85).toNanos());
        }
    }

    @Test
    void nothingIsDeliveredAfterClose() {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        FxThrottle<Integer> throttle = new FxThrottle<>(fx, Duration.ofMillis(100), delivered::add);
        throttle.offer(1);

        throttle.close();
        fxQueue.forEach(Runnable::run);
        throttle.offer(2);

        assertThat(delivered).isEmpty();
        assertThat(fxQueue).hasSizeLessThanOrEqualTo(1);
    }
}
