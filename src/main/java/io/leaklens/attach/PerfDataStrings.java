package io.leaklens.attach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text counters of a local JVM's performance data ({@code /tmp/hsperfdata_USER/PID}, what {@code jcmd PID
 * PerfCounter.print} shows), read from the file itself: the only place a JVM publishes the address of its remote
 * JMX agent. The layout is HotSpot's {@code PerfDataPrologue} and {@code PerfDataEntry} (perfMemory.hpp, format
 * 2.0, unchanged since JDK 6).
 */
final class PerfDataStrings {

    private static final int MAGIC = 0xcafec0c0;
    private static final int PROLOGUE_SIZE = 32;
    private static final byte BYTE_ARRAY = 'B';

    private PerfDataStrings() {
    }

    /** The file of a JVM of this user, where {@link JvmLocator} finds it too. */
    static Path fileOf(long pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(pid));
    }

    /**
     * The text counters whose name starts with {@code prefix}, in the order the JVM created them.
     *
     * @throws IOException the file cannot be read or is not performance data
     */
    static Map<String, String> read(Path file, String prefix) throws IOException {
        ByteBuffer data;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < PROLOGUE_SIZE || size > 64 << 20) {
                throw new IOException(file + " is not performance data");
            }
            data = ByteBuffer.allocate((int) size);
            while (data.hasRemaining() && channel.read(data) >= 0) {
                // read it all: the file is a few dozen KB
            }
            data.flip();
        }
        if (data.getInt(0) != MAGIC) {
            throw new IOException(file + " is not performance data");
        }
        data.order(data.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int entryOffset = data.getInt(24);
        int entries = data.getInt(28);
        Map<String, String> counters = new LinkedHashMap<>();
        int position = entryOffset;
        for (int i = 0; i < entries && position > 0 && position + 20 <= data.limit(); i++) {
            int length = data.getInt(position);
            if (length <= 0) {
                break; // an entry the JVM is still writing
            }
            String name = cString(data, position + data.getInt(position + 4), data.limit());
            if (data.get(position + 12) == BYTE_ARRAY && data.getInt(position + 8) > 0 && name.startsWith(prefix)) {
                int start = position + data.getInt(position + 16);
                counters.put(name, cString(data, start, Math.min(data.limit(), start + data.getInt(position + 8))));
            }
            position += length;
        }
        return counters;
    }

    private static String cString(ByteBuffer data, int start, int limit) {
        int end = start;
        while (end < limit && data.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[Math.max(0, end - start)];
        data.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
