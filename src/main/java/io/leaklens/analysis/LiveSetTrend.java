package io.leaklens.analysis;

import io.leaklens.model.LiveSetPoint;

import java.util.List;

/**
 * The least-squares slope of the heap in use after collections, in bytes per second, with its standard error.
 * The leak rules build on it; the CLI reports it.
 *
 * @param slopeBytesPerSecond growth of the live set per second (negative when it shrinks)
 * @param standardError       the slope's standard error, NaN with fewer than three points
 * @param points              how many points were fitted
 */
public record LiveSetTrend(double slopeBytesPerSecond, double standardError, int points) {

    public static final LiveSetTrend NONE = new LiveSetTrend(0, Double.NaN, 0);

    public static LiveSetTrend of(List<LiveSetPoint> liveSet) {
        int n = liveSet.size();
        if (n < 2) {
            return new LiveSetTrend(0, Double.NaN, n);
        }
        long t0 = liveSet.getFirst().time().toEpochMilli();
        double[] seconds = new double[n];
        double[] bytes = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = (liveSet.get(i).time().toEpochMilli() - t0) / 1000.0;
            bytes[i] = liveSet.get(i).bytes();
        }
        Regression fit = Regression.of(seconds, bytes, 0, n);
        return new LiveSetTrend(fit.slope(), fit.standardError(), n);
    }
}
