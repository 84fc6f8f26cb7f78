package io.leaklens.heapdump;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

/**
 * The dump's classes as {@link ClassLayout}s: one per CLASS DUMP record in file order, then one per primitive array
 * type. Sizes are counted as HotSpot lays objects out on a 64-bit JVM with compressed oops and class pointers (the
 * default under 32 GB of heap): a 12-byte header (16 for arrays, with the length), 4-byte references, all aligned
 * to 8 bytes. A dump with 4-byte identifiers comes from a 32-bit JVM: 8-byte headers (12 for arrays).
 */
final class ClassTable {

    private static final String REFERENCE = "java.lang.ref.Reference";

    private final List<ClassLayout> layouts = new ArrayList<>();
    /** Class object ids ascending, and the class index of each: looked up once per object. */
    private final IdOrder classOrder;
    private final int firstPrimitiveArray;
    private final int javaLangClass;
    private final int header;
    private final int arrayHeader;
    private final int idSize;
    private final Map<Long, String> names;
    private final Map<Long, Long> classNameIds;

    ClassTable(List<ClassDump> dumps, Map<Long, String> names, Map<Long, Long> classNameIds, int idSize,
               LongToIntFunction nodeOf) throws IOException {
        this.idSize = idSize;
        this.names = names;
        this.classNameIds = classNameIds;
        header = idSize == 8 ? 12 : 8;
        arrayHeader = idSize == 8 ? 16 : 12;
        Map<Long, ClassDump> byId = new HashMap<>();
        for (ClassDump dump : dumps) {
            byId.put(dump.id(), dump);
        }
        int classIndex = -1;
        for (ClassDump dump : dumps) {
            String name = className(dump.id());
            if (name.equals("java.lang.Class")) {
                classIndex = layouts.size();
            }
            layouts.add(layout(dump, name, byId, nodeOf.applyAsInt(dump.id())));
        }
        LongList keyed = new LongList();
        for (ClassDump dump : dumps) {
            keyed.add(dump.id());
        }
        classOrder = IdOrder.of(keyed, new long[1]);
        if (classOrder == null) {
            throw new IOException("a class is dumped twice");
        }
        firstPrimitiveArray = layouts.size();
        for (BasicType type : BasicType.values()) {
            layouts.add(ClassLayout.primitiveArray(type));
        }
        if (classIndex < 0) {
            classIndex = layouts.size();
            layouts.add(new ClassLayout("java.lang.Class", -1, new int[0], new String[0], 0, align(header),
                    new String[0]));
        }
        javaLangClass = classIndex;
    }

    List<ClassLayout> layouts() {
        return layouts;
    }

    /** The index of a class by its class object's id, or -1. */
    int indexOf(long classId) {
        return classOrder.nodeOf(classId);
    }

    int primitiveArrayClass(BasicType type) {
        return type == null || type == BasicType.OBJECT ? -1 : firstPrimitiveArray + type.ordinal();
    }

    int javaLangClass() {
        return javaLangClass;
    }

    long arrayShallow(BasicType element, long length) {
        return align(arrayHeader + length * element.heapSize());
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    private ClassLayout layout(ClassDump dump, String name, Map<Long, ClassDump> byId, int node) throws IOException {
        List<Integer> offsets = new ArrayList<>();
        List<String> refNames = new ArrayList<>();
        long dataBytes = 0;
        long heapBytes = 0;
        ClassDump declaring = dump;
        // Instance records hold this class's fields, then its superclass's, and so on up.
        for (int depth = 0; declaring != null; depth++) {
            if (depth > byId.size()) {
                throw new IOException("the superclasses of " + name + " form a cycle");
            }
            // Strong references only: what a weak, soft, phantom or final reference refers to is not held by it.
            boolean reference = REFERENCE.equals(className(declaring.id()));
            for (int i = 0; i < declaring.fieldTypes().length; i++) {
                BasicType type = declaring.fieldTypes()[i];
                String field = names.getOrDefault(declaring.fieldNameIds()[i], "?");
                if (type == BasicType.OBJECT && !(reference && field.equals("referent"))) {
                    offsets.add((int) dataBytes);
                    refNames.add(field);
                }
                dataBytes += type.dumpSize(idSize);
                heapBytes += type.heapSize();
            }
            declaring = byId.get(declaring.superId());
        }
        long[] staticNames = dump.staticNameIds();
        String[] slots = new String[staticNames.length + 3];
        for (int i = 0; i < staticNames.length; i++) {
            slots[i] = names.getOrDefault(staticNames[i], "?");
        }
        slots[staticNames.length] = ClassLayout.SUPER;
        slots[staticNames.length + 1] = ClassLayout.LOADER;
        slots[staticNames.length + 2] = ClassLayout.PROTECTION_DOMAIN;
        return new ClassLayout(name, node, offsets.stream().mapToInt(Integer::intValue).toArray(),
                refNames.toArray(String[]::new), dataBytes, align(header + heapBytes), slots);
    }

    private String className(long classId) {
        Long nameId = classNameIds.get(classId);
        String name = nameId == null ? null : names.get(nameId);
        return name == null ? "<class 0x" + Long.toHexString(classId) + ">" : binaryName(name);
    }

    /** {@code java/util/Map$Entry} → {@code java.util.Map$Entry}; {@code [[I} → {@code int[][]}. */
    static String binaryName(String hprofName) {
        int dimensions = 0;
        while (dimensions < hprofName.length() && hprofName.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return hprofName.replace('/', '.');
        }
        String element = hprofName.substring(dimensions);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "C" -> "char";
            case "F" -> "float";
            case "D" -> "double";
            case "B" -> "byte";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1).replace('/', '.') : element.replace('/', '.');
        };
        return base + "[]".repeat(dimensions);
    }
}
