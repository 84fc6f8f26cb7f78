package io.leaklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The command line end to end, in process: wrong usage first, then real targets. */
class LeakLensCliTest {

    private static ChildJvm leak;
    private static ChildJvm doomed;




    @BeforeAll
    static void startChildren() {
        List<ChildJvm> children = ChildJvm.startAll(ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m"),
                ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m"));
        leak = children.get(0);
        doomed = children.get(1);
    }

    @AfterAll
    static void stopChildren() {
        ChildJvm.closeAll(leak, doomed);
    }

    // --- wrong usage: exit 2 with the usage text ---

    @Test
    void helpPrintsTheCommandsAndExitCodes() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: leaklens", "list", "watch", "demo", "Exit codes");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void eachCommandHasHelp() {
        CliRun run = CliRun.run("watch", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: leaklens watch", "TARGET", "--duration", "--json");
    }

    @Test
    void anUnknownCommandIsWrongUsage() {
        CliRun run = CliRun.run("wtach", "123");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("wtach").contains("Usage: leaklens");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noCommandIsWrongUsage() {
        CliRun run = CliRun.run("--json");

        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void aDurationThatIsNotOneIsWrongUsage() {
        CliRun run = CliRun.run("watch", "X", "--duration", "banana");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'banana' is not a duration").contains("Usage: leaklens watch");
    }

    @Test
    void aThrottleThatIsNotARateIsWrongUsage() {
        CliRun run = CliRun.run("watch", "X", "--allocation-throttle", "lots");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("invalid allocation throttle 'lots'").contains("Usage: leaklens watch");
    }

    @Test
    void aTransportMustBeOneLeakLensKnows() {
        CliRun run = CliRun.run("snapshot", "X", "-o", "x.llsnap", "--transport", "rmi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'rmi' is not a transport: use auto, jcmd or jmx")
                .contains("Usage: leaklens snapshot");
        assertThat(new TransportOption.Converter().convert("JMX")).isEqualTo(io.leaklens.model.Transport.JMX);
        assertThat(new TransportOption.Converter().convert("auto")).isNull();
    }

    @Test
    void anOldObjectIntervalMayBeOffButNotNonsense() {
        CliRun run = CliRun.run("watch", "X", "--old-objects-every", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not a duration");
        assertThat(new WatchCommand.IntervalConverter().convert("off")).isZero();
        assertThat(new WatchCommand.IntervalConverter().convert("5m")).hasMinutes(5);
    }

    @Test
    void aZeroDurationIsWrongUsage() {
        CliRun run = CliRun.run("watch", "X", "--duration", "0s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("longer than zero");
    }

    @Test
    void watchWithoutATargetIsWrongUsage() {
        CliRun run = CliRun.run("watch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TARGET");
    }

    // --- bad targets: exit 1 with one line and no stack trace ---

    @Test
    void watchingAPidWithNoProcessFailsInOneLine() {
        assumeThat(ProcessHandle.of(999_999)).isEmpty();

        CliRun run = CliRun.run("watch", "999999");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("leaklens: no process with pid 999999");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void watchingItselfFailsInOneLine() {
        CliRun run = CliRun.run("watch", Long.toString(ProcessHandle.current().pid()), "--duration", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("leaklens: ").contains("LeakLens itself");
    }

    @Test
    void aNameThatMatchesNoJvmFailsInOneLine() {
        CliRun run = CliRun.run("watch", "no-such-jvm-anywhere", "--duration", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("leaklens: no JVM of this user matches 'no-such-jvm-anywhere'");
    }

    // --- real targets ---

    @Test
    void listAsJsonHasTheChildAndNotItself() throws Exception {
        CliRun run = CliRun.run("list", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode jvms = run.json().get("jvms");
        assertThat(jvms.isArray()).isTrue();
        JsonNode child = StreamSupport.stream(jvms.spliterator(), false)
                .filter(j -> j.get("pid").asLong() == leak.pid()).findFirst().orElseThrow();
        assertThat(child.get("displayName").asText()).isEqualTo(StaticListLeak.class.getName());
        assertThat(child.get("attachable").isBoolean()).isTrue();
        assertThat(child.get("attachable").asBoolean()).isTrue();
        assertThat(jvms.findValues("pid")).extracting(JsonNode::asLong)
                .doesNotContain(ProcessHandle.current().pid());
    }

    @Test
    void listAsTextHasTheChild() {
        CliRun run = CliRun.run("list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\s*" + leak.pid() + "\\s+yes\\s+" + StaticListLeak.class.getName()
                .replace(".", "\\.") + "$");
    }

    @Test
    void watchAsJsonReportsTheTargetItsHeapAllocationsAndOldObjects() throws Exception {
        long started = System.nanoTime();
        CliRun run = CliRun.run("watch", Long.toString(leak.pid()), "--duration", "4s", "--json");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(took).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(4 + 15));
        JsonNode report = run.json();
        assertThat(report.at("/target/pid").asLong()).isEqualTo(leak.pid());
        assertThat(report.at("/target/displayName").asText()).isEqualTo(StaticListLeak.class.getName());
        assertThat(report.at("/target/jvmVersion").asText()).startsWith(ChildJvm.CURRENT + ".");
        assertThat(report.at("/durationSeconds").asDouble()).isBetween(0.9, 4.5 + 6);

        // Who allocates: the fixture's byte[4096] garbage, in its main()
        JsonNode top = report.at("/topAllocations");
        assertThat(top.size()).as("allocations after a 4 s watch").isPositive();
        assertThat(top).allSatisfy(a -> {
            assertThat(a.get("className").isTextual()).isTrue();
            assertThat(a.get("className").asText()).isNotBlank().doesNotStartWith("[");
            assertThat(a.get("bytesPerSecond").isNumber()).isTrue();
            assertThat(a.get("bytesPerSecond").asDouble()).isPositive();
            assertThat(a.get("site").isTextual()).isTrue();
        });
        assertThat(top.get(0).get("className").asText()).isEqualTo("byte[]");
        assertThat(top.get(0).get("site").asText())
                .startsWith(StaticListLeak.class.getName() + ".main(StaticListLeak.java:");
        // What the target's JMX, JFR and attach threads allocated for LeakLens: left out of topAllocations
        assertThat(report.at("/monitoringBytesPerSecond").isNumber()).as("monitoringBytesPerSecond in %s", report)
                .isTrue();
        assertThat(report.at("/monitoringBytesPerSecond").asDouble()).isNotNegative();
        // What survives: may be empty after so short a watch, but always there, with the contract's root kinds
        JsonNode oldObjects = report.at("/oldObjects");
        assertThat(oldObjects.isArray()).as("oldObjects in %s", report).isTrue();
        assertThat(oldObjects).allSatisfy(o -> {
            assertThat(o.get("className").asText()).isNotBlank();
            assertThat(o.at("/gcRoot/kind").asText()).isIn("static field", "thread", "jni", "class loader", "other");
            assertThat(o.at("/gcRoot/description").isTextual()).isTrue();
            assertThat(o.get("pathFromRoot").isArray()).isTrue();
            assertThat(StreamSupport.stream(o.get("pathFromRoot").spliterator(), false))
                    .noneMatch(h -> h.get("className").asText().startsWith("jdk.jfr.internal."));
        });
        assertThat(run.err()).contains("collecting old objects");
        assertThat(report.at("/heap/usedBytesStart").asLong()).isPositive();
        assertThat(report.at("/heap/usedBytesEnd").asLong()).isPositive();
        assertThat(report.at("/heap/gcCount").asLong()).as("the fixture collects every second").isPositive();
        assertThat(report.at("/heap").has("liveSetSlopeBytesPerSecond")).isTrue();
        assertThat(report.at("/verdict").asText()).isEqualTo("inconclusive");
        assertThat(report.at("/topAllocations").isArray()).isTrue();
        assertThat(report.at("/suspects").isArray()).isTrue();
        assertThat(run.err()).contains("watching " + StaticListLeak.class.getName());
        assertThat(run.err()).doesNotContain("exited");
        assertThat(leak.process().isAlive()).isTrue();
    }

    @Test
    void watchAsTextReportsTheTargetAndItsHeap() {
        CliRun run = CliRun.run("watch", Long.toString(leak.pid()), "--duration", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("JVM " + leak.pid() + "  " + StaticListLeak.class.getName() + "  (Java "
                + ChildJvm.CURRENT + ".");
        assertThat(run.out()).containsPattern("(?m)^heap used\\s+\\S.* -> ")
                .containsPattern("(?m)^GCs\\s+\\d+ \\(")
                .containsPattern("(?m)^verdict\\s+inconclusive: ");
    }

    @Test
    void aTargetThatDiesDuringAWatchIsReportedWithWhatWasCollected() throws Exception {
        StringWriter progress = new StringWriter();
        CompletableFuture<CliRun> watching = CompletableFuture.supplyAsync(
                () -> CliRun.run(progress, "watch", Long.toString(doomed.pid()), "--duration", "30s", "--json"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> progress.toString().contains("leaklens: watching"));
        Thread.sleep(1_500); // let it collect: a sample at once and one a second later
        doomed.process().destroyForcibly();
        long killed = System.nanoTime();

        CliRun run = watching.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(5));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("(?m)^leaklens: JVM " + doomed.pid()
                + " exited at \\d\\d:\\d\\d:\\d\\d; reporting what was collected$");
        JsonNode report = run.json();
        assertThat(report.at("/target/pid").asLong()).isEqualTo(doomed.pid());
        assertThat(report.at("/heap/samples").asInt()).isPositive();
        assertThat(report.at("/heap/usedBytesStart").asLong()).isPositive();
        assertThat(report.at("/durationSeconds").asDouble()).isLessThan(5);
    }
}
