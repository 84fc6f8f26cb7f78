package io.leaklens.ui.leaks;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.HeapDumpForecast;
import io.leaklens.session.HeapDumpAnalysis;
import io.leaklens.support.ChildJvm;
import io.leaklens.ui.UiExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Find in heap dump" on a real JVM (Java 17 when there is one): the user is told what the dump costs first; then
 * the dump is taken and the class's instances are found with the exact path from the static field that holds them.
 * A JVM that is gone gives a sentence, not a result.
 */
class HeapDumpLookupTest {

    private static final String ENTRY = StaticListLeak.class.getName() + "$Entry";
    private static ChildJvm leak;

    @TempDir
    Path dir;

    @BeforeAll
    static void startChild() {
        leak = ChildJvm.of(StaticListLeak.class).jdk(ChildJvm.hasJdk(17) ? 17 : ChildJvm.CURRENT)
                .jvmOptions("-Xmx128m").start();
    }

    @AfterAll
    static void stopChild() {
        ChildJvm.closeAll(leak);
    }

    @Test
    void theUserIsToldTheCostThenGetsTheExactPath() throws Exception {
        Path file = dir.resolve("target.hprof");
        Files.writeString(file, "an earlier dump"); // each lookup replaces the last
        HeapDumpLookup lookup = new HeapDumpLookup(UiExecutor.direct(),
                (className, to) -> HeapDumpAnalysis.findInNewDump(leak.pid(), to, className), () -> 300L << 20, file);

        assertThat(lookup.question(ENTRY)).contains("Find " + ENTRY + " in a heap dump", "about 345 MB",
                "stops for about 890 ms", file.toString(), "holds the program's data");
        assertThat(HeapDumpForecast.of(300L << 20).pause().toMillis()).isEqualTo(890);

        lookup.find(ENTRY);

        assertThat(lookup.busyProperty().get()).isFalse();
        assertThat(lookup.statusProperty().get()).isEmpty();
        assertThat(lookup.found().get(ENTRY)).startsWith("In the heap dump " + file + ": ")
                .contains(" instances (", "kept alive by one java.lang.Object[] 0x",
                        "Exact path from the GC root (static field " + StaticListLeak.class.getName() + ".ENTRIES):",
                        "→ java.util.ArrayList.elementData", "→ java.lang.Object[] element", "→ " + ENTRY);
        assertThat(Files.size(file)).isGreaterThan(1 << 20);
    }

    @Test
    void aClassTheJvmDoesNotHaveIsSaidSo() {
        HeapDumpLookup lookup = new HeapDumpLookup(UiExecutor.direct(),
                (className, to) -> HeapDumpAnalysis.findInNewDump(leak.pid(), to, className), () -> -1,
                dir.resolve("other.hprof"));

        assertThat(lookup.question("com.acme.Gone")).contains("about 2 ms per MB of live heap");
        lookup.find("com.acme.Gone");

        assertThat(lookup.found().get("com.acme.Gone")).endsWith("no class com.acme.Gone is loaded.");
    }

    @Test
    void aJvmThatIsGoneGivesASentence() {
        HeapDumpLookup lookup = new HeapDumpLookup(UiExecutor.direct(),
                (className, to) -> HeapDumpAnalysis.findInNewDump(Long.MAX_VALUE / 2, to, className), () -> -1,
                dir.resolve("gone.hprof"));

        lookup.find(ENTRY);

        assertThat(lookup.found()).isEmpty();
        assertThat(lookup.statusProperty().get()).startsWith("No heap dump: ").doesNotContain("Exception");
    }
}
