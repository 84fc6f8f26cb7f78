package io.leaklens.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What LeakLens remembers between runs, in the user's preferences (on Linux under {@code ~/.java/.userPrefs}),
 * never in a project folder: the theme, the window's size, and the recent files and targets.
 */
public final class UserSettings {

    private static final System.Logger LOG = System.getLogger(UserSettings.class.getName());

    static final int RECENT = 8;
    private static final String THEME = "theme";
    private static final String RECENT_FILES = "recentFiles";
    private static final String RECENT_TARGETS = "recentTargets";
    private static final String WIDTH = "windowWidth";
    private static final String HEIGHT = "windowHeight";
    private static final String MAXIMIZED = "windowMaximized";
    private static final String DIVIDER = "pickerDivider";

    private final Preferences node;

    UserSettings(Preferences node) {
        this.node = node;
    }

    /** The current user's settings. */
    public static UserSettings forUser() {
        return new UserSettings(Preferences.userRoot().node("io/leaklens"));
    }

    public Theme theme() {
        return Theme.named(node.get(THEME, Theme.LIGHT.name()));
    }

    public void setTheme(Theme theme) {
        node.put(THEME, theme.name());
        flush();
    }

    /** Files opened or saved lately, the latest first. */
    public List<Path> recentFiles() {
        return list(RECENT_FILES).stream().map(Path::of).toList();
    }

    public void addRecentFile(Path file) {
        push(RECENT_FILES, file.toAbsolutePath().normalize().toString());
    }

    public void removeRecentFile(Path file) {
        List<String> items = new ArrayList<>(list(RECENT_FILES));
        items.remove(file.toAbsolutePath().normalize().toString());
        store(RECENT_FILES, items);
    }

    /** The display names of JVMs watched lately (a pid changes from run to run; the main class does not). */
    public List<String> recentTargets() {
        return list(RECENT_TARGETS);
    }

    public void addRecentTarget(String displayName) {
        push(RECENT_TARGETS, displayName);
    }

    public double windowWidth(double otherwise) {
        return node.getDouble(WIDTH, otherwise);
    }

    public double windowHeight(double otherwise) {
        return node.getDouble(HEIGHT, otherwise);
    }

    public boolean windowMaximized() {
        return node.getBoolean(MAXIMIZED, false);
    }

    /** Where the divider between the JVM picker and the sessions was, as a share of the window's width. */
    public double pickerDivider(double otherwise) {
        double value = node.getDouble(DIVIDER, otherwise);
        return value > 0.05 && value < 0.8 ? value : otherwise;
    }

    public void setPickerDivider(double position) {
        node.putDouble(DIVIDER, position);
        flush();
    }

    public void setWindow(double width, double height, boolean maximized) {
        if (!maximized) {
            node.putDouble(WIDTH, width);
            node.putDouble(HEIGHT, height);
        }
        node.putBoolean(MAXIMIZED, maximized);
        flush();
    }

    /** A list is kept as {@code key.0}, {@code key.1}, ...: no separator can clash with a path. */
    private List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String item = node.get(key + "." + i, null);
            if (item != null && !item.isEmpty()) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    private void push(String key, String item) {
        if (item.isEmpty() || item.length() > Preferences.MAX_VALUE_LENGTH || item.indexOf('\0') >= 0) {
            return; // not worth remembering, and Preferences would refuse it
        }
        List<String> items = new ArrayList<>(list(key));
        items.remove(item);
        items.addFirst(item);
        store(key, items);
    }

    private void store(String key, List<String> items) {
        for (int i = 0; i < RECENT; i++) {
            if (i < items.size()) {
                node.put(key + "." + i, items.get(i));
            } else {
                node.remove(key + "." + i);
            }
        }
        flush();
    }

    /** Writes now, so that a crash does not lose the change; settings are a nicety, so failing to is not an error. */
    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // A read-only home or a removed node: the settings last for this run only.
            LOG.log(System.Logger.Level.DEBUG, "could not save the settings", e);
        }
    }
}
