package io.leaklens.attach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-Xmx1g -cp /a:/b com.acme.Main x y                                   | com.acme.Main x y",
            "--add-opens java.base/java.lang=ALL-UNNAMED -cp c com.acme.Main       | com.acme.Main",
            "--add-exports java.base/sun.nio.ch=ALL-UNNAMED com.acme.Main          | com.acme.Main",
            "--enable-native-access ALL-UNNAMED -jar /opt/shop.jar --port 1        | /opt/shop.jar --port 1",
            "-p mods -m com.acme/com.acme.Main a                                   | com.acme/com.acme.Main a",
            "--module-path mods --module com.acme/com.acme.Main                    | com.acme/com.acme.Main",
            "--source 21 /tmp/x/Foo.java arg                                       | /tmp/x/Foo.java arg",
            "@/tmp/opts.txt -XX:+UseG1GC com.acme.Main                             | com.acme.Main",
            "-Dx=y --class-path=/a com.acme.Main                                   | com.acme.Main",
    })
    void findsTheMainClassAfterTheLaunchersOptions(String arguments, String expected) {
        assertThat(ProcessCommand.javaCommand(arguments.split(" "))).hasValue(expected);
        assertThat(JvmDisplayName.of(expected, 1)).doesNotContain("=").doesNotStartWith("-");
    }

    @Test
    void onlyOptionsIsNoCommand() {
        assertThat(ProcessCommand.javaCommand(new String[] {"-version"})).isEqualTo(Optional.empty());
        assertThat(ProcessCommand.javaCommand(new String[] {"-cp"})).isEmpty();
    }

    @Test
    void ourselvesRunAndAFinishedProcessDoesNot() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();

        assertThat(ProcessCommand.isRunning(ProcessHandle.current().pid())).isTrue();
        assertThat(ProcessCommand.isRunning(finished.pid())).isFalse();
        assertThat(ProcessCommand.endsWithin(finished.pid(), Duration.ZERO)).isTrue();
        assertThat(ProcessCommand.endsWithin(ProcessHandle.current().pid(), Duration.ofMillis(50))).isFalse();
    }

    @Test
    void aZombieHasEnded() throws Exception {
        // the shell's child exits at once and is never reaped: the shell became a 'sleep' that does not wait
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & exec sleep 10").start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Optional<ProcessHandle> zombie = Optional.empty();
            while (zombie.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                zombie = parent.children().filter(c -> !ProcessCommand.isRunning(c.pid())).findFirst();
            }

            assertThat(zombie).as("a child that exited but is still listed, as a zombie is").isPresent();
            assertThat(zombie.get().isAlive()).as("the JDK calls a zombie alive").isTrue();
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }
}
