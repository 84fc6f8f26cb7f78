package io.leaklens.heapdump;

/**
 * A class as its CLASS DUMP record gives it.
 *
 * @param id              the class object's id
 * @param superId         its superclass's id, 0 for none
 * @param loaderId        its class loader's id, 0 for the boot loader
 * @param protectionId    its protection domain's id, 0 for none
 * @param staticNameIds   the names of its static reference fields
 * @param staticValues    their values (0 for null)
 * @param fieldNameIds    the names of its own instance fields, in dump order
 * @param fieldTypes      their types
 */
record ClassDump(long id, long superId, long loaderId, long protectionId, long[] staticNameIds, long[] staticValues,
                 long[] fieldNameIds, BasicType[] fieldTypes) {
}
