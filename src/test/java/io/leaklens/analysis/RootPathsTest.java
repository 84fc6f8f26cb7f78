package io.leaklens.analysis;

import io.leaklens.model.PathStep;
import io.leaklens.model.GcRoot;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.ReferenceHop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths as JFR gives them (see platform-notes: a static field's holder is a java.lang.Class object). */
class RootPathsTest {

    private static OldObjectSample sample(GcRoot root, ReferenceHop... hops) {
        return new OldObjectSample(Instant.EPOCH, Duration.ofSeconds(30), hops[hops.length - 1].className(), 24, -1,
                1_000, List.of(), root, List.of(hops));
    }

    private static ReferenceHop hop(String className, String field) {
        return new ReferenceHop(className, null, field, false, -1, -1, 0);
    }

    private static final ReferenceHop STATIC_HOLDER = new ReferenceHop("java.lang.Class",
            "Class Name: com.acme.OrderLog", "ENTRIES", true, -1, -1, 0);
    private static final GcRoot MAIN_STACK = new GcRoot("Threads", "Stack Variable", "main");

    @Test
    void aStaticListReadsFromTheDeclaringClassDownToTheEntry() {
        OldObjectSample sample = sample(MAIN_STACK, STATIC_HOLDER, hop("java.util.ArrayList", "elementData"),
                new ReferenceHop("java.lang.Object[]", null, null, false, 3045, 4096, 0),
                hop("com.acme.OrderLog$Entry", null));

        assertThat(RootPaths.steps(sample)).containsExactly(
                new PathStep("com.acme.OrderLog", "ENTRIES"),
                new PathStep("java.util.ArrayList", "elementData"),
                new PathStep("java.lang.Object[]", "[]"),
                new PathStep("com.acme.OrderLog$Entry", null));
        assertThat(RootPaths.rootKind(sample)).isEqualTo("static field");
        assertThat(RootPaths.describeRoot(sample)).isEqualTo("static field com.acme.OrderLog.ENTRIES");
    }

    @Test
    void rootKindsFollowTheRootSystem() {
        ReferenceHop local = hop("java.util.HashMap", "table");
        ReferenceHop leaf = hop("byte[]", null);
        assertThat(RootPaths.rootKind(sample(MAIN_STACK, local, leaf))).isEqualTo("thread");
        assertThat(RootPaths.rootKind(sample(new GcRoot("Class Loader Data", "", ""), local, leaf)))
                .isEqualTo("class loader");
        assertThat(RootPaths.rootKind(sample(new GcRoot("JNI", "Global", ""), local, leaf))).isEqualTo("jni");
        assertThat(RootPaths.rootKind(sample(null, leaf))).isEqualTo("other");
        assertThat(RootPaths.describeRoot(sample(MAIN_STACK, local, leaf))).isEqualTo("Threads / Stack Variable / main");
        assertThat(RootPaths.describeRoot(sample(null, leaf))).isEqualTo(RootPaths.UNREACHABLE);
    }

    @Test
    void omittedObjectsOnADeepChainAreShownAsAStep() {
        OldObjectSample sample = sample(MAIN_STACK, new ReferenceHop("com.acme.Node", null, "next", false, -1, -1, 120),
                hop("com.acme.Node", "next"), hop("com.acme.Node", null));

        assertThat(RootPaths.steps(sample)).extracting(PathStep::className)
                .containsExactly("com.acme.Node", "… 120 objects omitted", "com.acme.Node", "com.acme.Node");
    }

    @Test
    void aStaticFieldReachedThroughItsClassLoaderStillReadsAsTheStaticField() {
        // As seen on a JDK 25 demo: the class is reached from a thread's stack through its loader's class list.
        OldObjectSample sample = sample(new GcRoot("Threads", "Stack Variable", "RMI TCP Connection(2)"),
                hop("jdk.internal.loader.ClassLoaders$AppClassLoader", "classes"),
                hop("java.util.ArrayList", "elementData"),
                new ReferenceHop("java.lang.Object[]", null, null, false, 12, 64, 0),
                STATIC_HOLDER, hop("java.util.ArrayList", "elementData"),
                new ReferenceHop("java.lang.Object[]", null, null, false, 3, 16, 0),
                hop("com.acme.OrderLog$Entry", null));

        assertThat(RootPaths.rootKind(sample)).isEqualTo("static field");
        assertThat(RootPaths.describeRoot(sample)).isEqualTo("static field com.acme.OrderLog.ENTRIES");
        assertThat(RootPaths.steps(sample)).extracting(PathStep::className).containsExactly(
                "com.acme.OrderLog", "java.util.ArrayList", "java.lang.Object[]", "com.acme.OrderLog$Entry");
    }

    @Test
    void objectsOnlyAMonitoringThreadHoldsAreTheProfilersOwn() {
        GcRoot rmi = new GcRoot("Threads", "Stack Variable", "Thread Name: RMI TCP Connection(3)-127.0.0.1");
        GcRoot app = new GcRoot("Threads", "Stack Variable", "Thread Name: http-nio-8080-exec-1");

        assertThat(RootPaths.heldByProfiler(sample(rmi, hop("java.net.Inet4Address", null)))).isTrue();
        assertThat(RootPaths.heldByProfiler(sample(new GcRoot("Threads", "Handle Area", "Thread Name: Attach Listener"),
                hop("java.lang.String", null)))).isTrue();
        assertThat(RootPaths.heldByProfiler(sample(app, hop("java.net.Inet4Address", null)))).isFalse();
        // JFR found the class of a static list on the RMI thread's stack: the list is still the application's
        assertThat(RootPaths.heldByProfiler(sample(rmi, STATIC_HOLDER, hop("java.util.ArrayList", "elementData"),
                hop("com.acme.OrderLog$Entry", null)))).isFalse();
        assertThat(RootPaths.heldByProfiler(sample(MAIN_STACK, hop("jdk.jfr.internal.MetadataRepository", "x"),
                hop("byte[]", null)))).isTrue();
    }
}
