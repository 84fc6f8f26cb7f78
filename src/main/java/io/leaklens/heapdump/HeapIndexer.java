package io.leaklens.heapdump;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link HeapIndex} in two passes over the dump: the first collects names, classes, roots and every
 * object's id, class and size; the second, once ids can be looked up, the references between objects.
 */
final class HeapIndexer {

    private static final byte INSTANCE = 0;
    private static final byte OBJECT_ARRAY = 1;
    private static final byte PRIMITIVE_ARRAY = 2;
    private static final byte CLASS_OBJECT = 3;

    private final Path file;
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> classNameIds = new HashMap<>();
    private final List<ClassDump> dumps = new ArrayList<>();
    private final LongList rootIds = new LongList();
    private final List<RootKind> rootKinds = new ArrayList<>();
    // The first pass's lists, dropped once resolved into arrays: the second pass needs their memory.
    private LongList ids = new LongList();
    /** Per object: its class id (instances, object arrays), the tag of its element type (primitive arrays). */
    private LongList classRefs = new LongList();
    /** Per object: its field bytes (instances), its length (arrays). */
    private LongList lengths = new LongList();
    private LongList kinds = new LongList();
    private int idSize;

    private HeapIndexer(Path file) {
        this.file = file;
    }

    static HeapIndex index(Path file) throws IOException {
        return new HeapIndexer(file).index();
    }

    private HeapIndex index() throws IOException {
        idSize = HprofScanner.scan(file, new FirstPass());
        LongList objectIds = ids; // kept: the index's node → id
        long[] twice = new long[1];
        IdOrder order = IdOrder.of(objectIds, twice);
        if (order == null) {
            throw damaged("the object id 0x" + Long.toHexString(twice[0]) + " appears twice");
        }
        ClassTable table;
        try {
            table = new ClassTable(dumps, names, classNameIds, idSize, order::nodeOf);
        } catch (IOException e) {
            throw damaged(e.getMessage()); // what is wrong with the classes, without the file's name
        }
        int n = objectIds.size();
        int[] classOf = new int[n];
        NativeArray shallow = NativeArray.longs(n);
        // At most this many references: the edge arrays are made once, not grown (growing doubled their peak).
        long mostEdges = 0;
        for (int node = 0; node < n; node++) {
            int kind = (int) kinds.get(node);
            long ref = classRefs.get(node);
            int c = switch (kind) {
                case PRIMITIVE_ARRAY -> table.primitiveArrayClass(BasicType.of((int) ref));
                case CLASS_OBJECT -> table.javaLangClass();
                default -> table.indexOf(ref);
            };
            if (c < 0) {
                throw damaged("the object 0x" + Long.toHexString(objectIds.get(node)) + " is of a class (0x"
                        + Long.toHexString(ref) + ") the dump does not define");
            }
            classOf[node] = c;
            ClassLayout layout = table.layouts().get(c);
            shallow.setLong(node, switch (kind) {
                case INSTANCE -> {
                    if (lengths.get(node) != layout.dataBytes()) {
                        throw damaged("the object 0x" + Long.toHexString(objectIds.get(node)) + " has "
                                + lengths.get(node) + " bytes of fields where its class has " + layout.dataBytes());
                    }
                    yield layout.instanceShallow();
                }
                case CLASS_OBJECT -> layout.instanceShallow();
                case OBJECT_ARRAY -> table.arrayShallow(BasicType.OBJECT, lengths.get(node));
                default -> table.arrayShallow(BasicType.of((int) ref), lengths.get(node));
            });
            mostEdges += switch (kind) {
                case INSTANCE -> layout.refOffsets().length + 1;
                case OBJECT_ARRAY -> lengths.get(node) + 1;
                case CLASS_OBJECT -> table.layouts().get(table.indexOf(objectIds.get(node))).classSlotNames().length;
                default -> 0;
            };
        }
        if (mostEdges > Integer.MAX_VALUE - 16) {
            throw new IOException(file + " holds more references than LeakLens can index (2^31)");
        }
        classRefs = null;
        lengths = null;
        kinds = null;
        SecondPass edges = new SecondPass(table, classOf, order, objectIds, (int) mostEdges);
        HprofScanner.scan(file, edges);
        if (edges.node != n) {
            throw new IOException(file + " changed while it was read: it held " + n + " objects, then " + edges.node);
        }
        IntList roots = new IntList();
        List<RootKind> kindsOfRoots = new ArrayList<>();
        for (int i = 0; i < rootIds.size(); i++) {
            int node = order.nodeOf(rootIds.get(i));
            if (node >= 0) {
                roots.add(node);
                kindsOfRoots.add(rootKinds.get(i));
            }
        }
        edges.offsets[n] = edges.count;
        return new HeapIndex(idSize, objectIds, order, classOf, shallow, edges.offsets,
                edges.trimmedTargets(), edges.trimmedSlots(), table.layouts(), roots.toArray(),
                kindsOfRoots.toArray(RootKind[]::new));
    }

    private IOException damaged(String what) {
        return new IOException(file + " is damaged: " + what);
    }

    private void object(long id, long classRef, long length, int kind) {
        ids.add(id);
        classRefs.add(classRef);
        lengths.add(length);
        kinds.add(kind);
    }

    /** Names, classes, roots, and each object's id, class and length. */
    private final class FirstPass implements HeapRecords {
        @Override
        public void name(long id, String name) {
            names.put(id, name);
        }

        @Override
        public void loadClass(long classId, long nameId) {
            classNameIds.put(classId, nameId);
        }

        @Override
        public void root(RootKind kind, long objectId) {
            rootIds.add(objectId);
            rootKinds.add(kind);
        }

        @Override
        public void classDump(ClassDump dump) {
            dumps.add(dump);
            object(dump.id(), 0, 0, CLASS_OBJECT);
        }

        @Override
        public void instance(long id, long classId, long byteCount, HprofInput in) throws IOException {
            in.skip(byteCount);
            object(id, classId, byteCount, INSTANCE);
        }

        @Override
        public void objectArray(long id, long arrayClassId, long length, HprofInput in) throws IOException {
            in.skip(length * in.idSize());
            object(id, arrayClassId, length, OBJECT_ARRAY);
        }

        @Override
        public void primitiveArray(long id, BasicType type, long length) {
            object(id, type.tag, length, PRIMITIVE_ARRAY);
        }
    }

    /** The references of each object, in the order of the first pass. */
    private final class SecondPass implements HeapRecords {
        final int[] offsets;
        final NativeArray targets;
        final NativeArray slots;
        int count;
        private final ClassTable table;
        private final int[] classOf;
        private final IdOrder order;
        private final LongList objectIds;
        private byte[] fields = new byte[256];
        int node;

        SecondPass(ClassTable table, int[] classOf, IdOrder order, LongList objectIds, int mostEdges) {
            this.targets = NativeArray.ints(mostEdges);
            this.slots = NativeArray.chars(mostEdges);
            this.table = table;
            this.classOf = classOf;
            this.order = order;
            this.objectIds = objectIds;
            this.offsets = new int[objectIds.size() + 1];
        }

        private void start(long id) throws IOException {
            if (node >= objectIds.size() || objectIds.get(node) != id) {
                throw new IOException(file + " changed while it was read");
            }
            offsets[node] = count;
        }

        private void edge(long id, char slot) throws IOException {
            if (id == 0) {
                return;
            }
            int target = order.nodeOf(id);
            if (target >= 0) {
                targets.setInt(count, target);
                slots.setChar(count++, slot);
            }
        }

        /** The targets, cut to their count when nulls and missing objects left more than an eighth unused. */
        NativeArray trimmedTargets() {
            return count < targets.length() - targets.length() / 8 ? targets.copyOf(count) : targets;
        }

        NativeArray trimmedSlots() {
            return count < slots.length() - slots.length() / 8 ? slots.copyOf(count) : slots;
        }

        @Override
        public void classDump(ClassDump dump) throws IOException {
            start(dump.id());
            long[] statics = dump.staticValues();
            for (int i = 0; i < statics.length; i++) {
                edge(statics[i], (char) i);
            }
            edge(dump.superId(), (char) statics.length);
            edge(dump.loaderId(), (char) (statics.length + 1));
            edge(dump.protectionId(), (char) (statics.length + 2));
            node++;
        }

        @Override
        public void instance(long id, long classId, long byteCount, HprofInput in) throws IOException {
            start(id);
            ClassLayout layout = table.layouts().get(classOf[node]); // resolved after the first pass
            if (fields.length < byteCount) {
                fields = new byte[(int) byteCount];
            }
            in.bytes(fields, (int) byteCount);
            int[] refOffsets = layout.refOffsets();
            for (int i = 0; i < refOffsets.length; i++) {
                edge(readId(fields, refOffsets[i]), (char) i);
            }
            edge(classId, HeapIndex.CLASS_SLOT);
            node++;
        }

        private long readId(byte[] bytes, int at) {
            long value = 0;
            for (int i = 0; i < idSize; i++) {
                value = value << 8 | (bytes[at + i] & 0xFF);
            }
            return value;
        }

        @Override
        public void objectArray(long id, long arrayClassId, long length, HprofInput in) throws IOException {
            start(id);
            for (long i = 0; i < length; i++) {
                edge(in.id(), HeapIndex.ELEMENT_SLOT);
            }
            edge(arrayClassId, HeapIndex.CLASS_SLOT);
            node++;
        }

        @Override
        public void primitiveArray(long id, BasicType type, long length) throws IOException {
            start(id);
            node++;
        }
    }
}
