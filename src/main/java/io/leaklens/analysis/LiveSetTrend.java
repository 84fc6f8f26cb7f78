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
        double meanX = 0;
        double meanY = 0;
        for (LiveSetPoint p : liveSet) {
            meanX += (p.time().toEpochMilli() - t0) / 1000.0;
            meanY += p.bytes();
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (LiveSetPoint p : liveSet) {
            double dx = (p.time().toEpochMilli() - t0) / 1000.0 - meanX;
            sxx += dx * dx;
            sxy += dx * (p.bytes() - meanY);
        }
        if (sxx == 0) {
            return new LiveSetTrend(0, Double.NaN, n);
        }
        double slope = sxy / sxx;
        double standardError = Double.NaN;
        if (n > 2) {
            double intercept = meanY - slope * meanX;
            double residuals = 0;
            for (LiveSetPoint p : liveSet) {
                double x = (p.time().toEpochMilli() - t0) / 1000.0;
                double r = p.bytes() - (intercept + slope * x);
                residuals += r * r;
            }
            standardError = Math.sqrt(residuals / (n - 2) / sxx);
        }
        return new LiveSetTrend(slope, standardError, n);
    }
}
