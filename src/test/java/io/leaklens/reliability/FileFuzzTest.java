package io.leaklens.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred damaged snapshots and recordings, each answered by the command line within 2 s with a report or
 * one sentence. {@code scripts/reliability.sh} runs the same with more than 1,000 files ({@link FuzzMain}).
 */
class FileFuzzTest {

    @TempDir
    Path dir;

    @Test
    void damagedFilesAreReadOrRefusedInOneSentenceWithinTwoSeconds() throws Exception {
        FuzzCorpus.Seeds seeds = FuzzCorpus.Seeds.make(dir);
        List<FuzzCase> cases = FuzzCorpus.of(seeds, 16, 20261101L);
        FileFuzzer fuzzer = new FileFuzzer(dir, seeds.goodSnapshot());
        fuzzer.answer(new FuzzCase("the recording as it is", "warm-up", FuzzCase.Reader.JFR, seeds.recording()));

        FuzzReport report = fuzzer.run(cases);

        assertThat(report.cases()).isGreaterThanOrEqualTo(200);
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.count(FuzzReport.Outcome.REFUSED)).as(report.summary())
                .isGreaterThan(report.cases() / 2);
    }
}
