package io.leaklens.reliability;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damage to a JFR chunk header (the 68 bytes {@code jdk.jfr.internal.consumer.ChunkHeader} reads): a newer or
 * older version, sizes and offsets pointing before, into or past the chunk, the "still being written" state. Random
 * bit flips rarely land there, yet the header decides how the rest is read.
 */
final class JfrHeaderMutator {

    /** Offsets of the header's fields: version, chunk size, constant pool, metadata, start, duration, ticks, state. */
    private static final int[] LONG_FIELDS = {8, 16, 24, 32, 40, 48, 56};
    private static final int VERSION = 4;
    private static final int FILE_STATE = 64;

    private final Random random;

    JfrHeaderMutator(long seed) {
        this.random = new Random(seed);
    }

    List<FuzzCase> headers(String name, byte[] good, int count) {
        List<FuzzCase> cases = new ArrayList<>();
        cases.add(version(name, good, 3, 0));
        cases.add(version(name, good, 0, 9));
        cases.add(version(name, good, 2, 99));
        for (int i = 0; i < count; i++) {
            byte[] copy = good.clone();
            ByteBuffer header = ByteBuffer.wrap(copy);
            String what;
            if (i % 8 == 7) {
                copy[FILE_STATE] = (byte) (1 + random.nextInt(255));
                what = "file state " + copy[FILE_STATE];
            } else {
                int field = LONG_FIELDS[random.nextInt(LONG_FIELDS.length)];
                long value = strangeValue(good.length);
                header.putLong(field, value);
                what = "header long at " + field + " = " + value;
            }
            cases.add(new FuzzCase(name + " " + what, "header", FuzzCase.Reader.JFR, copy));
        }
        return cases;
    }

    private long strangeValue(int fileSize) {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> -1 - random.nextInt(1000);
            case 2 -> random.nextInt(68);
            case 3 -> random.nextInt(fileSize);
            case 4 -> fileSize + 1 + random.nextInt(1000);
            default -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
        };
    }

    private static FuzzCase version(String name, byte[] good, int major, int minor) {
        byte[] copy = good.clone();
        ByteBuffer.wrap(copy).putShort(VERSION, (short) major).putShort(VERSION + 2, (short) minor);
        return new FuzzCase(name + " version " + major + "." + minor, "newer format", FuzzCase.Reader.JFR, copy);
    }
}
