package io.leaklens.heapdump;

import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.model.DominatedObjects;
import io.leaklens.model.DominatorEntry;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.InstancesInDump;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.ObjectPath;
import io.leaklens.model.PathStep;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap dumps of StaticListLeak (JDK 25 and 17, plain and gzip-compressed) read for real: the static list dominates
 * its entries, their path runs through the static field, and the report names them as the suspect.
 */
class HeapDumpTest {

    private static final String ENTRY = StaticListLeak.class.getName() + "$Entry";
    private static final Map<String, HeapDump> READ = new HashMap<>();

    static List<String> dumps() {
        List<String> dumps = new ArrayList<>(List.of(ChildJvm.CURRENT + ".hprof", ChildJvm.CURRENT + ".hprof.gz"));
        if (ChildJvm.hasJdk(17)) {
            dumps.addAll(List.of("17.hprof", "17.hprof.gz"));
        }
        return dumps;
    }

    /** The dumps a class histogram was taken beside. */
    static List<String> plainDumps() {
        return dumps().stream().filter(name -> name.endsWith(".hprof")).toList();
    }

    private static synchronized HeapDump read(String name) throws Exception {
        if (!READ.containsKey(name)) {
            int jdk = Integer.parseInt(name.substring(0, name.indexOf('.')));
            Path file = name.endsWith(".gz") ? FixtureDumps.gzipped(jdk) : FixtureDumps.plain(jdk);
            READ.put(name, HeapDump.read(file));
        }
        return READ.get(name);
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void theStaticListDominatesItsEntriesAndRetainsAtLeastTheirSizes(String name) throws Exception {
        HeapDump dump = read(name);
        int list = staticList(dump);
        int[] entries = instancesOf(dump, ENTRY);

        assertThat(dump.index.className(dump.index.classOf(list))).isEqualTo("java.util.ArrayList");
        assertThat(entries.length).isGreaterThan(1000);
        for (int entry : entries) {
            assertThat(dominators(dump, entry)).contains(list);
            // HotSpot's layout with compressed oops: a 12-byte header, a long and a reference, aligned to 8.
            assertThat(dump.index.shallow(entry)).isEqualTo(24);
        }
        // Each entry holds a byte[64]: 16 bytes of header and length, 64 of data.
        assertThat(dump.sizes.retained(list)).isGreaterThanOrEqualTo(entries.length * (24L + 80));
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void theShortestPathToAnEntryRunsThroughTheStaticField(String name) throws Exception {
        HeapDump dump = read(name);
        int entry = instancesOf(dump, ENTRY)[0];

        RootedPath path = RootedPath.of(dump.index, dump.paths, entry);

        assertThat(path.rootKind()).as(path.rootDescription() + " " + path.steps()).isEqualTo("static field");
        assertThat(path.rootDescription()).isEqualTo(StaticListLeak.class.getName() + ".ENTRIES");
        assertThat(path.steps()).containsExactly(new PathStep(StaticListLeak.class.getName(), "ENTRIES"),
                new PathStep("java.util.ArrayList", "elementData"), new PathStep("java.lang.Object[]", "[]"),
                new PathStep(ENTRY, null));
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void theReportNamesTheEntriesPilingUpInTheListAsTheFirstSuspect(String name) throws Exception {
        HeapDumpReport report = read(name).report(10);

        LeakSuspect first = report.suspects().getFirst();
        assertThat(first.className()).isEqualTo(ENTRY);
        assertThat(first.rootKind()).isEqualTo("static field");
        assertThat(first.pathFromRoot()).extracting(PathStep::field).containsExactly("ENTRIES", "elementData", "[]",
                null);
        assertThat(first.score()).isBetween(0.1, 1.0);
        assertThat(first.explanation()).contains("StaticListLeak$Entry objects", "pile up in one Object[]",
                "StaticListLeak.ENTRIES");
        assertThat(report.topClasses()).extracting(c -> c.className()).contains(ENTRY);
        // JDK 17's archived class data (an Object[] under a JNI global) is about as large in so small a heap.
        assertThat(report.topDominators().subList(0, 2)).extracting(d -> d.className())
                .contains("class " + StaticListLeak.class.getName());
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void theSummaryAddsUp(String name) throws Exception {
        HeapDump dump = read(name);
        HeapDumpReport report = dump.report(10);

        assertThat(report.summary().reachableObjects()).isPositive().isLessThanOrEqualTo(report.summary().objects());
        assertThat(report.summary().reachableBytes()).isLessThanOrEqualTo(report.summary().shallowBytes());
        assertThat(report.summary().roots()).extracting(r -> r.kind()).contains("system class", "thread");
        long topLevel = IntStream.of(dump.sizes.children(-1)).mapToLong(dump.sizes::retained).sum();
        assertThat(topLevel).isEqualTo(report.summary().reachableBytes());
        assertThat(report.references()).contains("referent");
    }

    /**
     * Walking the dominator tree as the app does, by object id: from the top, through the class that holds the static
     * list, to the list and its array, which keep the entries alive; each level is sorted, adds up, and says what it
     * left out; the path to an entry found so starts at the static field.
     */
    @ParameterizedTest
    @MethodSource("dumps")
    void theDominatorTreeWalkedByIdLeadsFromTheClassToTheEntriesAndTheirPath(String name) throws Exception {
        HeapDump dump = read(name);
        DominatedObjects top = dump.dominated(null, 5);
        assertThat(top.entries()).hasSize(5);
        assertThat(top.total()).isEqualTo(dump.sizes.children(-1).length);
        assertThat(top.entries()).extracting(DominatorEntry::retainedBytes).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(top.entries().stream().mapToLong(DominatorEntry::retainedBytes).sum() + top.restRetained())
                .isEqualTo(dump.report(1).summary().reachableBytes());

        DominatorEntry leakClass = top.entries().stream()
                .filter(e -> e.className().equals("class " + StaticListLeak.class.getName())).findFirst().orElseThrow();
        DominatorEntry list = dump.dominated(leakClass.objectId(), 3).entries().getFirst();
        assertThat(list.className()).isEqualTo("java.util.ArrayList");
        DominatorEntry array = dump.dominated(list.objectId(), 3).entries().getFirst();
        assertThat(array.className()).isEqualTo("java.lang.Object[]");
        DominatedObjects entries = dump.dominated(array.objectId(), 50);
        assertThat(entries.entries()).hasSize(50).allMatch(e -> e.className().equals(ENTRY));
        assertThat(entries.rest()).isEqualTo(instancesOf(dump, ENTRY).length - 50);

        ObjectPath path = dump.pathTo(entries.entries().getFirst().objectId());
        assertThat(path.reached()).isTrue();
        assertThat(path.rootDescription()).isEqualTo(StaticListLeak.class.getName() + ".ENTRIES");
        assertThat(path.steps()).extracting(PathStep::className).endsWith(ENTRY);

        assertThat(dump.dominated("0x1", 5).entries()).isEmpty();
        assertThat(dump.dominated("not an id", 5).total()).isZero();
        assertThat(dump.pathTo("0x1").reached()).isFalse();
    }

    /**
     * A class asked for by name: its instances are found where the static list keeps them (the list's array holds
     * all of them), with the path to one; a class the dump does not hold is said to be absent.
     */
    @ParameterizedTest
    @MethodSource("dumps")
    void theInstancesOfAClassAreFoundWhereTheyPileUp(String name) throws Exception {
        HeapDump dump = read(name);
        InstancesInDump entries = dump.instancesOf(ENTRY);

        assertThat(entries.found()).isTrue();
        assertThat(entries.classes()).isEqualTo(1);
        assertThat(entries.instances()).isEqualTo(instancesOf(dump, ENTRY).length);
        assertThat(entries.shallowBytes()).isEqualTo(24 * entries.instances());
        assertThat(entries.retainedBytes()).isGreaterThanOrEqualTo(entries.instances() * (24L + 80));
        assertThat(entries.holder().className()).isEqualTo("java.lang.Object[]");
        assertThat(entries.heldInstances()).isEqualTo(entries.instances());
        assertThat(entries.path().rootDescription()).isEqualTo(StaticListLeak.class.getName() + ".ENTRIES");
        assertThat(entries.path().steps()).extracting(PathStep::className).endsWith("java.util.ArrayList",
                "java.lang.Object[]", ENTRY);

        InstancesInDump absent = dump.instancesOf("com.example.NotThere");
        assertThat(absent.found()).isFalse();
        assertThat(absent.classes()).isZero();
        assertThat(absent.holder()).isNull();
    }

    /**
     * An instance's shallow size is the one HotSpot's own class histogram gives (bytes / instances), except for the
     * few classes the VM adds hidden fields to (a dump leaves them out): those count less, never more.
     */
    @ParameterizedTest
    @MethodSource("plainDumps")
    void instanceSizesAreThoseOfHotSpotsClassHistogram(String name) throws Exception {
        HeapDump dump = read(name);
        Map<String, Long> hotspot = new HashMap<>();
        for (String line : FixtureDumps.histogram(Integer.parseInt(name.substring(0, name.indexOf('.')))).lines()
                .toList()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":") && !fields[3].startsWith("[")) {
                hotspot.put(fields[3], Long.parseLong(fields[2]) / Long.parseLong(fields[1]));
            }
        }
        int same = 0;
        List<String> smaller = new ArrayList<>();
        for (var c : dump.report(Integer.MAX_VALUE).topClasses()) {
            Long size = hotspot.get(c.className());
            if (size == null || c.className().endsWith("[]") || c.className().equals("java.lang.Class")) {
                continue; // arrays vary in length; a class mirror holds its statics
            }
            long ours = c.shallowBytes() / c.instances();
            assertThat(ours).as(c.className()).isLessThanOrEqualTo(size);
            if (ours == size) {
                same++;
            } else {
                smaller.add(c.className());
            }
        }
        assertThat(same).isGreaterThan(100);
        // The VM injects fields into a few java.lang and jdk.internal classes, and pads the @Contended ones of
        // java.util.concurrent (ConcurrentHashMap$CounterCell, Striped64$Cell: there only after contention).
        assertThat(smaller).as("classes with fields the VM injects or pads").hasSizeLessThan(same / 10)
                .allMatch(c -> c.startsWith("java.lang.") || c.startsWith("jdk.internal.")
                        || c.startsWith("java.util.concurrent."));
    }

    private static int staticList(HeapDump dump) {
        HeapIndex index = dump.index;
        int leakClass = classNamed(dump, StaticListLeak.class.getName());
        int classNode = index.classes().get(leakClass).node();
        for (int e = index.edgeOffsets()[classNode]; e < index.edgeOffsets()[classNode + 1]; e++) {
            if (index.slotName(classNode, e).equals("ENTRIES")) {
                return index.edgeTarget(e);
            }
        }
        throw new AssertionError("no ENTRIES edge from " + StaticListLeak.class.getName());
    }

    static int classNamed(HeapDump dump, String name) {
        return IntStream.range(0, dump.index.classes().size())
                .filter(c -> dump.index.className(c).equals(name)).findFirst().orElseThrow();
    }

    static int[] instancesOf(HeapDump dump, String className) {
        int c = classNamed(dump, className);
        return IntStream.range(0, dump.index.nodeCount()).filter(n -> dump.index.classOf(n) == c).toArray();
    }

    private static List<Integer> dominators(HeapDump dump, int node) {
        List<Integer> dominators = new ArrayList<>();
        for (int d = dump.sizes.idom(node); d >= 0; d = dump.sizes.idom(d)) {
            dominators.add(d);
        }
        return dominators;
    }
}
