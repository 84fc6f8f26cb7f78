package io.leaklens.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What LeakLens remembers between runs, in a preferences node of the test's own. */
class UserSettingsTest {

    private final UserSettings settings = TestSettings.fresh();

    @AfterAll
    static void cleanUp() throws Exception {
        TestSettings.removeAll();
    }

    @Test
    void recentFilesKeepTheLatestFirstWithoutDuplicatesAndAtMostEight() {
        IntStream.range(0, 10).forEach(i -> settings.addRecentFile(Path.of("/tmp/s" + i + ".llsnap")));
        settings.addRecentFile(Path.of("/tmp/s5.llsnap"));

        assertThat(settings.recentFiles()).hasSize(UserSettings.RECENT)
                .startsWith(Path.of("/tmp/s5.llsnap"), Path.of("/tmp/s9.llsnap"))
                .doesNotContain(Path.of("/tmp/s0.llsnap")).doesNotHaveDuplicates();

        settings.removeRecentFile(Path.of("/tmp/s5.llsnap"));
        assertThat(settings.recentFiles()).hasSize(UserSettings.RECENT - 1).first()
                .isEqualTo(Path.of("/tmp/s9.llsnap"));
    }

    @Test
    void pathsWithOddCharactersComeBackAsTheyWere() {
        Path odd = Path.of("/tmp/a|b,c;d \"e\".llsnap");
        settings.addRecentFile(odd);
        assertThat(settings.recentFiles()).containsExactly(odd);
    }

    @Test
    void theThemeAndTheWindowAreRemembered() {
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        settings.setTheme(Theme.DARK);
        settings.setWindow(1200, 700, false);
        settings.setWindow(1900, 1000, true);

        assertThat(settings.theme()).isEqualTo(Theme.DARK);
        assertThat(settings.windowWidth(0)).isEqualTo(1200);
        assertThat(settings.windowHeight(0)).isEqualTo(700);
        assertThat(settings.windowMaximized()).isTrue();
        assertThat(settings.pickerDivider(0.24)).isEqualTo(0.24);
        settings.setPickerDivider(0.31);
        assertThat(settings.pickerDivider(0.24)).isEqualTo(0.31);
    }

    @Test
    void recentTargetsAreDisplayNames() {
        settings.addRecentTarget("com.acme.Shop");
        settings.addRecentTarget("batch.jar");
        settings.addRecentTarget("com.acme.Shop");
        assertThat(settings.recentTargets()).containsExactly("com.acme.Shop", "batch.jar");
    }
}
