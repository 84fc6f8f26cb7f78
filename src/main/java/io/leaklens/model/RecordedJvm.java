package io.leaklens.model;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM as its recording describes it ({@code jdk.JVMInformation}, written at each chunk's start and end).
 *
 * @param pid       the process id
 * @param startedAt when the JVM started: with the pid, what tells one JVM from another
 * @param vmName    e.g. {@code OpenJDK 64-Bit Server VM}
 * @param version   the Java version, e.g. {@code 17.0.15}, or empty
 * @param command   what it ran: the main class or jar, without its arguments, or empty
 */
public record RecordedJvm(long pid, Instant startedAt, String vmName, String version, String command) {

    /** "OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64 JRE ...": the first version in it. */
    private static final Pattern VERSION = Pattern.compile("\\((\\d+(?:\\.\\d+)*)");

    /** From the event's fields as the JDK writes them: {@code jvmVersion} and {@code javaArguments} in full. */
    public static RecordedJvm of(long pid, Instant startedAt, String vmName, String jvmVersion, String javaArguments) {
        Matcher version = VERSION.matcher(jvmVersion == null ? "" : jvmVersion);
        String arguments = javaArguments == null ? "" : javaArguments.strip();
        int space = arguments.indexOf(' ');
        return new RecordedJvm(pid, startedAt, vmName == null ? "" : vmName, version.find() ? version.group(1) : "",
                space < 0 ? arguments : arguments.substring(0, space));
    }

    /** Whether this is the same process as {@code other}: the same pid, started at the same time. */
    public boolean sameProcess(RecordedJvm other) {
        return pid == other.pid && java.util.Objects.equals(startedAt, other.startedAt);
    }

    /** "pid 123 (com.acme.Main, Java 17.0.15)". */
    public String describe() {
        StringBuilder text = new StringBuilder("pid ").append(pid);
        String details = String.join(", ", java.util.stream.Stream.of(command,
                version.isEmpty() ? "" : "Java " + version).filter(s -> !s.isEmpty()).toList());
        return details.isEmpty() ? text.toString() : text.append(" (").append(details).append(')').toString();
    }
}
