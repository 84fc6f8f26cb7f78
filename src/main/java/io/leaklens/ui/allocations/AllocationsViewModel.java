package io.leaklens.ui.allocations;

import io.leaklens.model.ByteSize;
import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ClassAllocation;
import io.leaklens.model.SessionState;
import io.leaklens.model.SiteAllocation;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Who allocates: the top classes and sites by bytes per second over the last minute or the session, filtered by
 * name or package, optionally without the JDK's own classes, and the stack of the selected site.
 */
public final class AllocationsViewModel {

    private final ObservableList<AllocationRow> classes = FXCollections.observableArrayList();
    private final ObservableList<AllocationRow> sites = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty hideJdk = new SimpleBooleanProperty(this, "hideJdk", false);
    private final ObjectProperty<AllocationPeriod> period = new SimpleObjectProperty<>(this, "period",
            AllocationPeriod.LAST_MINUTE);
    private final ObjectProperty<AllocationRow> selectedSite = new SimpleObjectProperty<>(this, "selectedSite");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final InvalidationListener refresh = this::refresh;
    private AllocationProfile profile = AllocationProfile.EMPTY;
    private String jfrStatus = "";

    /** The sample rates offered: JFR's default profile takes 300/s; 150/s is LeakLens's lighter default. */
    public static final List<String> THROTTLES = List.of("50/s", "150/s", "300/s", "1000/s");

    private final ObjectProperty<String> throttle = new SimpleObjectProperty<>(this, "throttle", "150/s");
    private final javafx.beans.property.ReadOnlyBooleanWrapper canChangeThrottle =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "canChangeThrottle");
    private final java.util.function.Consumer<String> changeThrottle;
    private final javafx.beans.value.ChangeListener<String> throttleListener;

    public AllocationsViewModel(SessionState initial) {
        this(initial, null);
    }

    /** @param changeThrottle asks the live target for another sample rate; null when there is none */
    public AllocationsViewModel(SessionState initial, java.util.function.Consumer<String> changeThrottle) {
        this.changeThrottle = changeThrottle;
        this.throttleListener = (obs, old, rate) -> {
            if (changeThrottle != null && rate != null && !rate.equals(old)) {
                changeThrottle.accept(rate);
            }
        };
        throttle.addListener(throttleListener);
        filter.addListener(refresh);
        hideJdk.addListener(refresh);
        period.addListener(refresh);
        update(initial);
    }

    public void update(SessionState state) {
        canChangeThrottle.set(changeThrottle != null && state.connected());
        this.profile = state.allocations();
        this.jfrStatus = state.jfrStatus();
        refresh(null);
    }

    private void refresh(Observable ignored) {
        boolean recent = period.get() == AllocationPeriod.LAST_MINUTE;
        Predicate<String> shown = io.leaklens.model.ClassNames.filter(filter.get(), hideJdk.get());
        double classTotal = profile.classes().stream()
                .mapToDouble(c -> recent ? c.recentBytesPerSecond() : c.bytesPerSecond()).sum();
        List<AllocationRow> classRows = profile.classes().stream()
                .filter(c -> shown.test(c.className()))
                .map(c -> row(c, recent, classTotal))
                .sorted(Comparator.comparingDouble(AllocationRow::bytesPerSecond).reversed())
                .toList();
        double siteTotal = profile.sites().stream()
                .mapToDouble(s -> recent ? s.recentBytesPerSecond() : s.bytesPerSecond()).sum();
        List<AllocationRow> siteRows = profile.sites().stream()
                .filter(s -> shown.test(s.site().className()) || shown.test(s.topClass()))
                .map(s -> row(s, recent, siteTotal))
                .sorted(Comparator.comparingDouble(AllocationRow::bytesPerSecond).reversed())
                .toList();
        AllocationRow selected = selectedSite.get();
        classes.setAll(classRows);
        sites.setAll(siteRows);
        if (selected != null) {
            // Keep the selection on the same site across updates: rows are new objects each time.
            selectedSite.set(siteRows.stream().filter(r -> r.name().equals(selected.name())).findFirst().orElse(null));
        }
        String monitoring = profile.describeMonitoring();
        summary.set(profile.samples() == 0 ? "" : String.format(Locale.ROOT,
                "%,d samples standing for %s over %d s · %s/s on average%s", profile.samples(),
                ByteSize.format(profile.totalBytes()), profile.span().toSeconds(),
                ByteSize.format(profile.bytesPerSecond()), monitoring.isEmpty() ? "" : " · not shown: " + monitoring));
        emptyText.set(profile.samples() > 0 ? "No class matches the filter."
                : !monitoring.isEmpty() ? "The application has allocated nothing sampled yet; not shown: " + monitoring
                + ", LeakLens's own work in the target among it."
                : jfrStatus.isEmpty() ? "Waiting for the first allocation samples (they arrive every second or two) …"
                : jfrStatus);
    }

    private static AllocationRow row(ClassAllocation c, boolean recent, double total) {
        double rate = recent ? c.recentBytesPerSecond() : c.bytesPerSecond();
        return new AllocationRow(c.className(), "", rate, total > 0 ? rate / total : 0, c.bytes(), c.recentRates(),
                List.of());
    }

    private static AllocationRow row(SiteAllocation s, boolean recent, double total) {
        double rate = recent ? s.recentBytesPerSecond() : s.bytesPerSecond();
        return new AllocationRow(s.site().toString(), s.topClass(), rate, total > 0 ? rate / total : 0, s.bytes(),
                s.recentRates(), s.stack());
    }

    public ObservableList<AllocationRow> classes() {
        return classes;
    }

    public ObservableList<AllocationRow> sites() {
        return sites;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty hideJdkProperty() {
        return hideJdk;
    }

    public ObjectProperty<AllocationPeriod> periodProperty() {
        return period;
    }

    public ObjectProperty<AllocationRow> selectedSiteProperty() {
        return selectedSite;
    }

    /** A line on how much the figures stand on. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What an empty table says. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The allocation sample rate; setting it asks the target (a live session only). */
    public ObjectProperty<String> throttleProperty() {
        return throttle;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty canChangeThrottleProperty() {
        return canChangeThrottle.getReadOnlyProperty();
    }

    public void dispose() {
        throttle.removeListener(throttleListener);
        filter.removeListener(refresh);
        hideJdk.removeListener(refresh);
        period.removeListener(refresh);
    }
}
