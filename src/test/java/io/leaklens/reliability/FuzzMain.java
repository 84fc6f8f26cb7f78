package io.leaklens.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The long fuzz run of {@code scripts/reliability.sh}: {@code FuzzMain [perKind=60] [seed]} damages the seeds in
 * every way {@link FuzzCorpus} knows ({@code perKind=60} makes about 1,300 files), prints the figures and every
 * failure, and exits with 1 if any answer was a crash, unclear, slow or missing.
 */
public final class FuzzMain {

    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        Path dir = Files.createTempDirectory("leaklens-fuzz");
        FuzzCorpus.Seeds seeds = FuzzCorpus.Seeds.make(dir);
        List<FuzzCase> cases = FuzzCorpus.of(seeds, perKind, seed);
        System.out.println("fuzz: " + cases.size() + " damaged files from seed " + seed + " (snapshot "
                + seeds.shop().length + " and " + seeds.big().length + " bytes, recording " + seeds.recording().length
                + " bytes)");
        FileFuzzer fuzzer = new FileFuzzer(dir, seeds.goodSnapshot());
        fuzzer.answer(new FuzzCase("the recording as it is", "warm-up", FuzzCase.Reader.JFR, seeds.recording()));
        FuzzReport report = fuzzer.run(cases);
        System.out.print(report.summary());
        try (var files = Files.list(dir)) {
            files.forEach(file -> file.toFile().delete());
        }
        Files.deleteIfExists(dir);
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }
}
