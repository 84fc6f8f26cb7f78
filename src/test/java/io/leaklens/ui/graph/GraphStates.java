package io.leaklens.ui.graph;

import io.leaklens.model.AllocationProfile;
import io.leaklens.model.ConnectionStatus;
import io.leaklens.model.GcRoot;
import io.leaklens.model.HeapHistory;
import io.leaklens.model.OldObjectSample;
import io.leaklens.model.OldObjectSet;
import io.leaklens.model.ReferenceHop;
import io.leaklens.model.SessionState;
import io.leaklens.model.StackFrame;
import io.leaklens.support.Snapshots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Session states holding old objects of two leaks: a static list of entries and a listener list on a thread. */
final class GraphStates {

    static final String LISTENER = "com.acme.Bus$Listener";

    private GraphStates() {
    }

    static OldObjectSet burst(int entries) {
        List<OldObjectSample> samples = new ArrayList<>();
        for (int n = 0; n < entries; n++) {
            samples.add(new OldObjectSample(Snapshots.T0, Duration.ofSeconds(40), Snapshots.ENTRY, 40, -1, 0,
                    List.of(Snapshots.RECORD_SITE), new GcRoot("Threads", "Stack Variable", "Thread Name: main"),
                    List.of(new ReferenceHop("java.lang.Class", "Class Name: com.acme.OrderLog", "ENTRIES", true, -1,
                                    -1, 0, 1),
                            new ReferenceHop("java.util.ArrayList", null, "elementData", false, -1, -1, 0, 2),
                            new ReferenceHop("java.lang.Object[]", null, null, false, n, 2048, 0, 3),
                            new ReferenceHop(Snapshots.ENTRY, null, null, false, -1, -1, 0, 100 + n))));
        }
        for (int n = 0; n < 3; n++) {
            samples.add(new OldObjectSample(Snapshots.T0, Duration.ofSeconds(20), LISTENER, 24, -1, 0,
                    List.of(new StackFrame("com.acme.Bus", "register", 12)),
                    new GcRoot("Threads", "Stack Variable", "Thread Name: worker-1"),
                    List.of(new ReferenceHop("com.acme.Bus", null, "listeners", false, -1, -1, 0, 10),
                            new ReferenceHop("java.util.ArrayList", null, "elementData", false, -1, -1, 0, 11),
                            new ReferenceHop("java.lang.Object[]", null, null, false, n, 16, 0, 12),
                            new ReferenceHop(LISTENER, null, null, false, -1, -1, 0, 200 + n))));
        }
        return new OldObjectSet(samples, Snapshots.T0.plusSeconds(60), Duration.ofMillis(12), Duration.ofMillis(40));
    }

    static SessionState live(OldObjectSet set) {
        return new SessionState(Snapshots.TARGET, ConnectionStatus.CONNECTED, Snapshots.T0, null, null,
                HeapHistory.EMPTY, AllocationProfile.EMPTY, set, "");
    }
}
