package io.leaklens.ui.heap;

import io.leaklens.model.ByteSize;
import io.leaklens.analysis.HeapSummary;
import io.leaklens.analysis.MonitoringCost;
import io.leaklens.analysis.LiveSetTrend;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.SessionState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The live heap dashboard of one session: title, connection status, the metric tiles and the chart data for the
 * chosen window. Fed with session states on the FX thread.
 */
public final class HeapViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected", true);
    private final ReadOnlyObjectWrapper<List<Metric>> metrics = new ReadOnlyObjectWrapper<>(this, "metrics", List.of());
    private final ReadOnlyObjectWrapper<HeapChartData> charts =
            new ReadOnlyObjectWrapper<>(this, "charts", HeapChartData.EMPTY);
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "window",
            TimeWindow.LAST_15_MINUTES);
    private final ChangeListener<TimeWindow> windowListener = (obs, old, w) -> refreshCharts();
    private SessionState state;

    public HeapViewModel(SessionState initial) {
        window.addListener(windowListener);
        update(initial);
    }

    /** Takes a new session state; call on the FX thread. */
    public void update(SessionState newState) {
        this.state = newState;
        title.set(newState.target().displayName());
        subtitle.set(newState.target().pid() == 0 ? "A JFR recording: heap from its GC heap summaries"
                : "pid " + newState.target().pid() + " · Java " + newState.target().jvmVersion() + " · "
                + String.join(", ", newState.target().collectors()));
        connected.set(newState.connected());
        status.set(statusText(newState, Instant.now()));
        metrics.set(metricsOf(newState.heap()));
        refreshCharts();
    }

    private void refreshCharts() {
        charts.set(HeapChartData.of(state.heap(), window.get()));
    }

    static String statusText(SessionState state, java.time.Instant now) {
        if (state.target().pid() == 0 && !state.connected()) {
            return "Recording from " + CLOCK.format(state.connectedAt()) + " to "
                    + CLOCK.format(state.disconnectedAt()) + " · " + state.jfrStatus();
        }
        Optional<Duration> silent = state.silentFor(now);
        if (silent.isPresent()) {
            return "Live · no answer from the JVM for " + silent.get().toSeconds() + " s: a long GC pause, or it "
                    + "hangs (LeakLens lets go after 20 s, at once if it is stopped)";
        }
        if (state.connected()) {
            return state.heap().samples().isEmpty() ? "Connected · waiting for the first sample …"
                    : "Live · one sample per second since " + CLOCK.format(state.connectedAt());
        }
        String reason = state.disconnectReason() == null ? "" : " — " + state.disconnectReason();
        return "Disconnected at " + CLOCK.format(state.disconnectedAt()) + reason
                + ". The data collected is kept.";
    }

    static List<Metric> metricsOf(HeapHistory history) {
        if (history.samples().isEmpty()) {
            return List.of();
        }
        HeapSample last = history.latest().orElseThrow();
        HeapSummary summary = HeapSummary.of(history);
        LiveSetTrend trend = summary.liveSetTrend();
        String trendText = trend.points() < 3 ? "trend after a few GCs"
                : ByteSize.signedRate(trend.slopeBytesPerSecond()) + " over " + trend.points() + " GCs";
        return List.of(
                new Metric("heap-used", "Heap used", ByteSize.format(last.heapUsed()),
                        ByteSize.format(last.heapCommitted()) + " committed · "
                                + (last.heapMax() > 0 ? ByteSize.format(last.heapMax()) + " max" : "no max")),
                new Metric("live-set", "Live set after GC",
                        summary.liveSetEnd() < 0 ? "–" : ByteSize.format(summary.liveSetEnd()),
                        summary.liveSetEnd() < 0 ? "no GC seen yet" : trendText),
                new Metric("allocation", "Allocation rate", ByteSize.format(latestAllocationRate(history)) + "/s",
                        "average " + ByteSize.format(summary.averageAllocationRate()) + "/s"),
                new Metric("gcs", "GCs", Long.toString(summary.gcCount()),
                        summary.gcPauseTotal().toMillis() + " ms · longest "
                                + summary.longestGc().toMillis() + " ms"),
                // Watched without JMX, a JVM publishes metaspace at collections only, and neither non-heap nor
                // mapped buffers; direct buffers come from JFR a moment later. Unknown is a dash, never 0.
                new Metric("metaspace", "Metaspace", ByteSize.format(last.metaspaceUsed()),
                        last.metaspaceUsed() < 0 ? "known after the first GC"
                                : last.nonHeapUsed() < 0 ? "class metadata"
                                : ByteSize.format(last.nonHeapUsed()) + " non-heap"),
                new Metric("buffers", "Direct buffers", ByteSize.format(last.directBufferUsed()),
                        last.mappedBufferUsed() < 0 ? "mapped: not told"
                                : ByteSize.format(last.mappedBufferUsed()) + " mapped"),
                new Metric("threads", "Threads", Integer.toString(last.threadCount()), "live now"),
                costMetric(MonitoringCost.of(history)));
    }

    /**
     * The newest known allocation rate, a few seconds back at most: the interval in which a collection happened is
     * measured once JFR has told the collection, a second or so later, and the tile would blink a dash meanwhile.
     */
    static double latestAllocationRate(HeapHistory history) {
        List<HeapSample> samples = history.samples();
        for (int i = samples.size() - 1; i >= Math.max(0, samples.size() - 5); i--) {
            if (!Double.isNaN(samples.get(i).allocationRate())) {
                return samples.get(i).allocationRate();
            }
        }
        return Double.NaN;
    }

    /** What watching costs the JVM now: the CPU of the threads that answer LeakLens there. */
    static Metric costMetric(MonitoringCost cost) {
        if (Double.isNaN(cost.monitoringNow())) {
            return new Metric("cost", "LeakLens in this JVM", "–", "the JVM does not report thread CPU");
        }
        return new Metric("cost", "LeakLens in this JVM", MonitoringCost.percentOfCore(cost.monitoringNow()),
                "the whole JVM: " + MonitoringCost.percent(cost.processNow()));
    }

    /** What the charts show at a time under the mouse (epoch seconds): the nearest sample and any GC close by. */
    public String describe(double time) {
        List<HeapSample> samples = state.heap().samples();
        if (samples.isEmpty()) {
            return "";
        }
        HeapSample nearest = samples.getFirst();
        for (HeapSample s : samples) {
            if (Math.abs(HeapChartData.seconds(s.time()) - time) < Math.abs(HeapChartData.seconds(nearest.time()) - time)) {
                nearest = s;
            }
        }
        StringBuilder text = new StringBuilder(CLOCK.format(nearest.time())).append('\n')
                .append("used ").append(ByteSize.format(nearest.heapUsed()))
                .append(" · committed ").append(ByteSize.format(nearest.heapCommitted())).append('\n')
                .append("allocating ").append(ByteSize.format(nearest.allocationRate())).append("/s\n")
                .append("metaspace ").append(ByteSize.format(nearest.metaspaceUsed()))
                .append(" · direct ").append(ByteSize.format(nearest.directBufferUsed()));
        for (GcEvent gc : state.heap().gcEvents()) {
            if (Math.abs(HeapChartData.seconds(gc.end()) - time) <= 0.75) {
                text.append('\n').append(String.format(Locale.ROOT, "GC: %s (%s), %d ms, %s → %s", gc.collector(),
                        gc.cause(), gc.duration().toMillis(), ByteSize.format(gc.heapUsedBefore()),
                        ByteSize.format(gc.heapUsedAfter())));
            }
        }
        return text.toString();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Metric>> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HeapChartData> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public SessionState state() {
        return state;
    }

    public Instant lastUpdate() {
        return state.heap().latest().map(HeapSample::time).orElse(state.connectedAt());
    }

    public void dispose() {
        window.removeListener(windowListener);
    }
}
