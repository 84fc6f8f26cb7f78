package io.leaklens.jfr;

import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live recording run by diagnostic commands and read from the target's disk repository as JFR writes it
 * ({@link EventStream#openRepository(Path)}), as {@code jcmd JFR.start} and a file reader would: nothing but JFR runs
 * in the target for us. On Java 17, starting the JMX agent that a remote stream needs costs String- and
 * collection-heavy code 25–35 % for good; this costs what the JDK's own profile.jfc does (docs/performance.md).
 * <p>
 * Two recordings: the events, and apart from them the old-object sampler, with a zero cutoff so that stopping it
 * searches no paths. The events' recording is replaced when the allocation throttle changes (there is no command
 * that changes a running recording), and the sampler must not stop then: stopping it would emit its samples without
 * paths into the stream, and drop them. Old objects with paths come from a third, short recording that is started
 * and stopped at once with the cutoff, as {@link OldObjectTrigger} does over JMX. The stream also sees what other
 * recordings in the target write (only the events LeakLens reads are parsed).
 * <p>
 * The settings go to the target as a .jfc file it reads from our temporary directory (same user, same machine).
 */
public final class RepositoryRecordingChannel implements RecordingChannel {

    private static final System.Logger LOG = System.getLogger(RepositoryRecordingChannel.class.getName());
    private static final Pattern REPOSITORY = Pattern.compile("Repository path: (.+)");
    private static final AtomicLong NAMES = new AtomicLong();

    private final DiagnosticCommands commands;
    /** Names unique per LeakLens process and channel: two watchers of one target must not stop each other's. */
    private final String prefix = "LeakLens-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    private final AtomicLong generation = new AtomicLong();
    /** The recordings of the current stream; guarded by this. */
    private String events;
    private String sampler;

    public RepositoryRecordingChannel(DiagnosticCommands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public EventStream open(JfrSettings settings, Consumer<EventStream> prepare) throws IOException {
        String samplerName = start(samplerSettings(), settings, "sampler");
        String eventsName;
        try {
            eventsName = start(eventSettings(settings), settings, "events");
        } catch (IOException | RuntimeException e) {
            stopQuietly(samplerName);
            throw e;
        }
        EventStream stream;
        try {
            stream = EventStream.openRepository(repository());
            prepare.accept(stream);
        } catch (IOException | RuntimeException e) {
            stopQuietly(eventsName);
            stopQuietly(samplerName);
            throw e;
        }
        synchronized (this) {
            events = eventsName;
            sampler = samplerName;
        }
        return stream;
    }

    @Override
    public void change(EventStream stream, JfrSettings settings) throws IOException {
        String replacement = start(eventSettings(settings), settings, "events");
        String old;
        synchronized (this) {
            old = events;
            events = replacement;
        }
        if (old != null) {
            stop(old);
        }
    }

    @Override
    public void beforeClose(EventStream stream) {
        // The sampler's zero cutoff already spares the target a path search when it stops.
    }

    @Override
    public void afterClose(EventStream stream) {
        String e;
        String s;
        synchronized (this) {
            e = events;
            s = sampler;
            events = null;
            sampler = null;
        }
        if (commands.alive()) {
            stopQuietly(e);
            stopQuietly(s);
        }
    }

    @Override
    public boolean answers() {
        return commands.alive();
    }

    @Override
    public OldObjectRefresh emitOldObjects(Duration cutoff) throws IOException {
        JfrSettings.checkCutoff(cutoff);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        String name = start(JfrSettings.oldObjectSettings(cutoff), null, "old-objects");
        stop(name); // emits the samples, paths searched for at most the cutoff, before it returns
        return new OldObjectRefresh(startedAt, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public String describe() {
        return "from the target's disk repository";
    }

    /**
     * Everything but the old-object sampler, which runs in a recording of its own; and what direct buffers hold,
     * once a second, which the performance data does not tell (JMX does).
     */
    static Map<String, String> eventSettings(JfrSettings settings) {
        Map<String, String> map = new LinkedHashMap<>(settings.toMap());
        map.keySet().removeIf(key -> key.startsWith(EventMapper.OLD_OBJECT_SAMPLE + "#"));
        map.put(EventMapper.DIRECT_BUFFERS + "#enabled", "true");
        map.put(EventMapper.DIRECT_BUFFERS + "#period", "1 s");
        return map;
    }

    /** Keeps the target sampling old objects, with stack traces; stopping it searches no paths (cutoff 0). */
    static Map<String, String> samplerSettings() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(EventMapper.OLD_OBJECT_SAMPLE + "#enabled", "true");
        map.put(EventMapper.OLD_OBJECT_SAMPLE + "#stackTrace", "true");
        map.put(EventMapper.OLD_OBJECT_SAMPLE + "#cutoff", "0 ns");
        return map;
    }

    /**
     * Starts a recording of these settings and returns its name. With {@code limits}, the recording keeps its data on
     * the target's disk for the stream's max age and size; without, it is stopped at once and keeps nothing.
     */
    private String start(Map<String, String> settings, JfrSettings limits, String role) throws IOException {
        String name = prefix + "-" + role + "-" + generation.incrementAndGet();
        Path jfc = Files.createTempFile("leaklens-", ".jfc");
        try {
            Files.writeString(jfc, Jfc.of(settings));
            StringBuilder command = new StringBuilder("JFR.start name=").append(name)
                    .append(" settings=").append(quoted(jfc.toAbsolutePath().toString()));
            if (limits != null) {
                command.append(" maxage=").append(limits.maxAge().toSeconds()).append("s")
                        .append(" maxsize=").append(limits.maxSize());
            }
            String out = commands.execute(command.toString());
            if (!out.contains("Started recording")) {
                throw new IOException("the target's Flight Recorder refused the recording: " + lastLine(out));
            }
            return name;
        } finally {
            Files.deleteIfExists(jfc);
        }
    }

    private void stop(String name) throws IOException {
        String out = commands.execute("JFR.stop name=" + name);
        if (!out.contains("Stopped recording")) {
            throw new IOException("the target did not stop recording " + name + ": " + lastLine(out));
        }
    }

    private void stopQuietly(String name) {
        if (name == null) {
            return;
        }
        try {
            stop(name);
        } catch (IOException | RuntimeException e) {
            // The target is going or gone; its recordings go with it.
            LOG.log(System.Logger.Level.DEBUG, "could not stop recording " + name, e);
        }
    }

    /** The directory the target's recordings write their chunks to, as {@code JFR.configure} tells it. */
    private Path repository() throws IOException {
        String out = commands.execute("JFR.configure");
        Matcher m = REPOSITORY.matcher(out);
        if (!m.find()) {
            throw new IOException("the target did not tell its JFR repository: " + lastLine(out));
        }
        Path path = Path.of(m.group(1).strip());
        if (!Files.isDirectory(path)) {
            throw new IOException("the target's JFR repository " + path + " cannot be read from here");
        }
        return path;
    }

    /** A value with spaces goes in double quotes, which the target's command parser takes as one value. */
    private static String quoted(String value) {
        return value.indexOf(' ') < 0 ? value : '"' + value + '"';
    }

    private static String lastLine(String text) {
        return text.strip().lines().reduce((a, b) -> b).orElse("(no answer)");
    }
}
