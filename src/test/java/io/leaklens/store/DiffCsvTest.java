package io.leaklens.store;

import io.leaklens.analysis.SnapshotDiffer;
import io.leaklens.model.ClassDelta;
import io.leaklens.model.SnapshotDiff;
import io.leaklens.model.SnapshotInfo;
import io.leaklens.support.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCsvTest {

    @TempDir
    Path dir;

    private final SnapshotDiff shop = new SnapshotDiffer().compare(Snapshots.shop("before", 60),
            Snapshots.shop("after", 120));

    @Test
    void startsWithTheHeaderAndHasOneRowPerClassInOrder() {
        List<String> lines = lines(DiffCsv.toCsv(shop));

        assertThat(lines.getFirst()).isEqualTo("class,instances_before,instances_after,instances_delta,"
                + "bytes_before,bytes_after,bytes_delta,growth_percent,status");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactlyElementsOf(shop.classes().stream().map(ClassDelta::className).toList());
    }

    @Test
    void theLeakingClassDoubled() {
        // 1,000 entries of 40 bytes a second: 60,000 at one minute, 120,000 at two.
        assertThat(lines(DiffCsv.toCsv(shop)))
                .contains("com.acme.OrderLog$Entry,60000,120000,60000,2400000,4800000,2400000,100.00,grown");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        String csv = DiffCsv.toCsv(diff(new ClassDelta("Weird,\"Name\"", 1, 2, 10, 20),
                new ClassDelta("two\nlines", 1, 1, 10, 10)));

        assertThat(csv).contains("\r\n\"Weird,\"\"Name\"\"\",1,2,1,10,20,10,100.00,grown\r\n")
                .contains("\r\n\"two\nlines\",1,1,0,10,10,0,0.00,same\r\n");
    }

    @Test
    void classNamesThatLookLikeFormulasAreDefused() {
        String csv = DiffCsv.toCsv(diff(new ClassDelta("=HYPERLINK(\"http://evil\",\"x\")", 1, 1, 8, 8),
                new ClassDelta("+cmd", 1, 1, 8, 8), new ClassDelta("-cmd", 1, 1, 8, 8),
                new ClassDelta("@SUM(A1)", 1, 1, 8, 8), new ClassDelta("com.acme.Shrinking", 5, 2, 100, 40)));

        assertThat(lines(csv)).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",1,1,0,8,8,0,0.00,same",
                "'+cmd,1,1,0,8,8,0,0.00,same", "'-cmd,1,1,0,8,8,0,0.00,same", "'@SUM(A1),1,1,0,8,8,0,0.00,same",
                // Negative numbers are numbers: no apostrophe in front of them.
                "com.acme.Shrinking,5,2,-3,100,40,-60,-60.00,shrunk");
    }

    @Test
    void statusSaysNewGoneGrownShrunkOrSame() {
        String csv = DiffCsv.toCsv(diff(new ClassDelta("A", 0, 3, 0, 48), new ClassDelta("B", 3, 0, 48, 0),
                new ClassDelta("C", 3, 4, 48, 64), new ClassDelta("D", 4, 3, 64, 48),
                new ClassDelta("E", 4, 4, 64, 64)));

        assertThat(lines(csv)).containsExactly(DiffCsv.HEADER,
                "A,0,3,3,0,48,48,,new", // no growth in percent from nothing
                "B,3,0,-3,48,0,-48,-100.00,gone",
                "C,3,4,1,48,64,16,33.33,grown",
                "D,4,3,-1,64,48,-16,-25.00,shrunk",
                "E,4,4,0,64,64,0,0.00,same");
    }

    @Test
    void everyLineEndsInCrLf() {
        String csv = DiffCsv.toCsv(shop);

        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        assertThat(csv.split("\r\n", -1)).hasSize(shop.classes().size() + 2); // header, rows, "" after the last
    }

    @Test
    void writesUtf8ToTheFile() throws IOException {
        SnapshotDiff diff = diff(new ClassDelta("com.acme.Grüße", 1, 2, 10, 20));
        Path file = dir.resolve("diff.csv");

        DiffCsv.write(diff, file);

        assertThat(Files.readAllBytes(file)).isEqualTo(DiffCsv.toCsv(diff).getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("com.acme.Grüße,1,2,");
    }

    private static List<String> lines(String csv) {
        return List.of(csv.split("\r\n"));
    }

    private static SnapshotDiff diff(ClassDelta... classes) {
        SnapshotInfo before = new SnapshotInfo("before", "", Snapshots.T0, Snapshots.TARGET);
        SnapshotInfo after = new SnapshotInfo("after", "", Snapshots.T0.plusSeconds(60), Snapshots.TARGET);
        return new SnapshotDiff(before, after, List.of(classes), List.of(), List.of(), List.of(), List.of());
    }
}
