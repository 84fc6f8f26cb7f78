package io.leaklens.reliability;

import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HistogramEntry;
import io.leaklens.model.Snapshot;
import io.leaklens.store.SnapshotFile;
import io.leaklens.support.Snapshots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM for {@link KillWhileSavingTest}: saves a snapshot of {@code classes} histogram rows over the same
 * file again and again, each named {@code save-N}, and prints {@code saving N} before and {@code saved N} after
 * each save, so that the test knows which saves a kill may have cut short. Prints {@code ready} after the first.
 * <p>
 * Arguments: the file, the number of histogram rows (a bigger snapshot takes longer to save, so more kills land
 * inside a save).
 */
public final class SnapshotSaver {

    private SnapshotSaver() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int classes = Integer.parseInt(args[1]);
        Snapshot base = Snapshots.shop("base", 60);
        List<HistogramEntry> rows = new ArrayList<>(base.histogram().classes());
        for (int i = 0; i < classes; i++) {
            rows.add(new HistogramEntry("com.acme.generated.package" + i % 97 + ".Type" + i, 1 + i, 24L * (1 + i)));
        }
        Snapshot snapshot = new Snapshot(base.info(), base.heap(), new ClassHistogram(rows, rows.size(), 24L * rows.size(),
                Duration.ofMillis(50)), base.allocations(), base.oldObjects(), base.leaks());
        for (long n = 1; ; n++) {
            System.out.println("saving " + n);
            System.out.flush();
            SnapshotFile.write(snapshot.withInfo(name(n), ""), file);
            System.out.println("saved " + n);
            if (n == 1) {
                System.out.println("ready");
            }
            System.out.flush();
        }
    }

    /** The name of the n-th save: what the test reads back to tell which save the file holds. */
    static String name(long n) {
        return "save-" + n;
    }
}
