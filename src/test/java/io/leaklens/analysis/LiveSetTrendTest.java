package io.leaklens.analysis;

import io.leaklens.model.LiveSetPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.leaklens.analysis.Records.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiveSetTrendTest {

    @Test
    void exactSlopeAndNoErrorOnAStraightLine() {
        // 500 bytes/s, points 250 ms apart, starting at an arbitrary level
        List<LiveSetPoint> line = IntStream.range(0, 40).mapToObj(i -> live(i * 0.25, 1_000_000 + 125L * i)).toList();

        LiveSetTrend trend = LiveSetTrend.of(line);

        assertThat(trend.slopeBytesPerSecond()).isCloseTo(500.0, within(1e-9));
        assertThat(trend.standardError()).isCloseTo(0.0, within(1e-9));
        assertThat(trend.points()).isEqualTo(40);
    }

    @Test
    void shrinkingLiveSetHasANegativeSlope() {
        LiveSetTrend trend = LiveSetTrend.of(List.of(live(0, 9_000), live(1, 6_000), live(2, 3_000)));

        assertThat(trend.slopeBytesPerSecond()).isCloseTo(-3_000.0, within(1e-9));
    }

    @Test
    void twoPointsGiveASlopeButNoError() {
        LiveSetTrend trend = LiveSetTrend.of(List.of(live(10, 1_000), live(14, 3_000)));

        assertThat(trend.slopeBytesPerSecond()).isCloseTo(500.0, within(1e-9));
        assertThat(trend.standardError()).isNaN();
        assertThat(trend.points()).isEqualTo(2);
    }

    @Test
    void noPointsOrOnePointGiveZeroSlopeAndNoError() {
        assertThat(LiveSetTrend.of(List.of())).isEqualTo(new LiveSetTrend(0, Double.NaN, 0));
        assertThat(LiveSetTrend.of(List.of(live(0, 5)))).isEqualTo(new LiveSetTrend(0, Double.NaN, 1));
        assertThat(LiveSetTrend.NONE.points()).isZero();
    }

    @Test
    void flatLiveSetHasZeroSlopeAndZeroError() {
        LiveSetTrend trend = LiveSetTrend.of(IntStream.range(0, 10).mapToObj(i -> live(i, 42_000)).toList());

        assertThat(trend.slopeBytesPerSecond()).isZero();
        assertThat(trend.standardError()).isZero();
    }

    @Test
    void pointsAtOneInstantGiveNoSlope() {
        LiveSetTrend trend = LiveSetTrend.of(List.of(live(3, 1_000), live(3, 9_000), live(3, 5_000)));

        assertThat(trend.slopeBytesPerSecond()).isZero();
        assertThat(trend.standardError()).isNaN();
        assertThat(trend.points()).isEqualTo(3);
    }

    @Test
    void noiseAroundALineGivesThatSlopeWithAnErrorThatCoversIt() {
        List<LiveSetPoint> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long noise = (i % 2 == 0 ? 1 : -1) * 4_000L; // alternating, so the fit is unbiased
            points.add(live(i, 10_000_000 + 2_000L * i + noise));
        }

        LiveSetTrend trend = LiveSetTrend.of(points);

        assertThat(trend.standardError()).isPositive();
        assertThat(trend.slopeBytesPerSecond()).isCloseTo(2_000.0, within(3 * trend.standardError()));
    }

    @Test
    void aLargeHeapDoesNotLosePrecision() {
        // 8 GB live set growing 1 KB/s, a day long: the fit works on offsets, not on epoch milliseconds
        List<LiveSetPoint> points = IntStream.range(0, 100)
                .mapToObj(i -> live(i * 864.0, (8L << 30) + 1024L * 864 * i)).toList();

        assertThat(LiveSetTrend.of(points).slopeBytesPerSecond()).isCloseTo(1024.0, within(1e-6));
    }
}
