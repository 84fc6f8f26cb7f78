package io.leaklens.attach;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.leaklens.model.GcEvent;
import io.leaklens.model.HeapSample;
import io.leaklens.model.JvmInfo;
import io.leaklens.model.TargetInfo;
import io.leaklens.model.Transport;

import javax.management.InstanceNotFoundException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An open JMX connection to a target, with what we read through it: memory samples and collection notifications.
 * Every listener it adds is removed by the handle it returns or, at the latest, by {@link #close()}.
 */
public final class JmxConnection implements TargetConnection {

    private static final System.Logger LOG = System.getLogger(JmxConnection.class.getName());

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final TargetInfo info;
    private final MemoryMXBean memory;
    private final ThreadMXBean threads;
    private final List<MemoryPoolMXBean> metaspace;
    private final List<BufferPoolMXBean> bufferPools;
    private final List<GarbageCollectorMXBean> collectors;
    private final Set<String> heapPools;
    private final long startTimeMillis;
    private final TargetCpu cpu;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    private JmxConnection(JMXConnector connector, MBeanServerConnection mbeans, JvmInfo jvm) throws IOException {
        this.connector = connector;
        this.mbeans = mbeans;
        RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
        this.memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        this.threads = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
                ThreadMXBean.class);
        List<MemoryPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(mbeans, MemoryPoolMXBean.class);
        this.metaspace = pools.stream().filter(p -> p.getName().equals("Metaspace")).toList();
        this.heapPools = pools.stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
        this.bufferPools = ManagementFactory.getPlatformMXBeans(mbeans, BufferPoolMXBean.class);
        this.collectors = ManagementFactory.getPlatformMXBeans(mbeans, GarbageCollectorMXBean.class);
        this.startTimeMillis = runtime.getStartTime();
        this.cpu = new TargetCpu(mbeans);
        Map<String, String> properties = runtime.getSystemProperties();
        this.info = new TargetInfo(jvm.pid(), jvm.displayName(),
                properties.getOrDefault("java.version", runtime.getSpecVersion()), runtime.getVmName(),
                collectors.stream().map(GarbageCollectorMXBean::getName).toList());
    }

    static JmxConnection open(JvmInfo jvm, JMXConnector connector) throws IOException {
        try {
            return new JmxConnection(connector, connector.getMBeanServerConnection(), jvm);
        } catch (IOException | RuntimeException e) {
            try {
                connector.close();
            } catch (IOException cleanup) {
                // Already failing: the first error is the one to report.
                LOG.log(System.Logger.Level.DEBUG, "closing a failed connection failed", cleanup);
            }
            throw e;
        }
    }

    @Override
    public Transport transport() {
        return Transport.JMX;
    }

    @Override
    public TargetInfo info() {
        return info;
    }

    /** The raw connection, for the JFR stream that runs over the same JMX connection. */
    public MBeanServerConnection mbeans() {
        return mbeans;
    }

    /** A proxy wraps I/O failures in an {@code UndeclaredThrowableException}. */
    @Override
    public HeapSample sample() {
        Instant now = Instant.now();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long metaspaceUsed = metaspace.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        long direct = -1;
        long mapped = -1;
        for (BufferPoolMXBean pool : bufferPools) {
            switch (pool.getName()) {
                case "direct" -> direct = pool.getMemoryUsed();
                case "mapped" -> mapped = pool.getMemoryUsed();
                default -> { }
            }
        }
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcTime += Math.max(0, gc.getCollectionTime());
        }
        TargetCpu.Usage used = cpu.read();
        return new HeapSample(now, heap.getUsed(), heap.getCommitted(), heap.getMax(), metaspaceUsed,
                nonHeap.getUsed(), direct, mapped, threads.getThreadCount(), gcCount, gcTime, Double.NaN,
                used.processCores(), used.monitoringCores());
    }

    @Override
    public String classHistogram() throws IOException {
        return histogram();
    }

    @Override
    public String heapWalkHistogram() throws IOException {
        return histogram("-all");
    }

    private String histogram(String... options) throws IOException {
        try {
            Object text = mbeans.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {options}, new String[] {String[].class.getName()});
            return String.valueOf(text);
        } catch (javax.management.JMException e) {
            throw new IOException("the target refused GC.class_histogram: " + e.getMessage(), e);
        }
    }

    @Override
    public void dumpHeap(java.nio.file.Path file) throws IOException {
        try {
            mbeans.invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
                    new Object[] {file.toAbsolutePath().toString(), true},
                    new String[] {String.class.getName(), boolean.class.getName()});
        } catch (javax.management.JMException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("JVM " + info.pid() + " could not write a heap dump to " + file + ": "
                    + cause.getMessage(), e);
        }
    }

    /** On a JMX thread. */
    @Override
    public AutoCloseable onGc(Consumer<GcEvent> listener) throws IOException {
        NotificationListener jmxListener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                listener.accept(toEvent(notification));
            }
        };
        List<ObjectName> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : collectors) {
            ObjectName name = gc.getObjectName();
            try {
                mbeans.addNotificationListener(name, jmxListener, null, null);
                names.add(name);
            } catch (InstanceNotFoundException e) {
                // A collector bean that went away has nothing to tell.
                LOG.log(System.Logger.Level.DEBUG, "a garbage collector's bean went away", e);
            }
        }
        return track(() -> {
            for (ObjectName name : names) {
                try {
                    mbeans.removeNotificationListener(name, jmxListener);
                } catch (InstanceNotFoundException | ListenerNotFoundException | IOException e) {
                    // Gone with the connection: nothing left to remove.
                    LOG.log(System.Logger.Level.DEBUG, "removing a GC listener failed", e);
                }
            }
        });
    }

    @Override
    public AutoCloseable onConnectionLost(Runnable listener) {
        NotificationListener jmxListener = (Notification n, Object handback) -> {
            if (JMXConnectionNotification.CLOSED.equals(n.getType())
                    || JMXConnectionNotification.FAILED.equals(n.getType())) {
                listener.run();
            }
        };
        connector.addConnectionNotificationListener(jmxListener, null, null);
        return track(() -> {
            try {
                connector.removeConnectionNotificationListener(jmxListener);
            } catch (ListenerNotFoundException e) {
                // Already removed.
                LOG.log(System.Logger.Level.DEBUG, "the connection listener was already removed", e);
            }
        });
    }

    private AutoCloseable track(AutoCloseable subscription) {
        synchronized (subscriptions) {
            subscriptions.add(subscription);
        }
        return () -> {
            synchronized (subscriptions) {
                if (!subscriptions.remove(subscription)) {
                    return;
                }
            }
            subscription.close();
        };
    }

    private GcEvent toEvent(Notification notification) {
        GarbageCollectionNotificationInfo gc = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        GcInfo gcInfo = gc.getGcInfo();
        return new GcEvent(Instant.ofEpochMilli(startTimeMillis + gcInfo.getEndTime()), gc.getGcName(),
                gc.getGcCause(), Duration.ofMillis(gcInfo.getDuration()),
                heapUsed(gcInfo.getMemoryUsageBeforeGc()), heapUsed(gcInfo.getMemoryUsageAfterGc()));
    }

    private long heapUsed(Map<String, MemoryUsage> usageByPool) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : usageByPool.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    @Override
    public void close() {
        List<AutoCloseable> open;
        synchronized (subscriptions) {
            open = new ArrayList<>(subscriptions);
            subscriptions.clear();
        }
        for (AutoCloseable subscription : open) {
            try {
                subscription.close();
            } catch (Exception e) {
                // Closing anyway.
                LOG.log(System.Logger.Level.DEBUG, "closing a subscription failed", e);
            }
        }
        try {
            connector.close();
        } catch (IOException e) {
            // The target may be gone already; there is nothing more to release on our side.
            LOG.log(System.Logger.Level.DEBUG, "closing the connection failed", e);
        }
    }
}
