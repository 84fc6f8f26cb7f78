package io.leaklens.ui.heap;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HeapChartDataTest {

    @Test
    void thinningBoundsThePointsAndKeepsThePeaks() {
        int n = 10_000;
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i;
            values[i] = 10;
        }
        values[4_321] = 500; // a spike must survive
        values[7_777] = -3;  // and so must a dip

        ChartSeries thin = HeapChartData.thin(new ChartSeries("Used", times, values));

        assertThat(thin.size()).isLessThanOrEqualTo(HeapChartData.MAX_POINTS);
        assertThat(Arrays.stream(thin.values()).max().orElseThrow()).isEqualTo(500);
        assertThat(Arrays.stream(thin.values()).min().orElseThrow()).isEqualTo(-3);
        for (int i = 1; i < thin.size(); i++) {
            assertThat(thin.times()[i]).isGreaterThan(thin.times()[i - 1]);
        }
    }

    @Test
    void shortSeriesAreLeftAlone() {
        ChartSeries series = new ChartSeries("Used", new double[] {1, 2, 3}, new double[] {5, 6, 7});

        assertThat(HeapChartData.thin(series)).isSameAs(series);
    }
}
