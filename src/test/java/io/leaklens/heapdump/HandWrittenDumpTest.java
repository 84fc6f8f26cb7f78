package io.leaklens.heapdump;

import io.leaklens.model.PathStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A dump written by hand with 4-byte identifiers (a 32-bit JVM's), in one HEAP DUMP record (format 1.0.1): sizes as
 * HotSpot counts them there, a weak reference's referent not followed, the dominators and path of a tiny graph.
 */
class HandWrittenDumpTest {

    private static final int OBJECT = 1, REFERENCE = 2, WEAK = 3, HOLDER = 4, OBJECTS = 5, HELD = 6;
    private static final int A = 100, B = 101, C = 102, W = 103, D = 104, E = 105;

    @TempDir
    Path dir;

    /**
     * Holder.HELD → A → B; a JNI global holds W, a WeakReference whose referent is C; a Java frame holds D, an
     * Object[] whose only element is E, an int[3].
     */
    private HprofWriter graph() throws IOException {
        HprofWriter dump = new HprofWriter();
        int heldName = dump.name("HELD");
        dump.type(OBJECT, "java/lang/Object", 0, new int[0][], new String[0], new int[0]);
        dump.type(REFERENCE, "java/lang/ref/Reference", OBJECT, new int[0][], new String[] {"referent", "queue"},
                new int[] {2, 2});
        dump.type(WEAK, "java/lang/ref/WeakReference", REFERENCE, new int[0][], new String[0], new int[0]);
        dump.type(HOLDER, "com/acme/Holder", OBJECT, new int[][] {{heldName, A}}, new String[] {"next", "n"},
                new int[] {2, 10});
        dump.type(OBJECTS, "[Ljava/lang/Object;", OBJECT, new int[0][], new String[0], new int[0]);
        for (int type = OBJECT; type <= OBJECTS; type++) {
            dump.root(0x05, type, 0);
        }
        dump.root(0x01, W, 4);
        dump.root(0x03, D, 8);
        dump.instance(A, HOLDER, B, 7);
        dump.instance(B, HOLDER, 0, 8);
        dump.instance(C, HOLDER, 0, 9);
        dump.instance(W, WEAK, C, 0);
        dump.objectArray(D, OBJECTS, E);
        dump.intArray(E, 3);
        return dump;
    }

    private HeapDump read(byte[] bytes) throws IOException {
        return HeapDump.read(Files.write(dir.resolve("hand.hprof"), bytes));
    }

    @Test
    void sizesAreCountedAsA32BitJvmLaysObjectsOut() throws Exception {
        HeapDump dump = read(graph().toBytes());
        HeapIndex index = dump.index;

        assertThat(index.idSize).isEqualTo(4);
        assertThat(index.shallow(index.nodeOf(A))).as("8-byte header, a reference, an int").isEqualTo(16);
        assertThat(index.shallow(index.nodeOf(W))).as("8-byte header, referent and queue").isEqualTo(16);
        assertThat(index.shallow(index.nodeOf(D))).as("12-byte header with length, one reference").isEqualTo(16);
        assertThat(index.shallow(index.nodeOf(E))).as("12-byte header with length, three ints").isEqualTo(24);
        assertThat(index.className(index.classOf(index.nodeOf(D)))).isEqualTo("java.lang.Object[]");
        assertThat(index.className(index.classOf(index.nodeOf(E)))).isEqualTo("int[]");
    }

    @Test
    void aWeakReferencesReferentIsNotHeldByIt() throws Exception {
        HeapDump dump = read(graph().toBytes());

        assertThat(dump.sizes.isReachable(dump.index.nodeOf(W))).isTrue();
        assertThat(dump.sizes.isReachable(dump.index.nodeOf(C))).isFalse();
        assertThat(dump.sizes.retained(dump.index.nodeOf(W))).isEqualTo(16);
    }

    @Test
    void dominatorsRetainedSizesAndPathsOfTheTinyGraph() throws Exception {
        HeapDump dump = read(graph().toBytes());
        HeapIndex index = dump.index;
        int holderClass = index.classes().get(index.classOf(index.nodeOf(A))).node();

        assertThat(dump.sizes.idom(index.nodeOf(E))).isEqualTo(index.nodeOf(D));
        assertThat(dump.sizes.retained(index.nodeOf(D))).isEqualTo(16 + 24);
        assertThat(dump.sizes.idom(index.nodeOf(B))).isEqualTo(index.nodeOf(A));
        assertThat(dump.sizes.idom(index.nodeOf(A))).isEqualTo(holderClass);
        assertThat(dump.sizes.retained(index.nodeOf(A))).isEqualTo(32);
        RootedPath path = RootedPath.of(index, dump.paths, index.nodeOf(B));
        assertThat(path.rootDescription()).isEqualTo("com.acme.Holder.HELD");
        assertThat(path.steps()).containsExactly(new PathStep("com.acme.Holder", "HELD"),
                new PathStep("com.acme.Holder", "next"), new PathStep("com.acme.Holder", null));
        RootedPath toE = RootedPath.of(index, dump.paths, index.nodeOf(E));
        assertThat(toE.rootKind()).isEqualTo("thread");
        assertThat(toE.rootDescription()).isEqualTo("Java frame java.lang.Object[]");
    }

    @Test
    void anUnknownHeapTagIsNamedWithItsOffset() throws Exception {
        HprofWriter dump = graph();
        int offset = dump.nextHeapOffset();
        dump.heapBytes(0x42, 0, 0, 0, 1);

        assertThatThrownBy(() -> read(dump.toBytes())).isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("hand.hprof") + " is damaged: unknown heap record tag 0x42 at byte " + offset);
    }
}
