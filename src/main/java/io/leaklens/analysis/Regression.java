package io.leaklens.analysis;

/** A least-squares line through points: the slope per second and its standard error. */
record Regression(double slope, double standardError) {

    static Regression of(double[] seconds, double[] values, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return new Regression(0, Double.NaN);
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = from; i < to; i++) {
            meanX += seconds[i];
            meanY += values[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < to; i++) {
            sxx += (seconds[i] - meanX) * (seconds[i] - meanX);
            sxy += (seconds[i] - meanX) * (values[i] - meanY);
        }
        if (sxx == 0) {
            return new Regression(0, Double.NaN);
        }
        double slope = sxy / sxx;
        if (n < 3) {
            return new Regression(slope, Double.NaN);
        }
        double residuals = 0;
        for (int i = from; i < to; i++) {
            double r = values[i] - (meanY + slope * (seconds[i] - meanX));
            residuals += r * r;
        }
        return new Regression(slope, Math.sqrt(residuals / (n - 2) / sxx));
    }

    /** Whether the slope is positive beyond its uncertainty ({@code sigmas} standard errors). */
    boolean risesBeyond(double sigmas) {
        return slope > 0 && (Double.isNaN(standardError) || slope > sigmas * standardError);
    }
}
