package io.leaklens.ui.jvms;

import io.leaklens.model.JvmInfo;
import io.leaklens.session.LiveSession;
import io.leaklens.session.SessionException;
import io.leaklens.ui.UiExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker's logic without a toolkit: listing, filtering, selection across refreshes, connect outcomes. */
class JvmPickerViewModelTest {

    private static final JvmInfo SHOP = new JvmInfo(101, "com.acme.Shop", "com.acme.Shop --port 8080", true);
    private static final JvmInfo BATCH = new JvmInfo(202, "batch.jar", "/opt/batch.jar", true);
    private static final JvmInfo LOCKED = new JvmInfo(303, "com.acme.Locked", "com.acme.Locked", false);

    private final List<JvmInfo> running = new ArrayList<>(List.of(SHOP, BATCH, LOCKED));
    private final List<LiveSession> connected = new ArrayList<>();

    private JvmPickerViewModel picker(JvmPickerViewModel.Connector connector) {
        return new JvmPickerViewModel(() -> List.copyOf(running), connector,
                () -> { throw new SessionException("could not start the demo: no java"); },
                connected::add, UiExecutor.direct());
    }

    @Test
    void listsNothingUntilTheFirstRefreshAndThenEverything() {
        JvmPickerViewModel model = picker(pid -> null);
        assertThat(model.listedProperty().get()).isFalse();
        assertThat(model.jvms()).isEmpty();

        model.refresh();

        assertThat(model.listedProperty().get()).isTrue();
        assertThat(model.jvms()).containsExactly(SHOP, BATCH, LOCKED);
    }

    @Test
    void filtersByNamePidOrCommandIgnoringCase() {
        JvmPickerViewModel model = picker(pid -> null);
        model.refresh();

        model.filterProperty().set("SHOP");
        assertThat(model.jvms()).containsExactly(SHOP);
        model.filterProperty().set("202");
        assertThat(model.jvms()).containsExactly(BATCH);
        model.filterProperty().set("--port");
        assertThat(model.jvms()).containsExactly(SHOP);
        model.filterProperty().set("  ");
        assertThat(model.jvms()).hasSize(3);
    }

    @Test
    void refreshKeepsTheListInTheListersOrderAndDropsExitedJvms() {
        JvmPickerViewModel model = picker(pid -> null);
        model.refresh();
        JvmInfo newcomer = new JvmInfo(404, "aaa.First", "aaa.First", true);
        running.remove(BATCH);
        running.addFirst(newcomer);

        model.refresh();

        assertThat(model.jvms()).containsExactly(newcomer, SHOP, LOCKED);
    }

    @Test
    void connectIsPossibleOnlyForAnAttachableSelection() {
        JvmPickerViewModel model = picker(pid -> null);
        model.refresh();
        assertThat(model.canConnectProperty().get()).isFalse();

        model.selectedProperty().set(LOCKED);
        assertThat(model.canConnectProperty().get()).isFalse();
        model.connect();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("-XX:+DisableAttachMechanism");

        model.selectedProperty().set(SHOP);
        assertThat(model.canConnectProperty().get()).isTrue();
    }

    @Test
    void aFailedConnectShowsTheSentenceAndLeavesThePickerUsable() {
        JvmPickerViewModel model = picker(pid -> {
            throw new SessionException("no process with pid " + pid);
        });
        model.refresh();
        model.selectedProperty().set(SHOP);

        model.connect();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("No process with pid 101.");
        assertThat(connected).isEmpty();
        assertThat(model.canConnectProperty().get()).isTrue();
    }

    @Test
    void aFailedDemoStartSaysWhy() {
        JvmPickerViewModel model = picker(pid -> null);

        model.launchDemo();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Could not start the demo: no java.");
    }

    @Test
    void aRecordingThatCannotBeReadSaysWhyInOneSentence() {
        JvmPickerViewModel model = picker(pid -> null);
        List<io.leaklens.model.SessionState> opened = new ArrayList<>();
        model.onRecordingOpened(opened::add);

        model.openRecording(java.nio.file.Path.of("/nonexistent/recording.jfr"));

        assertThat(opened).isEmpty();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("/nonexistent/recording.jfr").doesNotContain("Exception");
    }

    @Test
    void aSnapshotFileThatCannotBeReadSaysWhyInOneSentence() throws Exception {
        JvmPickerViewModel model = picker(pid -> null);
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("bad", ".llsnap");
        List<io.leaklens.model.Snapshot> opened = new ArrayList<>();
        model.onSnapshotOpened((snapshot, file) -> opened.add(snapshot));

        model.openRecording(bad);

        assertThat(opened).isEmpty();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo(bad + " is empty, not a snapshot.");
        java.nio.file.Files.delete(bad);
    }

    @Test
    void aConnectionCancelledWhileAttachingFreesThePickerAndIsThrownAwayWhenItComes() throws Exception {
        java.util.concurrent.CountDownLatch attaching = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch attached = new java.util.concurrent.CountDownLatch(1);
        UiExecutor pool = UiExecutor.withPool(Runnable::run);
        JvmPickerViewModel model = new JvmPickerViewModel(() -> List.copyOf(running), pid -> {
            try {
                attaching.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            attached.countDown();
            return null;
        }, () -> { throw new SessionException("no demo"); }, connected::add, pool);
        model.refresh();
        Thread.sleep(200);
        model.selectedProperty().set(SHOP);

        model.connect();
        assertThat(model.busyProperty().get()).isTrue();
        model.cancel();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Cancelled.");
        attaching.countDown();
        attached.await();
        // The cancelled connection's result comes after it was cancelled: it must stay thrown away.
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(300))
                .atMost(java.time.Duration.ofSeconds(2)).until(connected::isEmpty);
        assertThat(model.messageProperty().get()).isEqualTo("Cancelled.");
        pool.close();
    }

    @Test
    void jvmsWatchedBeforeAreListedFirst() {
        JvmPickerViewModel model = picker(pid -> null);
        model.refresh();

        model.setRecentTargets(List.of("batch.jar"));

        assertThat(model.jvms()).first().isEqualTo(BATCH);
        assertThat(model.isRecent(BATCH)).isTrue();
        assertThat(model.isRecent(SHOP)).isFalse();
    }
}
