package io.leaklens.reliability;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaklens.LeakLens;
import io.leaklens.fixtures.StaticListLeak;
import io.leaklens.support.ChildJvm;
import io.leaklens.support.ClassPaths;
import io.leaklens.support.ListeningSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two LeakLens processes ({@code leaklens watch}) watch one target at once, as two users of one machine might: both
 * report it fully. Meanwhile neither LeakLens listens on any socket, and every socket the target listens on (the
 * JMX agent LeakLens started in it) is bound to the loopback address: nothing is reachable from another host.
 */
class TwoWatchersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoLeakLensesWatchOneTargetAtOnceAndNothingListensBeyondLoopback() throws Exception {
        try (ChildJvm target = ChildJvm.of(StaticListLeak.class).jvmOptions("-Xmx128m").start()) {
            assertThat(ListeningSockets.of(target.pid())).as("before LeakLens came").isEmpty();

            List<Watcher> watchers = List.of(new Watcher(target.pid(), dir.resolve("first")),
                    new Watcher(target.pid(), dir.resolve("second")));
            try {
                for (Watcher watcher : watchers) {
                    watcher.awaitWatching();
                }
                for (Watcher watcher : watchers) {
                    assertThat(ListeningSockets.of(watcher.process.pid())).as("LeakLens's own listening sockets")
                            .isEmpty();
                }
                List<ListeningSockets.Socket> targets = ListeningSockets.of(target.pid());
                assertThat(targets).as("the target's JMX agent").isNotEmpty()
                        .allSatisfy(socket -> assertThat(socket.address().isLoopbackAddress()).as(socket.toString())
                                .isTrue());

                for (Watcher watcher : watchers) {
                    JsonNode report = watcher.report();
                    assertThat(report.at("/target/pid").asLong()).isEqualTo(target.pid());
                    assertThat(report.at("/heap/samples").asInt()).as(watcher.err()).isGreaterThanOrEqualTo(4);
                    assertThat(report.at("/topAllocations/0/className").asText()).as(watcher.err()).isEqualTo("byte[]");
                }
                assertThat(target.process().isAlive()).isTrue();
            } finally {
                watchers.forEach(watcher -> watcher.process.destroyForcibly());
            }
        }
    }

    /** A {@code leaklens watch} process of its own, its output in files. */
    private static final class Watcher {
        final Process process;
        final Path out;
        final Path errors;

        Watcher(long pid, Path files) throws IOException {
            out = files.resolveSibling(files.getFileName() + ".out");
            errors = files.resolveSibling(files.getFileName() + ".err");
            List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable(ChildJvm.CURRENT).toString(),
                    "-cp", ClassPaths.of(LeakLens.class, CommandLine.class, ObjectMapper.class, JsonFactory.class,
                            JsonAutoDetect.class).toString(), LeakLens.class.getName(), "watch", Long.toString(pid),
                    "--duration", "6s", "--json", "--old-objects-every", "off"));
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(errors.toFile()).start();
        }

        void awaitWatching() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!err().contains("leaklens: watching")) {
                assertThat(process.isAlive() && System.nanoTime() < deadline).as("watching; stderr: %s", err())
                        .isTrue();
                Thread.sleep(50);
            }
        }

        JsonNode report() throws Exception {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("watch ended").isTrue();
            assertThat(process.exitValue()).as(err()).isZero();
            return JSON.readTree(out.toFile());
        }

        String err() throws IOException {
            return Files.exists(errors) ? Files.readString(errors) : "";
        }
    }
}
