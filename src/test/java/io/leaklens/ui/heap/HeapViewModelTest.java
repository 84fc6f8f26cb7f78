package io.leaklens.ui.heap;

import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.HeapSample;
import io.leaklens.model.LiveSetPoint;
import io.leaklens.model.SessionState;
import io.leaklens.model.TargetInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's view model on hand-built session states, without a toolkit. */
class HeapViewModelTest {

    private static final long MB = 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final TargetInfo TARGET = new TargetInfo(4242, "com.acme.Shop", "17.0.15", "OpenJDK 64-Bit Server VM",
            List.of("G1 Young Generation", "G1 Old Generation"));

    private static HeapSample sample(int second, long usedMb, double rate) {
        return new HeapSample(T0.plusSeconds(second), usedMb * MB, 64 * MB, 256 * MB, 7 * MB, 12 * MB, 2 * MB, 0,
                14, second / 2, second, rate);
    }

    private static SessionState connected(List<HeapSample> samples, List<GcEvent> gcs) {
        List<LiveSetPoint> live = gcs.stream().map(g -> new LiveSetPoint(g.end(), g.heapUsedAfter())).toList();
        return new SessionState(TARGET, ConnectionStatus.CONNECTED, T0, null, null, new HeapHistory(samples, live, gcs));
    }

    private static GcEvent gc(int second, long beforeMb, long afterMb) {
        return new GcEvent(T0.plusSeconds(second).plusMillis(300), "G1 Young Generation", "G1 Evacuation Pause",
                Duration.ofMillis(7), beforeMb * MB, afterMb * MB);
    }

    @Test
    void beforeTheFirstSampleItSaysItIsWaiting() {
        HeapViewModel model = new HeapViewModel(connected(List.of(), List.of()));

        assertThat(model.statusProperty().get()).contains("waiting for the first sample");
        assertThat(model.metricsProperty().get()).isEmpty();
        assertThat(model.chartsProperty().get()).isEqualTo(HeapChartData.EMPTY);
        assertThat(model.titleProperty().get()).isEqualTo("com.acme.Shop");
        assertThat(model.subtitleProperty().get()).contains("pid 4242", "Java 17.0.15", "G1 Young Generation");
    }

    @Test
    void tilesShowTheLatestFigures() {
        HeapViewModel model = new HeapViewModel(connected(
                List.of(sample(0, 20, Double.NaN), sample(1, 30, 10.0 * MB)), List.of(gc(1, 40, 12))));

        assertThat(model.metricsProperty().get()).extracting(Metric::id)
                .containsExactly("heap-used", "live-set", "allocation", "gcs", "metaspace", "buffers", "threads", "cost");
        assertThat(model.metricsProperty().get().getFirst().value()).isEqualTo("30.0 MB");
        assertThat(model.metricsProperty().get().get(1).value()).isEqualTo("12.0 MB");
        assertThat(model.metricsProperty().get().get(2).value()).isEqualTo("10.0 MB/s");
        assertThat(model.metricsProperty().get().get(6).value()).isEqualTo("14");
        assertThat(model.metricsProperty().get().get(7).value()).isEqualTo("–");
    }

    @Test
    void theAllocationTileKeepsTheNewestKnownRateWhileACollectionIsBeingTold() {
        List<HeapSample> samples = List.of(sample(0, 20, Double.NaN), sample(1, 25, 5.0 * MB),
                sample(2, 12, Double.NaN));

        assertThat(HeapViewModel.metricsOf(new HeapHistory(samples, List.of(), List.of())).get(2).value())
                .isEqualTo("5.00 MB/s");
        assertThat(HeapViewModel.latestAllocationRate(new HeapHistory(samples.subList(0, 1), List.of(), List.of())))
                .isNaN();
    }

    /** Watched without JMX: what the JVM does not publish is a dash and a word, never 0. */
    @Test
    void whatTheJvmDoesNotTellIsUnknownNotZero() {
        HeapSample s = sample(1, 30, MB);
        HeapSample withoutJmx = new HeapSample(s.time(), s.heapUsed(), s.heapCommitted(), s.heapMax(), -1, -1, -1,
                -1, s.threadCount(), s.gcCount(), s.gcTimeMillis(), s.allocationRate());
        List<Metric> metrics = HeapViewModel.metricsOf(new HeapHistory(List.of(withoutJmx), List.of(), List.of()));

        Metric metaspace = metrics.get(4);
        Metric buffers = metrics.get(5);
        assertThat(metaspace.value()).isEqualTo("–");
        assertThat(metaspace.detail()).isEqualTo("known after the first GC");
        assertThat(buffers.value()).isEqualTo("–");
        assertThat(buffers.detail()).isEqualTo("mapped: not told");
    }

    @Test
    void theCostTileSaysWhatTheMonitoringThreadsTookOfACoreLately() {
        List<HeapSample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) { // 1 % of a core, then 3 % in the last five seconds; the JVM 80 %
            HeapSample s = sample(i, 20, MB);
            samples.add(new HeapSample(s.time(), s.heapUsed(), s.heapCommitted(), s.heapMax(), s.metaspaceUsed(),
                    s.nonHeapUsed(), s.directBufferUsed(), s.mappedBufferUsed(), s.threadCount(), s.gcCount(),
                    s.gcTimeMillis(), s.allocationRate(), 0.8, i < 5 ? 0.01 : 0.03));
        }
        Metric cost = HeapViewModel.metricsOf(new io.leaklens.model.HeapHistory(samples, List.of(), List.of()))
                .getLast();

        assertThat(cost.value()).isEqualTo("3.0 % of a core");
        assertThat(cost.detail()).isEqualTo("the whole JVM: 80 %");
    }

    @Test
    void aDisconnectedStateKeepsTheDataAndSaysWhenAndWhy() {
        List<HeapSample> samples = List.of(sample(0, 20, Double.NaN), sample(1, 25, MB));
        HeapViewModel model = new HeapViewModel(connected(samples, List.of()));
        SessionState gone = new SessionState(TARGET, ConnectionStatus.DISCONNECTED, T0, T0.plusSeconds(2),
                "JVM 4242 exited", new HeapHistory(samples, List.of(), List.of()));

        model.update(gone);

        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Disconnected at ")
                .contains("JVM 4242 exited", "The data collected is kept");
        assertThat(model.chartsProperty().get().heap().getFirst().size()).isEqualTo(2);
    }

    @Test
    void theChartsShowTheLast15MinutesOrTheWholeSession() {
        List<HeapSample> samples = new ArrayList<>();
        for (int s = 0; s <= 1_200; s++) {
            samples.add(sample(s, 10 + s % 7, MB));
        }
        HeapViewModel model = new HeapViewModel(connected(samples, List.of(gc(100, 30, 10), gc(1_000, 30, 11))));

        HeapChartData recent = model.chartsProperty().get();
        assertThat(recent.to() - recent.from()).isEqualTo(900.0);
        assertThat(recent.gcMarkers()).hasSize(1);

        model.windowProperty().set(TimeWindow.WHOLE_SESSION);

        HeapChartData whole = model.chartsProperty().get();
        assertThat(whole.to() - whole.from()).isEqualTo(1_200.0);
        assertThat(whole.gcMarkers()).hasSize(2);
        assertThat(whole.heap().getFirst().size()).isLessThanOrEqualTo(HeapChartData.MAX_POINTS);
    }

    @Test
    void hoveringATimeDescribesTheNearestSampleAndTheGcThere() {
        HeapViewModel model = new HeapViewModel(connected(
                List.of(sample(0, 20, Double.NaN), sample(1, 30, 2.0 * MB), sample(2, 12, MB)),
                List.of(gc(1, 40, 12))));

        String text = model.describe(T0.plusSeconds(1).toEpochMilli() / 1000.0 + 0.2);

        assertThat(text).contains("used 30.0 MB", "allocating 2.00 MB/s", "GC: G1 Young Generation", "7 ms",
                "40.0 MB → 12.0 MB");
    }

    @Test
    void aTargetThatHasNotAnsweredForSecondsIsSaidToBeSilentUntilItAnswersOrIsLetGo() {
        SessionState state = connected(List.of(sample(0, 20, Double.NaN), sample(1, 30, MB)), List.of());

        assertThat(HeapViewModel.statusText(state, T0.plusSeconds(2))).startsWith("Live · one sample per second");
        assertThat(HeapViewModel.statusText(state, T0.plusSeconds(9))).isEqualTo("Live · no answer from the JVM for "
                + "8 s: a long GC pause, or it hangs (LeakLens lets go after 20 s, at once if it is stopped)");
        SessionState gone = new SessionState(TARGET, ConnectionStatus.DISCONNECTED, T0, T0.plusSeconds(21),
                "JVM 4242 stopped answering (nothing for 20 s)", state.heap());
        assertThat(gone.silentFor(T0.plusSeconds(30))).isEmpty();
        assertThat(HeapViewModel.statusText(gone, T0.plusSeconds(30))).contains("stopped answering (nothing for 20 s)");
    }
}
