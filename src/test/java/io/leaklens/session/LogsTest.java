package io.leaklens.session;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What LeakLens swallows reaches the log files (under {@code -Dleaklens.log.dir}, the build's folder in tests): a
 * debug record with its stack trace; the records of other libraries do not.
 */
class LogsTest {

    @Test
    void aSwallowedFailureIsWrittenWithItsStackTraceAndNothingElseIs() throws IOException {
        Logs.toFile();
        String probe = "probe-" + UUID.randomUUID();
        System.getLogger("io.leaklens.attach.Probe").log(System.Logger.Level.DEBUG, probe,
                new IOException("connection reset"));
        System.getLogger("org.example.Other").log(System.Logger.Level.ERROR, "other-" + probe);

        String logged = read(Logs.folder());
        assertThat(Logs.folder()).endsWith(Path.of("target", "logs"));
        assertThat(logged).contains(" DEBUG io.leaklens.attach.Probe: " + probe,
                "java.io.IOException: connection reset", "\tat io.leaklens.session.LogsTest.");
        assertThat(logged).doesNotContain("other-" + probe);
    }

    private static String read(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
