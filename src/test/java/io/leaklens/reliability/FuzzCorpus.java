package io.leaklens.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The damaged files of a fuzz run, made from the seeds: for each reader every kind of damage, {@code perKind}
 * cases of each random kind (a fixed list for foreign files and format versions). The same seed and size give the
 * same files.
 */
final class FuzzCorpus {

    private FuzzCorpus() {
    }

    /** The seeds written to {@code dir}: the good snapshot that damaged ones are compared with is among them. */
    record Seeds(Path goodSnapshot, byte[] shop, byte[] big, byte[] recording) {

        static Seeds make(Path dir) throws IOException {
            byte[] shop = SeedFiles.shopSnapshot(dir);
            return new Seeds(dir.resolve("seed-shop.llsnap"), shop, SeedFiles.bigSnapshot(dir),
                    SeedFiles.recording(dir));
        }
    }

    static List<FuzzCase> of(Seeds seeds, int perKind, long seed) {
        List<FuzzCase> cases = new ArrayList<>();
        cases.addAll(snapshotCases(seeds, perKind, seed));
        cases.addAll(recordingCases(seeds, perKind, seed));
        return cases;
    }

    static List<FuzzCase> snapshotCases(Seeds seeds, int perKind, long seed) {
        FuzzCase.Reader snapshot = FuzzCase.Reader.SNAPSHOT;
        Mutator mutator = new Mutator(seed);
        SnapshotMutator content = new SnapshotMutator(seed);
        List<FuzzCase> cases = new ArrayList<>();
        cases.addAll(Mutator.foreignFiles(snapshot, seeds.recording()));
        cases.addAll(SnapshotMutator.versions(seeds.shop()));
        for (byte[] good : List.of(seeds.shop(), seeds.big())) {
            String name = good == seeds.shop() ? "shop" : "big";
            int share = good == seeds.shop() ? perKind - perKind / 3 : perKind / 3;
            cases.addAll(mutator.truncations(name, snapshot, good, share));
            cases.addAll(mutator.bitFlips(name, snapshot, good, share));
            cases.addAll(mutator.overwrites(name, snapshot, good, share));
            cases.addAll(mutator.shifts(name, snapshot, good, share));
            cases.addAll(content.editedContent(name, good, 2 * share));
        }
        cases.addAll(mutator.splices("shop+big", snapshot, seeds.shop(), seeds.big(), perKind));
        cases.addAll(mutator.randomFiles("snapshot", snapshot, signature(seeds.shop(), 12), perKind / 2));
        return cases;
    }

    static List<FuzzCase> recordingCases(Seeds seeds, int perKind, long seed) {
        FuzzCase.Reader jfr = FuzzCase.Reader.JFR;
        byte[] good = seeds.recording();
        Mutator mutator = new Mutator(seed + 1);
        List<FuzzCase> cases = new ArrayList<>();
        cases.addAll(Mutator.foreignFiles(jfr, seeds.shop()));
        cases.addAll(new JfrHeaderMutator(seed).headers("recording", good, perKind));
        cases.addAll(mutator.truncations("recording", jfr, good, perKind));
        cases.addAll(mutator.bitFlips("recording", jfr, good, perKind));
        cases.addAll(mutator.overwrites("recording", jfr, good, perKind));
        cases.addAll(mutator.shifts("recording", jfr, good, perKind / 2));
        byte[] twice = concat(good, good);
        cases.addAll(mutator.splices("recording+recording", jfr, twice, good, perKind / 2));
        cases.addAll(mutator.randomFiles("recording", jfr, "FLR\0\0\2\0\1".getBytes(StandardCharsets.ISO_8859_1),
                perKind / 2));
        return cases;
    }

    private static byte[] signature(byte[] file, int length) {
        return Arrays.copyOf(file, length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
