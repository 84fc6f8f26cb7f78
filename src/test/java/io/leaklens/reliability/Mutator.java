package io.leaklens.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages a good file the ways files get damaged: cut short (a full disk, a killed copy), bits flipped (a bad disk
 * or transfer), a run of bytes overwritten, two files spliced together, bytes inserted or removed. Deterministic for
 * a given seed, so that a failing case can be made again from its name.
 */
final class Mutator {

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** The file cut at {@code count} offsets spread over its whole length, the first bytes included. */
    List<FuzzCase> truncations(String name, FuzzCase.Reader reader, byte[] good, int count) {
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Half of the cuts in the first 200 bytes, where the headers are; the rest anywhere.
            int bound = i % 2 == 0 ? Math.min(200, good.length) : good.length;
            int length = random.nextInt(bound);
            cases.add(new FuzzCase(name + " cut at " + length, "truncated", reader, Arrays.copyOf(good, length)));
        }
        return cases;
    }

    /** One to eight bits flipped at random places; a quarter of the cases flip within the first 100 bytes. */
    List<FuzzCase> bitFlips(String name, FuzzCase.Reader reader, byte[] good, int count) {
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] copy = good.clone();
            int flips = 1 + random.nextInt(8);
            StringBuilder where = new StringBuilder();
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(i % 4 == 0 ? Math.min(100, copy.length) : copy.length);
                int bit = random.nextInt(8);
                copy[at] ^= (byte) (1 << bit);
                where.append(f == 0 ? "" : ",").append(at).append('.').append(bit);
            }
            cases.add(new FuzzCase(name + " bits flipped at " + where, "bit flips", reader, copy));
        }
        return cases;
    }

    /** A run of 1 to 64 random bytes written over the file at a random place. */
    List<FuzzCase> overwrites(String name, FuzzCase.Reader reader, byte[] good, int count) {
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] copy = good.clone();
            int length = 1 + random.nextInt(64);
            int at = random.nextInt(Math.max(1, copy.length - length));
            byte[] noise = new byte[Math.min(length, copy.length - at)];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, copy, at, noise.length);
            cases.add(new FuzzCase(name + " " + noise.length + " random bytes at " + at, "random bytes", reader,
                    copy));
        }
        return cases;
    }

    /** Wholly random content of random length, half of it behind the right signature. */
    List<FuzzCase> randomFiles(String name, FuzzCase.Reader reader, byte[] signature, int count) {
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[random.nextInt(i % 3 == 0 ? 100 : 100_000)];
            random.nextBytes(bytes);
            boolean signed = i % 2 == 0 && bytes.length >= signature.length;
            if (signed) {
                System.arraycopy(signature, 0, bytes, 0, signature.length);
            }
            cases.add(new FuzzCase(name + " random " + bytes.length + " bytes" + (signed ? " after the signature" : ""),
                    "random file", reader, bytes));
        }
        return cases;
    }

    /**
     * The head of one file joined to the tail of another (or of itself at another offset): a copy resumed at the
     * wrong place, or two recordings concatenated with a cut between them.
     */
    List<FuzzCase> splices(String name, FuzzCase.Reader reader, byte[] first, byte[] second, int count) {
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int head = random.nextInt(first.length + 1);
            int tail = random.nextInt(second.length + 1);
            byte[] joined = Arrays.copyOf(first, head + second.length - tail);
            System.arraycopy(second, tail, joined, head, second.length - tail);
            cases.add(new FuzzCase(name + " head " + head + " + tail from " + tail, "splice", reader, joined));
        }
        return cases;
    }

    /** Bytes inserted into or removed from the middle: everything after is shifted. */
    List<FuzzCase> shifts(String name, FuzzCase.Reader reader, byte[] good, int count) {
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(good.length);
            int length = 1 + random.nextInt(16);
            byte[] shifted;
            String what;
            if (i % 2 == 0) {
                shifted = new byte[good.length + length];
                System.arraycopy(good, 0, shifted, 0, at);
                byte[] noise = new byte[length];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, shifted, at, length);
                System.arraycopy(good, at, shifted, at + length, good.length - at);
                what = length + " bytes inserted at " + at;
            } else {
                int removed = Math.min(length, good.length - at);
                shifted = new byte[good.length - removed];
                System.arraycopy(good, 0, shifted, 0, at);
                System.arraycopy(good, at + removed, shifted, at, good.length - at - removed);
                what = removed + " bytes removed at " + at;
            }
            cases.add(new FuzzCase(name + " " + what, "shift", reader, shifted));
        }
        return cases;
    }

    /** Files of other kinds under the reader's name: what users open by mistake. */
    static List<FuzzCase> foreignFiles(FuzzCase.Reader reader, byte[] otherKind) {
        return List.of(
                new FuzzCase("empty", "foreign", reader, new byte[0]),
                new FuzzCase("the other reader's valid file", "foreign", reader, otherKind),
                new FuzzCase("a text file", "foreign", reader, "hello\nworld\n".getBytes(StandardCharsets.UTF_8)),
                new FuzzCase("JSON", "foreign", reader, "{\"snapshot\":{}}".getBytes(StandardCharsets.UTF_8)),
                new FuzzCase("zeros", "foreign", reader, new byte[4096]),
                new FuzzCase("a gzip file", "foreign", reader, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}),
                new FuzzCase("a zip file", "foreign", reader, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}),
                new FuzzCase("an HPROF heap dump", "foreign", reader,
                        "JAVA PROFILE 1.0.2\0\0\0\0\10".getBytes(StandardCharsets.ISO_8859_1)));
    }
}
