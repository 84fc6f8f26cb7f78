package io.leaklens.ui;

import java.util.UUID;
import java.util.prefs.Preferences;

/** Settings in a node of their own, so that tests never touch the user's real preferences. */
final class TestSettings {

    private TestSettings() {
    }

    static UserSettings fresh() {
        return new UserSettings(Preferences.userRoot().node("io/leaklens-tests/" + UUID.randomUUID()));
    }

    static void removeAll() throws Exception {
        if (Preferences.userRoot().nodeExists("io/leaklens-tests")) {
            Preferences.userRoot().node("io/leaklens-tests").removeNode();
        }
    }
}
