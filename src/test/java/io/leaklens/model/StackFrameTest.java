package io.leaklens.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackFrameTest {

    private static final StackFrame GROW = new StackFrame("java.util.ArrayList", "grow", 237);
    private static final StackFrame ADD = new StackFrame("java.util.ArrayList", "add", 455);
    private static final StackFrame OWN = new StackFrame("OrderLog", "record", 31);

    @Test
    void theAllocationSiteIsTheInnermostFrameOfTheApplicationsCode() {
        assertThat(StackFrame.allocationSite(List.of(GROW, ADD, OWN))).contains(OWN);
    }

    @Test
    void aStackOfJdkFramesOnlyGivesItsInnermostFrame() {
        assertThat(StackFrame.allocationSite(List.of(GROW, ADD))).contains(GROW);
    }

    @Test
    void noStackGivesNoSite() {
        assertThat(StackFrame.allocationSite(List.of())).isEmpty();
    }

    @Test
    void printsAsAStackTraceDoes() {
        assertThat(OWN).hasToString("OrderLog.record(OrderLog.java:31)");
        assertThat(new StackFrame("com.acme.Outer$Inner", "run", -1)).hasToString("com.acme.Outer$Inner.run(Outer.java)");
    }
}
