package io.leaklens.ui.heapdump;

import io.leaklens.model.ByteSize;
import io.leaklens.model.DominatedObjects;
import io.leaklens.model.ClassNames;
import io.leaklens.model.DominatorEntry;
import io.leaklens.model.HeapDumpReport;
import io.leaklens.model.HeapDumpSummary;
import io.leaklens.model.LeakSuspect;
import io.leaklens.model.ObjectPath;
import io.leaklens.model.PathStep;
import io.leaklens.model.RetainedClass;
import io.leaklens.session.OpenedHeapDump;
import io.leaklens.ui.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A heap dump opened in the app: what it holds, where instances pile up and what holds them, the classes and the
 * objects that keep most of the heap alive. Classes can be filtered by name and JDK classes hidden, as the
 * allocations are. Immutable once made, but for the filter and the selection.
 */
public final class HeapDumpViewModel {

    /** Objects shown at each level of the dominator tree; the rest are summed in one row. */
    public static final int TREE_CHILDREN = 50;

    private final OpenedHeapDump dump;
    private final HeapDumpReport report;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ObservableList<LeakSuspect> suspects;
    private final ObjectProperty<LeakSuspect> selectedSuspect = new SimpleObjectProperty<>(this, "selectedSuspect");
    private final ReadOnlyStringWrapper suspectDetails = new ReadOnlyStringWrapper(this, "suspectDetails");
    private final FilteredList<RetainedClass> classes;
    private final ObservableList<DominatorEntry> dominators;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty hideJdk = new SimpleBooleanProperty(this, "hideJdk", false);
    private final ObjectProperty<DominatorEntry> selectedObject = new SimpleObjectProperty<>(this, "selectedObject");
    private final ReadOnlyObjectWrapper<ObjectPath> selectedPath = new ReadOnlyObjectWrapper<>(this, "selectedPath");
    private final ReadOnlyStringWrapper pathSummary = new ReadOnlyStringWrapper(this, "pathSummary",
            "Select an object to see what holds it.");

    private final DumpComparisonViewModel comparison;
    private final UiExecutor executor;
    private final ObjectProperty<RetainedClass> selectedClass = new SimpleObjectProperty<>(this, "selectedClass");
    private final ReadOnlyStringWrapper classDetails = new ReadOnlyStringWrapper(this, "classDetails",
            "Select a class to see where its instances are kept alive, and by what.");

    public HeapDumpViewModel(OpenedHeapDump dump, UiExecutor executor) {
        this.dump = dump;
        this.executor = executor;
        this.comparison = new DumpComparisonViewModel(dump, executor);
        this.report = dump.report();
        summary.set(summaryOf(report));
        suspects = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(report.suspects()));
        classes = new FilteredList<>(FXCollections.observableArrayList(report.topClasses()));
        dominators = FXCollections.unmodifiableObservableList(
                FXCollections.observableArrayList(report.topDominators()));
        filter.addListener((obs, old, text) -> refilter());
        hideJdk.addListener((obs, old, hide) -> refilter());
        selectedSuspect.addListener((obs, old, suspect) -> suspectDetails.set(describe(suspect)));
        selectedSuspect.set(report.suspects().isEmpty() ? null : report.suspects().getFirst());
        suspectDetails.set(describe(selectedSuspect.get()));
        selectedObject.addListener((obs, old, object) -> showPathTo(object));
        selectedClass.addListener((obs, old, type) -> findInstancesOf(type));
    }

    /**
     * The objects {@code parent} keeps alive directly, at most {@value #TREE_CHILDREN}, biggest first; null for the
     * top of the tree (the objects only GC roots keep alive). From the index in memory: milliseconds.
     */
    public DominatedObjects dominated(DominatorEntry parent) {
        return dump.dominated(parent == null ? null : parent.objectId(), TREE_CHILDREN);
    }

    /** The row that stands for the objects a level leaves out, or null when it shows them all. */
    public static DominatorEntry restOf(DominatedObjects level, long heapBytes) {
        if (level.rest() == 0) {
            return null;
        }
        return new DominatorEntry(null, String.format(Locale.ROOT, "… %,d more objects", level.rest()), 0,
                level.restRetained(), heapBytes == 0 ? 0 : (double) level.restRetained() / heapBytes);
    }

    /** The reachable heap, for the shares of rows made here. */
    public long heapBytes() {
        return report.summary().reachableBytes();
    }

    private void showPathTo(DominatorEntry object) {
        if (object == null || object.objectId() == null) {
            selectedPath.set(null);
            pathSummary.set("Select an object to see what holds it.");
            return;
        }
        ObjectPath path = dump.pathTo(object.objectId());
        selectedPath.set(path);
        pathSummary.set(!path.reached() ? object.className() + " " + object.objectId()
                + ": no strong path from a GC root reaches it (only weak, soft or finalizer references do)."
                : String.format(Locale.ROOT, "%s %s keeps %s alive (%s of the heap). Held by %s, in %d hops:",
                object.className(), object.objectId(), ByteSize.format(object.retainedBytes()),
                share(object.heapShare()), path.rootDescription(), path.steps().size()));
    }

    /** A share of the heap as people say it: "12.5 %", or "under 0.1 %" rather than a misleading "0.0 %". */
    public static String share(double share) {
        return share > 0 && share < 0.0005 ? "under 0.1 %" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /**
     * Where the selected class's instances are kept alive: found in the background (a pass over the whole dominator
     * tree, about a second on a few hundred MB); an answer for a class no longer selected is dropped.
     */
    private void findInstancesOf(RetainedClass type) {
        if (type == null) {
            classDetails.set("Select a class to see where its instances are kept alive, and by what.");
            return;
        }
        classDetails.set("Looking for what keeps " + type.className() + " alive …");
        executor.submit(() -> dump.instancesOf(type.className())).whenComplete((found, failure) -> {
            if (selectedClass.get() != type) {
                return;
            }
            classDetails.set(failure != null ? "Could not look: " + io.leaklens.ui.Failures.message(failure)
                    : InstancesText.describe(found, ""));
        });
    }

    /** The class selected in the classes table. */
    public ObjectProperty<RetainedClass> selectedClassProperty() {
        return selectedClass;
    }

    /** Where the selected class's instances are kept alive, and by what. */
    public ReadOnlyStringProperty classDetailsProperty() {
        return classDetails.getReadOnlyProperty();
    }

    /** Shows one class in the classes table: its name as the filter, JDK classes shown. */
    public void showClass(String className) {
        hideJdk.set(false);
        filter.set(className);
    }

    /** The tab's title: the dump's file name. */
    public String title() {
        return "Heap dump " + report.file();
    }

    static String summaryOf(HeapDumpReport report) {
        HeapDumpSummary s = report.summary();
        return String.format(Locale.ROOT, "%,d objects of %,d classes, %s; %,d objects (%s) reachable from GC roots."
                        + " Indexed in %,d ms, dominators and retained sizes in %,d ms. %s", s.objects(), s.classes(),
                ByteSize.format(s.shallowBytes()), s.reachableObjects(), ByteSize.format(s.reachableBytes()),
                report.timings().indexMillis(), report.timings().dominatorMillis(), sentence(report.references()));
    }

    /** A suspect in a few lines: the sentence, then its path from the GC root, one hop a line. */
    static String describe(LeakSuspect suspect) {
        if (suspect == null) {
            return "No object holds a large share of the heap or many instances of one class.";
        }
        String path = suspect.pathFromRoot().isEmpty() ? "  (no path from a GC root)"
                : suspect.pathFromRoot().stream().map(HeapDumpViewModel::hop).collect(Collectors.joining("\n"));
        return suspect.explanation() + "\n\nHeld by " + (suspect.rootDescription() == null ? "an unknown root"
                : suspect.rootDescription()) + ":\n" + path;
    }

    private static String hop(PathStep step) {
        return "  → " + step.className() + (step.field() == null ? "" : "[]".equals(step.field()) ? " element"
                : "." + step.field());
    }

    /** A clause as a sentence: capitalised, with a full stop. */
    private static String sentence(String clause) {
        if (clause == null || clause.isEmpty()) {
            return "";
        }
        String text = Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    private void refilter() {
        Predicate<String> keep = ClassNames.filter(filter.get(), hideJdk.get());
        classes.setPredicate(c -> keep.test(c.className()));
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<LeakSuspect> suspects() {
        return suspects;
    }

    public ObjectProperty<LeakSuspect> selectedSuspectProperty() {
        return selectedSuspect;
    }

    public ReadOnlyStringProperty suspectDetailsProperty() {
        return suspectDetails.getReadOnlyProperty();
    }

    /** Classes by retained size, as filtered. */
    public ObservableList<RetainedClass> classes() {
        return classes;
    }

    public ObservableList<DominatorEntry> dominators() {
        return dominators;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty hideJdkProperty() {
        return hideJdk;
    }

    /** This dump compared with another. */
    public DumpComparisonViewModel comparison() {
        return comparison;
    }

    /** The object selected in the dominator tree. */
    public ObjectProperty<DominatorEntry> selectedObjectProperty() {
        return selectedObject;
    }

    /** The path from a GC root to the selected object; null while none is selected. */
    public ReadOnlyObjectProperty<ObjectPath> selectedPathProperty() {
        return selectedPath.getReadOnlyProperty();
    }

    /** The selected object, what it keeps alive and what holds it, in a sentence. */
    public ReadOnlyStringProperty pathSummaryProperty() {
        return pathSummary.getReadOnlyProperty();
    }
}
