package io.leaklens.heapdump;

/**
 * A class of the dump as the index needs it: its name, its instances' reference fields (where they are in an
 * instance record and what they are called) and sizes, and the names of its class object's outgoing references.
 *
 * @param name             the binary name ({@code java.lang.Object[]} for arrays)
 * @param node             the node of its class object, -1 for the primitive arrays' classes
 * @param refOffsets       byte offsets of the followed reference fields in an instance record
 * @param refNames         their names, in the same order (the edge slots of an instance)
 * @param dataBytes        the bytes of an instance record's field values
 * @param instanceShallow  an instance's shallow size as HotSpot counts it
 * @param classSlotNames   the names of the class object's edges: static fields, then super, loader, protection domain
 */
record ClassLayout(String name, int node, int[] refOffsets, String[] refNames, long dataBytes, long instanceShallow,
                   String[] classSlotNames) {

    static final String SUPER = "<super>";
    static final String LOADER = "<loader>";
    static final String PROTECTION_DOMAIN = "<protection domain>";

    static ClassLayout primitiveArray(BasicType type) {
        return new ClassLayout(type.javaName + "[]", -1, new int[0], new String[0], 0, 0, new String[0]);
    }
}
