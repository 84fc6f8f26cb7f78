package io.leaklens.bench;

import io.leaklens.attach.JvmConnector;
import io.leaklens.attach.JmxConnection;
import io.leaklens.jfr.JfrSettings;
import io.leaklens.session.LiveSession;
import io.leaklens.session.WatchOptions;
import io.leaklens.support.ChildJvm;
import jdk.jfr.consumer.EventStream;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RemoteRecordingStream;

import javax.management.JMX;
import javax.management.ObjectName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways of watching a target that the overhead bench compares, each started on a running target and closed at
 * the end of its window. Besides LeakLens as users run it, its parts apart: the JMX polling alone, a remote JFR
 * stream of chosen events, the same events recorded in the target without streaming, and the JDK's own .jfc
 * recordings started with jcmd.
 * <ul>
 *   <li>{@code idle}: nothing (a control for the bench itself);</li>
 *   <li>{@code leaklens}: a live session at default settings, or {@code leaklens:histograms=60s,old=off,throttle=300/s}
 *   for others;</li>
 *   <li>{@code cli} or {@code cli:JAVA_OPTIONS}: {@code ./leaklens watch PID}, as users run it;</li>
 *   <li>{@code leaklens-quiet}: the same without class histograms and old-object refreshes;</li>
 *   <li>{@code cli} and {@code cli-jmx}: {@code ./leaklens watch} as users run it, the cheapest way or over JMX;</li>
 *   <li>{@code jmx}: what a session reads over JMX once a second, nothing else;</li>
 *   <li>{@code stream:EVENTS} and {@code local:EVENTS}: a {@link RemoteRecordingStream}, or a recording that stays
 *   in the target, of events joined by {@code +}: {@code alloc} (allocation samples with stack traces at the
 *   default throttle; {@code alloc-nostack}, or {@code alloc@300/s} for another rate), {@code old} (old-object
 *   sampling with stack traces; {@code old-nostack}), {@code gc} (collections and heap summaries), {@code none}
 *   (only the stream's transport), {@code leaklens} (LeakLens's whole event settings);</li>
 *   <li>{@code jfc:profile}, {@code jfc:default}: {@code jcmd JFR.start settings=...}.</li>
 * </ul>
 */
final class Watchers {

    private static final ObjectName FLIGHT_RECORDER = name("jdk.management.jfr:type=FlightRecorder");

    private Watchers() {
    }

    static AutoCloseable start(String mode, long pid, int jdk) throws Exception {
        int colon = mode.indexOf(':');
        String kind = colon < 0 ? mode : mode.substring(0, colon);
        String events = colon < 0 ? "" : mode.substring(colon + 1);
        return switch (kind) {
            case "idle" -> () -> { }; // a control: nothing watches, the window is only labelled apart
            case "leaklens" -> LiveSession.connect(pid, options(events))::close;
            case "leaklens-quiet" -> LiveSession.connect(pid,
                    new WatchOptions(JfrSettings.DEFAULT_THROTTLE, Duration.ZERO, Duration.ZERO))::close;
            case "jmx" -> jmx(pid);
            case "cli" -> cli(pid, events, "auto");
            case "cli-jmx" -> cli(pid, events, "jmx");
            case "agentless" -> agentless(pid, jdk);
            case "stream" -> stream(pid, settings(events));
            case "local" -> local(pid, settings(events));
            case "jfc" -> jfc(pid, jdk, events);
            case "jcmd" -> {
                jcmd(pid, jdk, events.split("\\+"));
                yield () -> { };
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    /**
     * The LeakLens CLI as users run it, {@code ./leaklens watch PID}, for far longer than a window; ended with the
     * window. Its JVM options ({@code LEAKLENS_JAVA_OPTS}) follow the colon; {@code cli-jmx} watches over JMX.
     */
    private static AutoCloseable cli(long pid, String javaOptions, String transport) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("./leaklens", "watch", Long.toString(pid), "--duration", "1h",
                "--transport", transport)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LEAKLENS_JAVA_OPTS", javaOptions);
        Process cli = builder.start();
        return () -> {
            cli.descendants().forEach(ProcessHandle::destroy);
            cli.destroy();
            cli.waitFor(10, TimeUnit.SECONDS);
        };
    }

    /**
     * LeakLens's options from {@code histograms=60s,old=30s,throttle=150/s,transport=jmx} (any of them; the rest at
     * defaults; {@code off} for none).
     */
    static WatchOptions options(String spec) {
        WatchOptions o = WatchOptions.DEFAULTS;
        io.leaklens.model.Transport transport = null;
        for (String part : spec.isEmpty() ? new String[0] : spec.split(",")) {
            String[] kv = part.split("=", 2);
            switch (kv[0]) {
                case "histograms" -> o = new WatchOptions(o.allocationThrottle(), o.oldObjectInterval(), duration(kv[1]));
                case "old" -> o = new WatchOptions(o.allocationThrottle(), duration(kv[1]), o.histogramInterval());
                case "throttle" -> o = new WatchOptions(kv[1], o.oldObjectInterval(), o.histogramInterval());
                case "transport" -> transport = io.leaklens.model.Transport.valueOf(
                        kv[1].toUpperCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown LeakLens option " + part);
            }
        }
        return o.withTransport(transport);
    }

    private static Duration duration(String text) {
        return text.equals("off") ? Duration.ZERO : Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
    }

    private static AutoCloseable jmx(long pid) throws Exception {
        JmxConnection connection = new JvmConnector().connectJmx(pid);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleAtFixedRate(connection::sample, 0, 1, TimeUnit.SECONDS);
        return () -> {
            poller.shutdownNow();
            poller.awaitTermination(5, TimeUnit.SECONDS);
            connection.close();
        };
    }

    private static AutoCloseable stream(long pid, Map<String, String> settings) throws Exception {
        JmxConnection connection = new JvmConnector().connectJmx(pid);
        RemoteRecordingStream stream = new RemoteRecordingStream(connection.mbeans());
        LongAdder events = new LongAdder();
        stream.setSettings(settings);
        stream.setMaxAge(Duration.ofSeconds(30));
        stream.onEvent(e -> events.increment());
        stream.startAsync();
        return () -> {
            stream.close();
            connection.close();
        };
    }

    private static AutoCloseable local(long pid, Map<String, String> settings) throws Exception {
        JmxConnection connection = new JvmConnector().connectJmx(pid);
        FlightRecorderMXBean recorder = JMX.newMXBeanProxy(connection.mbeans(), FLIGHT_RECORDER,
                FlightRecorderMXBean.class);
        long id = recorder.newRecording();
        recorder.setRecordingSettings(id, settings);
        recorder.setRecordingOptions(id, Map.of("maxAge", "30 s", "disk", "true"));
        recorder.startRecording(id);
        return () -> {
            recorder.stopRecording(id);
            recorder.closeRecording(id);
            connection.close();
        };
    }

    /**
     * What LeakLens would cost without starting the JMX agent in the target: its event settings recorded by
     * {@code jcmd JFR.start}, read from the target's disk repository as it is written, a class histogram every 15 s and
     * an old-object dump with paths every 30 s, all through jcmd (our CPU, not the target's, pays for starting jcmd).
     */
    private static AutoCloseable agentless(long pid, int jdk) throws Exception {
        Path jfc = Files.createTempFile("leaklens-bench", ".jfc");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration version=\"2.0\">\n");
        Map<String, Map<String, String>> events = new LinkedHashMap<>();
        JfrSettings.defaults().toMap().forEach((key, value) -> events.computeIfAbsent(key.substring(0, key.indexOf('#')),
                k -> new LinkedHashMap<>()).put(key.substring(key.indexOf('#') + 1), value));
        events.forEach((event, settings) -> {
            xml.append("  <event name=\"").append(event).append("\">\n");
            settings.forEach((k, v) -> xml.append("    <setting name=\"").append(k).append("\">").append(v)
                    .append("</setting>\n"));
            xml.append("  </event>\n");
        });
        Files.writeString(jfc, xml.append("</configuration>\n"));
        String name = "leaklens-" + System.nanoTime();
        jcmd(pid, jdk, "JFR.start", "name=" + name, "settings=" + jfc, "maxage=30s");
        String configure = jcmd(pid, jdk, "JFR.configure");
        Matcher m = Pattern.compile("Repository path: (\\S+)").matcher(configure);
        if (!m.find()) {
            throw new IllegalStateException("no repository in: " + configure);
        }
        EventStream stream = EventStream.openRepository(Path.of(m.group(1)));
        LongAdder count = new LongAdder();
        stream.onEvent(e -> count.increment());
        stream.startAsync();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        schedule.scheduleWithFixedDelay(() -> quietly(() -> jcmd(pid, jdk, "GC.class_histogram")), 0, 15,
                TimeUnit.SECONDS);
        schedule.scheduleWithFixedDelay(() -> quietly(() -> {
            Path dump = Files.createTempFile("leaklens-old", ".jfr");
            jcmd(pid, jdk, "JFR.dump", "name=" + name, "path-to-gc-roots=true", "filename=" + dump);
            Files.deleteIfExists(dump);
        }), 30, 30, TimeUnit.SECONDS);
        return () -> {
            schedule.shutdownNow();
            schedule.awaitTermination(10, TimeUnit.SECONDS);
            jcmd(pid, jdk, "JFR.stop", "name=" + name);
            stream.close();
            System.out.println("    (agentless: " + count.sum() + " events read from the repository)");
            Files.deleteIfExists(jfc);
        };
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("agentless: " + e);
        }
    }

    private static AutoCloseable jfc(long pid, int jdk, String template) throws Exception {
        String name = "bench-" + System.nanoTime();
        jcmd(pid, jdk, "JFR.start", "name=" + name, "settings=" + template);
        return () -> jcmd(pid, jdk, "JFR.stop", "name=" + name);
    }

    static Map<String, String> settings(String events) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String event : events.split("\\+")) {
            String throttle = JfrSettings.DEFAULT_THROTTLE;
            int at = event.indexOf('@');
            if (at >= 0) {
                throttle = event.substring(at + 1);
                event = event.substring(0, at);
            }
            switch (event) {
                case "alloc", "alloc-nostack" -> {
                    map.put("jdk.ObjectAllocationSample#enabled", "true");
                    map.put("jdk.ObjectAllocationSample#throttle", throttle);
                    map.put("jdk.ObjectAllocationSample#stackTrace", Boolean.toString(event.equals("alloc")));
                }
                case "old", "old-nostack" -> {
                    map.put("jdk.OldObjectSample#enabled", "true");
                    map.put("jdk.OldObjectSample#stackTrace", Boolean.toString(event.equals("old")));
                    map.put("jdk.OldObjectSample#cutoff", "1000000000 ns");
                }
                case "gc" -> {
                    map.put("jdk.GCHeapSummary#enabled", "true");
                    map.put("jdk.GarbageCollection#enabled", "true");
                    map.put("jdk.GarbageCollection#threshold", "0 ms");
                }
                case "leaklens" -> map.putAll(JfrSettings.defaults().toMap());
                case "none" -> { }
                default -> throw new IllegalArgumentException("unknown event set " + event);
            }
        }
        return map;
    }

    /** Runs one jcmd command on the target and returns what it printed; fails when jcmd does. */
    private static String jcmd(long pid, int jdk, String... command) throws Exception {
        Path jcmd = ChildJvm.javaHome(jdk).orElseThrow().resolve("bin/jcmd");
        List<String> words = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        words.addAll(List.of(command));
        Process p = new ProcessBuilder(words).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + words + ": " + out.strip());
        }
        return out;
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
