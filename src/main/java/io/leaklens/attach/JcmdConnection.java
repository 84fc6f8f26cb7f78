package io.leaklens.attach;

import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSample;
import io.leaklens.model.JvmInfo;
import io.leaklens.model.TargetInfo;
import io.leaklens.model.Transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection to a local target that starts nothing in it: memory from its performance data (the counters
 * {@code jstat} reads, kept in shared memory by the JVM), CPU from {@code /proc}, class histograms and heap dumps by
 * diagnostic commands ({@link Jcmd}); the session's JFR stream reads the target's disk repository. On Java 17 this
 * spares the target the lasting slowdown that starting its JMX agent causes (docs/performance.md).
 * <p>
 * What it cannot tell: non-heap memory other than metaspace, and direct buffers (the JFR stream's
 * {@code jdk.DirectBufferStatistics} fills those in); collections one by one (JFR tells them).
 */
public final class JcmdConnection implements TargetConnection {

    private static final System.Logger LOG = System.getLogger(JcmdConnection.class.getName());
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");
    /** How often a sample waits on a stopped target to be continued; a stopped JVM answers nothing. */
    private static final Duration STOPPED_POLL = Duration.ofMillis(100);
    /** A stopped target makes a read wait this long at most, as a JMX read would wait for its answer. */
    private static final Duration STOPPED_WAIT = Duration.ofSeconds(60);

    private final Jcmd jcmd;
    private final Path perfData;
    private final TargetInfo info;
    private final long heapMax;
    private final long ticksPerSecond;
    private final ProcessCpu cpu;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JcmdConnection(Jcmd jcmd, JvmInfo jvm, PerfData counters, long heapMax) {
        this.jcmd = jcmd;
        this.perfData = PerfData.fileOf(jvm.pid());
        this.heapMax = heapMax;
        this.ticksPerSecond = counters.number("sun.os.hrt.frequency", 1_000_000_000L);
        this.cpu = new ProcessCpu(jvm.pid());
        List<String> collectors = new ArrayList<>();
        for (int i = 0; counters.text().containsKey("sun.gc.collector." + i + ".name"); i++) {
            collectors.add(counters.text().get("sun.gc.collector." + i + ".name"));
        }
        this.info = new TargetInfo(jvm.pid(), jvm.displayName(),
                counters.text().getOrDefault("java.property.java.version", "?"),
                counters.text().getOrDefault("java.property.java.vm.name", "?"), collectors);
    }

    /** Whether this target can be watched without an agent: it publishes performance data, and we may run jcmd. */
    static boolean possible(long pid) {
        return Jcmd.available() && Files.isReadable(PerfData.fileOf(pid));
    }

    /** Opens the connection over an attached {@code jcmd}; closes it if opening fails. */
    static JcmdConnection open(JvmInfo jvm, Jcmd jcmd) throws IOException {
        try {
            PerfData counters = PerfData.read(PerfData.fileOf(jvm.pid()));
            Matcher max = MAX_HEAP.matcher(jcmd.execute("VM.flags"));
            return new JcmdConnection(jcmd, jvm, counters, max.find() ? Long.parseLong(max.group(1)) : -1);
        } catch (IOException | RuntimeException e) {
            try {
                jcmd.close();
            } catch (IOException cleanup) {
                LOG.log(System.Logger.Level.DEBUG, "detaching after a failed connection failed", cleanup);
            }
            throw e;
        }
    }

    @Override
    public TargetInfo info() {
        return info;
    }

    @Override
    public Transport transport() {
        return Transport.JCMD;
    }

    /** The diagnostic commands of this target, for the session's JFR recording. */
    public Jcmd jcmd() {
        return jcmd;
    }

    /**
     * Reads the performance data and {@code /proc}. A stopped target's counters stand still: the read waits until
     * it is continued, as a JMX read would, so that the session tells it is stopped. Fails with an
     * {@link UncheckedIOException} once the target has ended (it deletes its performance data).
     */
    @Override
    public HeapSample sample() {
        awaitNotStopped();
        if (!ProcessCommand.isRunning(info.pid())) {
            // Killed, its performance data may stay behind, frozen.
            throw new UncheckedIOException(new NoSuchFileException("JVM " + info.pid() + " has ended"));
        }
        Instant now = Instant.now();
        PerfData counters;
        TargetCpu.Usage used;
        try {
            counters = PerfData.read(perfData);
            used = cpu.read();
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("JVM " + info.pid() + " has ended", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of JVM " + info.pid() + ": " + e.getMessage(), e);
        }
        long heapUsed = 0;
        long heapCommitted = 0;
        for (int g = 0; counters.numbers().containsKey("sun.gc.generation." + g + ".capacity"); g++) {
            heapCommitted += counters.number("sun.gc.generation." + g + ".capacity", 0);
            heapUsed += counters.sum("sun.gc.generation." + g + ".space.", ".used");
        }
        long gcTimeTicks = counters.sum("sun.gc.collector.", ".time");
        // Metaspace's counter is updated at collections: 0 before the first one means "not published yet".
        long metaspace = counters.number("sun.gc.metaspace.used", -1);
        return new HeapSample(now, heapUsed, heapCommitted, heapMax, metaspace > 0 ? metaspace : -1,
                -1, -1, -1, (int) counters.number("java.threads.live", -1),
                counters.sum("sun.gc.collector.", ".invocations"), gcTimeTicks * 1000 / ticksPerSecond, Double.NaN,
                used.processCores(), used.monitoringCores());
    }

    @Override
    public Optional<Duration> timeAtSafepoints() {
        try {
            long ticks = PerfData.read(perfData).number("sun.rt.safepointTime", -1);
            return ticks < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(Math.round(ticks * 1e9 / ticksPerSecond)));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the safepoint counter of JVM " + info.pid() + " cannot be read", e);
            return Optional.empty();
        }
    }

    private void awaitNotStopped() {
        long deadline = System.nanoTime() + STOPPED_WAIT.toNanos();
        while (targetStopped() && System.nanoTime() < deadline && !closed.get()) {
            try {
                Thread.sleep(STOPPED_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the read was cancelled", e);
            }
        }
    }

    /**
     * A target that dies while it counts just closes the connection: the text then ends early, without the
     * histogram's "Total" line, and is refused rather than taken for a heap with few classes.
     */
    @Override
    public String classHistogram() throws IOException {
        return histogram("GC.class_histogram");
    }

    @Override
    public String heapWalkHistogram() throws IOException {
        return histogram("GC.class_histogram -all");
    }

    private String histogram(String command) throws IOException {
        String text = jcmd.execute(command);
        if (!text.strip().lines().reduce((a, b) -> b).orElse("").startsWith("Total")) {
            throw new IOException("JVM " + info.pid() + (ProcessCommand.isRunning(info.pid())
                    ? " sent an incomplete class histogram" : " ended while it counted its classes"));
        }
        return text;
    }

    /** {@code GC.heap_dump} prints its failures rather than failing: the file tells whether it worked. */
    @Override
    public void dumpHeap(Path file) throws IOException {
        String path = file.toAbsolutePath().toString();
        String out = jcmd.execute("GC.heap_dump " + (path.indexOf(' ') < 0 ? path : '"' + path + '"'));
        if (!Files.isRegularFile(file)) {
            throw new IOException("JVM " + info.pid() + " could not write a heap dump to " + file + ": "
                    + out.strip().lines().reduce((a, b) -> b).orElse("no answer"));
        }
    }

    /** Collections come from the JFR stream only: there is no notification without an agent. */
    @Override
    public AutoCloseable onGc(Consumer<GcEvent> listener) {
        return () -> { };
    }

    /**
     * Nothing to listen to: the next read (within a second) fails when the target has ended. A listener on the
     * process's exit would keep a JDK thread and the session reachable until a target that outlives the session
     * exits.
     */
    @Override
    public AutoCloseable onConnectionLost(Runnable listener) {
        return () -> { };
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            jcmd.close();
        } catch (IOException e) {
            // The target may be gone already; there is nothing more to release on our side.
            LOG.log(System.Logger.Level.DEBUG, "detaching failed", e);
        }
    }
}
