package io.leaklens.session;

import io.leaklens.model.RecordedJvm;

import java.util.ArrayList;
import java.util.List;

/**
 * The distinct JVMs a recording file describes, in the order first seen. Each chunk describes its JVM twice, so the
 * same one comes many times; a file that joins recordings may describe several. Bounded: past {@link #MAX} JVMs the
 * rest are counted, not kept.
 */
final class RecordedJvms {

    static final int MAX = 32;

    private final List<RecordedJvm> jvms = new ArrayList<>();

    void add(RecordedJvm jvm) {
        for (RecordedJvm known : jvms) {
            if (known.sameProcess(jvm)) {
                return;
            }
        }
        if (jvms.size() < MAX) {
            jvms.add(jvm);
        }
    }

    void addAll(RecordedJvms other) {
        other.jvms.forEach(this::add);
    }

    List<RecordedJvm> list() {
        return List.copyOf(jvms);
    }
}
