package io.leaklens.attach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local JVM's performance data ({@code /tmp/hsperfdata_USER/PID}, what {@code jcmd PID PerfCounter.print} and
 * {@code jstat} show), read from the file itself: the JVM keeps it up to date in shared memory, so reading it costs
 * the target nothing and needs no agent in it. It is the only place a JVM publishes the address of its remote JMX
 * agent, and it has the heap's generations, the collectors' counts and times, and the live threads. The layout is
 * HotSpot's {@code PerfDataPrologue} and {@code PerfDataEntry} (perfMemory.hpp, format 2.0, unchanged since JDK 6).
 *
 * @param text    the text counters, in the order the JVM created them
 * @param numbers the 64-bit counters, in the order the JVM created them
 */
record PerfData(Map<String, String> text, Map<String, Long> numbers) {

    private static final int MAGIC = 0xcafec0c0;
    private static final int PROLOGUE_SIZE = 32;
    private static final byte BYTE_ARRAY = 'B';
    private static final byte LONG = 'J';

    /** The file of a JVM of this user, where {@link JvmLocator} finds it too. */
    static Path fileOf(long pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(pid));
    }

    /**
     * Reads every counter of the file.
     *
     * @throws NoSuchFileException the JVM has ended (it deletes the file) or runs without performance data
     * @throws IOException         the file cannot be read or is not performance data
     */
    static PerfData read(Path file) throws IOException {
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
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, Long> numbers = new LinkedHashMap<>();
        int position = entryOffset;
        for (int i = 0; i < entries && position > 0 && position + 20 <= data.limit(); i++) {
            int length = data.getInt(position);
            if (length <= 0) {
                break; // an entry the JVM is still writing
            }
            String name = cString(data, position + data.getInt(position + 4), data.limit());
            int vectorLength = data.getInt(position + 8);
            byte type = data.get(position + 12);
            int start = position + data.getInt(position + 16);
            if (type == BYTE_ARRAY && vectorLength > 0) {
                text.put(name, cString(data, start, Math.min(data.limit(), start + vectorLength)));
            } else if (type == LONG && vectorLength == 0 && start + 8 <= data.limit()) {
                numbers.put(name, data.getLong(start));
            }
            position += length;
        }
        return new PerfData(text, numbers);
    }

    /** The text counters whose name starts with {@code prefix}. */
    Map<String, String> text(String prefix) {
        Map<String, String> matching = new LinkedHashMap<>();
        text.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                matching.put(name, value);
            }
        });
        return matching;
    }

    /** A 64-bit counter, or {@code missing} when this JVM has none of that name. */
    long number(String name, long missing) {
        Long value = numbers.get(name);
        return value == null ? missing : value;
    }

    /** The sum of the 64-bit counters {@code prefix + i + suffix} for i = 0, 1, ... as long as they exist. */
    long sum(String prefix, String suffix) {
        long total = 0;
        for (int i = 0; numbers.containsKey(prefix + i + suffix); i++) {
            total += numbers.get(prefix + i + suffix);
        }
        return total;
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
