package io.leaklens.jfr;

import io.leaklens.model.ClassNames;
import io.leaklens.model.AllocationSample;
import io.leaklens.model.GcRoot;
import io.leaklens.model.CollectionEvent;
import io.leaklens.model.HeapSummaryEvent;
import io.leaklens.model.MonitoringThread;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.RecordedJvm;
import io.leaklens.model.StackFrame;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows JFR's event and field names: maps a {@link RecordedEvent} to our records at once (JFR
 * reuses its event objects). A field a target's JDK does not write (e.g. {@code objectSize} before JDK 25), or one of
 * an unexpected type, becomes "unknown" (-1, null, empty); mapping never throws for missing data.
 * <p>
 * Keeps a bounded cache of mapped stacks: JFR hands out one {@link RecordedStackTrace} object per distinct stack
 * of a chunk, so the events of a hot site share it, and mapping its frames once saves most of the work (measured:
 * the stack is most of a sample's mapping cost). Not thread-safe: one mapper per event source.
 */
public final class EventMapper {

    /** Distinct stacks remembered; past this the cache starts over (a new chunk brings new objects anyway). */
    static final int STACK_CACHE_SIZE = 4_096;
    /** Distinct frames remembered, for all the stacks above. */
    static final int FRAME_CACHE_SIZE = 16_384;
    private final java.util.Map<RecordedStackTrace, List<StackFrame>> stacks = new java.util.IdentityHashMap<>();
    /**
     * The one list for stacks of this content. Each chunk brings its own stack objects (a 185 MB recording: 802 of
     * them for 47 distinct stacks), so without this a live stream mapped the same stacks again every chunk, and the
     * copies piled up in every table keyed by stack until the caches started over.
     */
    private final Canonical<List<StackFrame>> distinctStacks = new Canonical<>(STACK_CACHE_SIZE);
    /**
     * The one frame of this content. Distinct stacks keep coming long after a target warmed up (those of the JMX
     * threads that serve LeakLens itself vary without end), but they are made of the same few thousand frames.
     */
    private final Canonical<StackFrame> distinctFrames = new Canonical<>(FRAME_CACHE_SIZE);
    private final java.util.Map<RecordedClass, String> classNames = new java.util.IdentityHashMap<>();
    private final java.util.Map<jdk.jfr.consumer.RecordedThread, AllocatingThread> threads =
            new java.util.IdentityHashMap<>();
    private jdk.jfr.consumer.RecordedThread lastThread;
    private AllocatingThread lastAllocatingThread = AllocatingThread.UNKNOWN;

    /** What an allocation sample needs of its thread, found once per thread object. */
    private record AllocatingThread(long id, boolean monitoring) {
        static final AllocatingThread UNKNOWN = new AllocatingThread(-1, false);
    }

    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String HEAP_SUMMARY = "jdk.GCHeapSummary";
    static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    static final String JVM_INFORMATION = "jdk.JVMInformation";
    static final String DIRECT_BUFFERS = "jdk.DirectBufferStatistics";

    /** Enough to tell the allocating site from the framework around it; JFR's own default depth is 64 too. */
    public static final int MAX_FRAMES = 64;

    /** {@code jdk.DirectBufferStatistics}: memoryUsed, the bytes direct buffers hold; -1 when not told. */
    public long directBufferBytes(RecordedEvent event) {
        return event.hasField("memoryUsed") ? event.getLong("memoryUsed") : -1;
    }

    /** {@code jdk.ObjectAllocationSample}: objectClass, weight, stackTrace. */
    public AllocationSample allocation(RecordedEvent event) {
        Object type;
        Object weight;
        Object stack;
        Object thread;
        try {
            // The hot path. Each access by name searches the event's fields; the typed getters (getClass,
            // getStackTrace, getThread) search twice (hasField, then getValue), so plain getValue halves the cost.
            type = event.getValue("objectClass");
            weight = event.getValue("weight");
            stack = event.getValue("stackTrace");
            thread = event.getValue("eventThread");
        } catch (IllegalArgumentException e) {
            type = value(event, "objectClass", RecordedClass.class);
            weight = longValue(event, "weight");
            stack = event.getStackTrace();
            thread = event.getThread();
        }
        AllocatingThread allocating = allocatingThread(thread instanceof jdk.jfr.consumer.RecordedThread t ? t : null);
        return new AllocationSample(event.getStartTime(),
                cachedClassName(type instanceof RecordedClass c ? c : null),
                weight instanceof Number n ? n.longValue() : -1,
                stack(stack instanceof RecordedStackTrace t ? t : null), allocating.id(), allocating.monitoring());
    }

    /** Class names by constant-pool object, like the stacks: a hot class is converted once per chunk. */
    private String cachedClassName(RecordedClass type) {
        if (type == null) {
            return ClassNames.UNKNOWN;
        }
        String name = classNames.get(type);
        if (name == null) {
            if (classNames.size() >= STACK_CACHE_SIZE) {
                classNames.clear();
            }
            name = className(type).intern(); // one string per class, not one per chunk
            classNames.put(type, name);
        }
        return name;
    }

    private AllocatingThread allocatingThread(jdk.jfr.consumer.RecordedThread thread) {
        if (thread == null) {
            return AllocatingThread.UNKNOWN;
        }
        if (thread == lastThread) {
            return lastAllocatingThread; // a file holds each thread's samples in runs
        }
        AllocatingThread allocating = threads.get(thread); // one object per thread and chunk, like stacks
        if (allocating == null) {
            if (threads.size() >= STACK_CACHE_SIZE) {
                threads.clear();
            }
            allocating = new AllocatingThread(thread.getJavaThreadId(), MonitoringThread.serves(thread.getJavaName()));
            threads.put(thread, allocating);
        }
        lastThread = thread;
        lastAllocatingThread = allocating;
        return allocating;
    }

    /** {@code jdk.GCHeapSummary}: gcId, when ("Before GC" / "After GC"), heapUsed, heapSpace.committedSize. */
    public HeapSummaryEvent heapSummary(RecordedEvent event) {
        return new HeapSummaryEvent(event.getStartTime(), longValue(event, "gcId"),
                "After GC".equals(value(event, "when", String.class)), longValue(event, "heapUsed"),
                longValue(event, "heapSpace.committedSize"));
    }

    /** {@code jdk.JVMInformation}: pid, jvmStartTime, jvmName, jvmVersion, javaArguments. */
    public RecordedJvm jvm(RecordedEvent event) {
        return RecordedJvm.of(longValue(event, "pid"), instant(event, "jvmStartTime"),
                value(event, "jvmName", String.class), value(event, "jvmVersion", String.class),
                value(event, "javaArguments", String.class));
    }

    /** {@code jdk.GarbageCollection}: gcId, name, cause, sumOfPauses. */
    public CollectionEvent collection(RecordedEvent event) {
        Duration pauses = duration(event, "sumOfPauses");
        return new CollectionEvent(event.getEndTime(), longValue(event, "gcId"), value(event, "name", String.class),
                value(event, "cause", String.class), pauses == null ? event.getDuration() : pauses);
    }

    /**
     * {@code jdk.OldObjectSample}: the sampled object with its chain of referrers, the GC root, and what JDK 25
     * targets add ({@code objectSize}).
     */
    public OldObjectSample oldObject(RecordedEvent event) {
        RecordedObject object = value(event, "object", RecordedObject.class);
        RecordedObject root = value(event, "root", RecordedObject.class);
        long arrayElements = longValue(event, "arrayElements");
        // JFR writes Integer.MIN_VALUE for "not an array".
        int elements = arrayElements < 0 || arrayElements > Integer.MAX_VALUE ? -1 : (int) arrayElements;
        Instant allocated = instant(event, "allocationTime");
        Duration age = duration(event, "objectAge");
        if (age == null) {
            // Targets before JDK 12 wrote no age: it is the time from allocation to the emission.
            age = allocated == null ? Duration.ZERO : Duration.between(allocated, event.getStartTime());
        }
        GcRoot gcRoot = root == null ? null : new GcRoot(value(root, "system", String.class),
                value(root, "type", String.class), value(root, "description", String.class));
        return new OldObjectSample(allocated == null ? event.getStartTime() : allocated, age,
                className(value(object, "type", RecordedClass.class)), longValue(event, "objectSize"), elements,
                longValue(event, "lastKnownHeapUsage"), stack(event.getStackTrace()), gcRoot,
                ReferencePath.of(object, gcRoot != null, elements));
    }

    static String className(RecordedClass type) {
        return type == null ? ClassNames.UNKNOWN : ClassNames.readable(value(type, "name", String.class));
    }

    private List<StackFrame> stack(RecordedStackTrace trace) {
        if (trace == null) {
            return List.of();
        }
        List<StackFrame> cached = stacks.get(trace);
        if (cached == null) {
            if (stacks.size() >= STACK_CACHE_SIZE) {
                stacks.clear();
            }
            cached = distinctStacks.of(List.copyOf(mapFrames(trace)));
            stacks.put(trace, cached);
        }
        return cached;
    }

    private List<StackFrame> mapFrames(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace.getFrames();
        List<StackFrame> stack = new ArrayList<>(Math.min(frames.size(), MAX_FRAMES));
        for (RecordedFrame frame : frames) {
            if (stack.size() == MAX_FRAMES) {
                break;
            }
            RecordedMethod method = frame.getMethod();
            String type = method == null ? ClassNames.UNKNOWN : className(method.getType());
            String name = method == null || method.getName() == null ? ClassNames.UNKNOWN : method.getName();
            stack.add(distinctFrames.of(new StackFrame(type, name, Math.max(-1, frame.getLineNumber()))));
        }
        return stack;
    }

    /** A field's value if the object has it with the expected type, otherwise null. */
    static <T> T value(RecordedObject object, String name, Class<T> type) {
        if (object == null || !object.hasField(name)) {
            return null;
        }
        Object value = object.getValue(name);
        return type.isInstance(value) ? type.cast(value) : null;
    }

    /** A whole-number field, or -1 when absent. */
    static long longValue(RecordedObject object, String name) {
        Number number = value(object, name, Number.class);
        return number == null ? -1 : number.longValue();
    }

    private static Instant instant(RecordedObject object, String name) {
        if (object == null || !object.hasField(name)) {
            return null;
        }
        try {
            return object.getInstant(name);
        } catch (IllegalArgumentException notATimestamp) {
            return null; // a field of another kind than JFR documents counts as absent
        }
    }

    private static Duration duration(RecordedObject object, String name) {
        if (object == null || !object.hasField(name)) {
            return null;
        }
        try {
            return object.getDuration(name);
        } catch (IllegalArgumentException notATimespan) {
            return null; // as in instant()
        }
    }
}
