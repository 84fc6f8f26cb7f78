package io.leaklens.session;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Running out of memory can come at any step of a dump's analysis (the dominator tree and retained sizes are
 * computed when a step first needs them): each says so in one sentence. A 949 MB dump of 10.6 M objects under
 * {@code -Xmx1g} once ended in a stack trace, from the retained sizes by class.
 */
class HeapDumpMemoryTest {

    @Test
    void runningOutOfMemoryInAnyStepIsOneSentence() {
        Path file = Path.of("big.hprof");

        SessionException e = catchThrowableOfType(SessionException.class, () -> HeapDumpAnalysis.withMemory(file,
                () -> {
                    throw new OutOfMemoryError("Java heap space");
                }));

        assertThat(e.getMessage()).startsWith("not enough memory to analyse big.hprof (LeakLens has ")
                .endsWith(" MB): give it more with -Xmx").doesNotContain("\n");
    }
}
