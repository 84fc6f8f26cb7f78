package io.leaklens.ui.graph;

import io.leaklens.analysis.GraphPaths;
import io.leaklens.analysis.LayeredLayout;
import io.leaklens.analysis.ReferenceGraphBuilder;
import io.leaklens.model.GraphLayout;
import io.leaklens.model.GraphLevel;
import io.leaklens.model.GraphNode;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceGraph;
import io.leaklens.model.SessionState;
import io.leaklens.store.GraphExport;
import io.leaklens.ui.Failures;
import io.leaklens.ui.Notices;
import io.leaklens.ui.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference graph of the session's latest old objects (or of a snapshot the user pinned): built and laid out
 * in the background, with the selected node, the path that keeps it alive, collapsed nodes and search.
 */
public final class GraphViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<GraphLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout",
            GraphLayout.EMPTY);
    private final ReadOnlyObjectWrapper<GraphNode> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<PathHighlight> path = new ReadOnlyObjectWrapper<>(this, "path",
            PathHighlight.NONE);
    private final ReadOnlyObjectWrapper<Set<String>> matches = new ReadOnlyObjectWrapper<>(this, "matches", Set.of());
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper(this, "pinned", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanProperty objectLevel = new SimpleBooleanProperty(this, "objectLevel", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty referrersOnly = new SimpleBooleanProperty(this, "referrersOnly", false);
    private final ChangeListener<Boolean> referrersListener = (obs, old, on) -> rebuild(false);
    private final ChangeListener<Boolean> levelListener = (obs, old, value) -> rebuild(true);
    private final ChangeListener<String> searchListener = (obs, old, value) -> searchChanged();
    private final Set<String> collapsed = new HashSet<>();
    private OldObjectSet live = OldObjectSet.NONE;
    private OldObjectSet shown;
    private String liveLabel = "";
    private String focusClass;
    private List<GraphNode> found = List.of();
    private int foundAt = -1;
    private long generation;
    private Notices notices = new Notices();

    public GraphViewModel(SessionState initial, UiExecutor executor) {
        this.executor = executor;
        objectLevel.addListener(levelListener);
        referrersOnly.addListener(referrersListener);
        search.addListener(searchListener);
        update(initial);
    }

    /** A new session state: follows its old objects unless a snapshot is pinned. */
    public void update(SessionState state) {
        live = state.oldObjects();
        liveLabel = state.connected() ? "Live: the latest old objects" : "The session's last old objects";
        if (!pinned.get() && live != shown) {
            show(live, liveLabel + at(live), null);
        }
    }

    /**
     * Shows a set that is the session's own for good (a heap dump's piles, which no later state replaces), under
     * its own label.
     */
    public void showOwn(OldObjectSet set, String label) {
        live = set;
        liveLabel = label;
        show(set, label, null);
    }

    /** Shows the graph of another set of old objects (a snapshot's) until {@link #followLive()}. */
    public void pin(OldObjectSet set, String label, String className) {
        pinned.set(true);
        show(set, label, className);
    }

    /** Back to the session's own latest old objects. */
    public void followLive() {
        pinned.set(false);
        show(live, liveLabel + at(live), null);
    }

    /** Selects the node that stands for a class (a suspect, a grown class) and shows the path that holds it. */
    public void focus(String className) {
        focusClass = className;
        applyFocus();
    }

    private void show(OldObjectSet set, String label, String className) {
        shown = set;
        source.set(label);
        focusClass = className;
        collapsed.clear();
        rebuild(true);
    }

    /**
     * Builds and lays out the graph in the background. Opening or closing a node only lays the same graph out
     * again ({@code regraph} false), so that selections and paths, which refer to its nodes, stay valid.
     */
    private void rebuild(boolean regraph) {
        OldObjectSet set = shown;
        GraphLevel level = objectLevel.get() ? GraphLevel.OBJECTS : GraphLevel.CLASSES;
        ReferenceGraph same = regraph ? null : layout.get().graph();
        Set<String> folded = Set.copyOf(collapsed);
        GraphNode focus = referrersOnly.get() && same != null ? selected.get() : null;
        long ticket = ++generation;
        busy.set(true);
        executor.submit(() -> {
            ReferenceGraph graph = same != null ? same : ReferenceGraphBuilder.build(set.samples(), level);
            return LayeredLayout.layout(graph, folded, LayeredLayout.ESTIMATED_WIDTH,
                    focus == null ? null : GraphPaths.referrersOf(graph, focus.id()));
        })
                .whenComplete((result, failure) -> {
                    if (ticket != generation) {
                        return; // a newer request is on its way: this one is out of date
                    }
                    busy.set(false);
                    if (failure != null) {
                        status.set("Could not draw the graph: " + failure.getMessage());
                        return;
                    }
                    publish(result);
                });
    }

    private void publish(GraphLayout result) {
        ReferenceGraph before = layout.get().graph();
        GraphNode was = selected.get();
        boolean pathShown = !path.get().isEmpty();
        layout.set(result);
        ReferenceGraph graph = result.graph();
        status.set(graph.isEmpty() ? "" : String.format("%,d nodes, %,d references from %,d of %,d sampled objects",
                graph.nodes().size(), graph.edges().size(), graph.samples() - graph.withoutPath(), graph.samples()));
        emptyText.set(emptyText(graph));
        searchChanged();
        if (focusClass != null) {
            applyFocus();
        } else if (was != null && graph != before) {
            // A new graph (a fresh burst, the other level): its nodes are new; select the same class again.
            selected.set(GraphPaths.bestFor(graph, was.className()).orElse(null));
            path.set(PathHighlight.NONE);
            if (pathShown) {
                showPath();
            }
            if (referrersOnly.get() && selected.get() != null) {
                rebuild(false); // the same focus on the new graph
            }
        }
    }

    private void applyFocus() {
        ReferenceGraph graph = layout.get().graph();
        Optional<GraphNode> node = GraphPaths.bestFor(graph, focusClass);
        if (node.isPresent()) {
            focusClass = null;
            select(node.get());
            showPath();
        } else if (!graph.isEmpty() && !busy.get()) {
            status.set("No sampled object of " + focusClass + " has a path to a GC root here; its samples may "
                    + "not have survived yet");
            focusClass = null;
        }
    }

    public void select(GraphNode node) {
        boolean refocus = referrersOnly.get() && node != null && !node.equals(selected.get());
        selected.set(node);
        if (refocus) {
            rebuild(false);
        }
        if (node == null || !path.get().target().equals(node.id())) {
            path.set(PathHighlight.NONE);
        }
    }

    /** Highlights the chain of references from the nearest GC root to the selected node. */
    public void showPath() {
        GraphNode node = selected.get();
        if (node == null) {
            return;
        }
        ReferenceGraph graph = layout.get().graph();
        List<Integer> edges = GraphPaths.toRoot(graph, node.id());
        Set<String> nodes = new HashSet<>();
        nodes.add(node.id());
        edges.forEach(i -> {
            nodes.add(graph.edges().get(i).from());
            nodes.add(graph.edges().get(i).to());
        });
        // The path may run through a collapsed node: open it so that the whole chain is drawn.
        boolean hidden = nodes.stream().anyMatch(id -> !layout.get().boxes().containsKey(id));
        path.set(new PathHighlight(node.id(), Set.copyOf(nodes), Set.copyOf(edges)));
        if (hidden) {
            collapsed.removeAll(nodes);
            rebuild(false);
        }
    }

    /**
     * Selects a hop of the path shown (a node between the GC root and the node it keeps alive) and keeps the path
     * highlighted; any other node is selected as {@link #select} does.
     */
    public void selectOnPath(GraphNode node) {
        if (node != null && path.get().nodes().contains(node.id())) {
            selected.set(node);
        } else {
            select(node);
        }
    }

    /** The nodes of the path shown, from its GC root to the node it keeps alive; empty when none is shown. */
    public List<GraphNode> pathNodes() {
        PathHighlight shown = path.get();
        if (shown.isEmpty()) {
            return List.of();
        }
        ReferenceGraph graph = layout.get().graph();
        Map<String, GraphNode> byId = new HashMap<>();
        graph.nodes().forEach(node -> byId.put(node.id(), node));
        List<GraphNode> chain = new ArrayList<>();
        for (int edge : GraphPaths.toRoot(graph, shown.target())) {
            if (chain.isEmpty()) {
                chain.add(byId.get(graph.edges().get(edge).from()));
            }
            chain.add(byId.get(graph.edges().get(edge).to()));
        }
        return chain.isEmpty() ? List.of(byId.get(shown.target())) : List.copyOf(chain);
    }

    /** Hides or shows what the selected node refers to. */
    public void toggleCollapsed() {
        GraphNode node = selected.get();
        if (node == null) {
            return;
        }
        if (!collapsed.remove(node.id())) {
            collapsed.add(node.id());
        }
        rebuild(false);
    }

    /** Saves an export (a picture, DOT, JSON) in the background and says how it went. */
    public void export(byte[] content, Path file) {
        executor.submit(() -> {
            GraphExport.write(content, file);
            return file;
        }).whenComplete((done, failure) -> {
            status.set(failure == null ? "Exported the graph to " + file : Failures.message(failure));
            if (failure != null) {
                notices.report("Could not export the graph: " + Failures.message(failure), failure);
            }
        });
    }

    /** Where failures are told besides the status line. */
    public void setNotices(Notices notices) {
        this.notices = notices;
    }

    /** Says how an action went, in the status line. */
    public void report(String message) {
        status.set(message);
    }

    public boolean isCollapsed(String id) {
        return collapsed.contains(id);
    }

    /** Selects the next node matching the search, round the end. */
    public void findNext() {
        if (found.isEmpty()) {
            return;
        }
        foundAt = (foundAt + 1) % found.size();
        select(found.get(foundAt));
        status.set("Match " + (foundAt + 1) + " of " + found.size() + ": " + found.get(foundAt).className());
    }

    private void searchChanged() {
        found = GraphPaths.search(layout.get().graph(), search.get());
        foundAt = -1;
        Set<String> ids = new HashSet<>();
        found.forEach(node -> ids.add(node.id()));
        matches.set(Set.copyOf(ids));
        if (search.get() != null && !search.get().isBlank()) {
            status.set(found.isEmpty() ? "No class matches '" + search.get().strip() + "'"
                    : found.size() + (found.size() == 1 ? " node matches" : " nodes match") + " (Enter for the next)");
        }
    }

    private static String emptyText(ReferenceGraph graph) {
        if (!graph.isEmpty()) {
            return "";
        }
        if (graph.samples() == 0) {
            return "No reference paths yet. They come with the old-object samples: LeakLens asks the JVM for them "
                    + "every 30 s, or press Refresh on the Old objects tab.";
        }
        return graph.samples() + " sampled objects, none with a path to a GC root: they are garbage the next "
                + "collection takes, or LeakLens's own buffers.";
    }

    private static String at(OldObjectSet set) {
        return set.emittedAt() == null ? "" : " (" + CLOCK.format(set.emittedAt()) + ")";
    }

    public ReadOnlyObjectProperty<GraphLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GraphNode> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PathHighlight> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<String>> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty objectLevelProperty() {
        return objectLevel;
    }

    /**
     * Whether only the selected node and what refers to it (up to the GC roots) are drawn: on a big graph, the
     * answer to "what keeps this alive?" and nothing else.
     */
    public BooleanProperty referrersOnlyProperty() {
        return referrersOnly;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public void dispose() {
        objectLevel.removeListener(levelListener);
        referrersOnly.removeListener(referrersListener);
        search.removeListener(searchListener);
        generation++;
    }
}
