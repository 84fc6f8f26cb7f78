package io.leaklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.leaklens.fixtures.LeakZoo;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak rules end to end, as a CI job uses them: two real JVMs watched at once for 50 s with
 * {@code --fail-on-leak}. A static list that grows (Java 17) must be a leak with its class first and exit 3; a
 * bounded LRU cache that fills in 20 s and then plateaus (Java 25) must be no leak and exit 0. Both are asked for a
 * heap dump on a leak: the leak's dump names the exact holder, the control writes none.
 */
class LeakDetectionCliTest {

    private static final String ORDER = LeakZoo.class.getName() + "$Order";
    private static ChildJvm leak;
    private static ChildJvm cache;

    @BeforeAll
    static void startChildren() {
        List<ChildJvm> children = ChildJvm.startAll(
                ChildJvm.of(LeakZoo.class).jdk(ChildJvm.hasJdk(17) ? 17 : ChildJvm.CURRENT).jvmOptions("-Xmx256m")
                        .args("static-list"),
                ChildJvm.of(LeakZoo.class).jvmOptions("-Xmx256m").args("lru"));
        leak = children.get(0);
        cache = children.get(1);
    }

    @AfterAll
    static void stopChildren() {
        ChildJvm.closeAll(leak, cache);
    }

    @TempDir
    static Path dir;

    @Test
    void aGrowingStaticListFailsTheBuildAndAPlateauingCacheDoesNot() throws Exception {
        Path leakDump = dir.resolve("leak.hprof");
        Path cacheDump = dir.resolve("cache.hprof");
        CompletableFuture<CliRun> leaking = CompletableFuture.supplyAsync(() -> CliRun.run("watch",
                Long.toString(leak.pid()), "--duration", "50s", "--json", "--fail-on-leak", "--heap-dump-on-leak",
                leakDump.toString()));
        CompletableFuture<CliRun> bounded = CompletableFuture.supplyAsync(() -> CliRun.run("watch",
                Long.toString(cache.pid()), "--duration", "50s", "--json", "--fail-on-leak", "--heap-dump-on-leak",
                cacheDump.toString()));

        CliRun leakRun = leaking.get(90, TimeUnit.SECONDS);
        CliRun cacheRun = bounded.get(90, TimeUnit.SECONDS);

        assertThat(leakRun.exitCode()).as(leakRun.err()).isEqualTo(LeakLensCli.LEAK_FOUND);
        JsonNode report = leakRun.json();
        assertThat(report.get("verdict").asText()).isEqualTo("leak");
        assertThat(report.get("detectedAfterSeconds").asDouble()).isBetween(30.0, 50.0);
        JsonNode first = report.at("/suspects/0");
        assertThat(first.get("className").asText()).isEqualTo(ORDER);
        assertThat(first.get("growthInstancesPerSecond").asDouble()).isBetween(150.0, 250.0);
        assertThat(first.get("score").asDouble()).isGreaterThan(0.5);
        if (!first.get("gcRoot").isNull()) {
            assertThat(first.at("/pathFromRoot/0/className").asText()).isEqualTo(LeakZoo.class.getName());
            assertThat(first.at("/pathFromRoot/0/field").asText()).isEqualTo("ORDERS");
        }
        assertThat(report.get("rules")).hasSize(3);
        // The heap dump taken on the leak: the live suspect's orders, exactly where they pile up.
        JsonNode dumped = report.at("/heapDump/suspects/0");
        assertThat(dumped.get("className").asText()).as(leakRun.err()).isEqualTo(ORDER);
        assertThat(dumped.at("/pathFromRoot/0/className").asText()).isEqualTo(LeakZoo.class.getName());
        assertThat(dumped.at("/pathFromRoot/0/field").asText()).isEqualTo("ORDERS");
        assertThat(leakDump).exists();

        assertThat(cacheRun.exitCode()).as(cacheRun.err() + cacheRun.out()).isZero();
        JsonNode control = cacheRun.json();
        assertThat(control.get("verdict").asText()).as(control.get("verdictReason").asText()).isEqualTo("no-leak");
        assertThat(control.get("suspects")).isEmpty();
        assertThat(control.get("heapDump").isNull()).isTrue();
        assertThat(cacheDump).doesNotExist();
    }
}
