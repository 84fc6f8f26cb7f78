package io.leaklens.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.leaklens.attach.AttachException.Reason;
import io.leaklens.model.JvmInfo;
import io.leaklens.model.Transport;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Connects to a local JVM: checks the pid cheaply first (so a wrong pid fails at once, not after the attach API's
 * seconds of waiting), attaches to start a JMX agent in the target that listens on loopback only ({@link
 * LoopbackAgent}), detaches, and connects JMX.
 */
public final class JvmConnector {

    private static final System.Logger LOG = System.getLogger(JvmConnector.class.getName());

    /** How often a step of connecting that waits checks that its target still runs. */
    private static final Duration LIVENESS_CHECK = Duration.ofMillis(50);
    /** How long a target that broke off the handshake may take to be gone before we call it a plain failure. */
    static final Duration EXIT_GRACE = Duration.ofMillis(500);
    /** How long a target may be seen stopped before we give up on it: a tracer may hold it for a moment. */
    static final Duration STOPPED_GRACE = Duration.ofSeconds(1);
    private static final String RESPONSE_TIMEOUT = "sun.rmi.transport.tcp.responseTimeout";
    /** Holds the logger's level: JUL keeps only weak references to loggers. */
    private static final java.util.logging.Logger JMX_CLIENT_CHECKS =
            java.util.logging.Logger.getLogger("javax.management.remote.misc");

    static {
        // A target that hangs must not hang us: JMX over RMI waits forever for an answer unless told otherwise. A
        // minute is longer than any class histogram we ask for; a session notices a silent target much sooner.
        if (System.getProperty(RESPONSE_TIMEOUT) == null) {
            System.setProperty(RESPONSE_TIMEOUT, "60000");
        }
        // JMX's connection checker logs a stack of warnings to the console when a target stops answering; the
        // session says so itself, in one sentence.
        JMX_CLIENT_CHECKS.setLevel(java.util.logging.Level.OFF);
    }

    private final JvmLocator locator;

    public JvmConnector(JvmLocator locator) {
        this.locator = locator;
    }

    public JvmConnector() {
        this(new JvmLocator());
    }

    /**
     * Connects the cheapest way for the target: without an agent ({@link JcmdConnection}) when this JVM may run
     * diagnostic commands and the target publishes performance data, else over JMX.
     */
    public TargetConnection connect(long pid) throws AttachException {
        return connect(pid, null);
    }

    /**
     * Connects over {@code transport}, or the cheapest way when it is null.
     *
     * @throws AttachException also when the transport asked for is not possible for this target
     */
    public TargetConnection connect(long pid, Transport transport) throws AttachException {
        if (transport == Transport.JMX || (transport == null && !JcmdConnection.possible(pid))) {
            return connectJmx(pid);
        }
        JvmInfo jvm = check(pid);
        if (!JcmdConnection.possible(pid)) {
            throw new AttachException(Reason.FAILED, "JVM " + pid + " cannot be watched without JMX: "
                    + (Jcmd.available() ? "it publishes no performance data (-XX:-UsePerfData)"
                    : "LeakLens was started without --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED"));
        }
        Jcmd jcmd = attach(pid, () -> Jcmd.attach(pid), JvmConnector::detachQuietly);
        try {
            return whileRunning(pid, "jcmd", () -> JcmdConnection.open(jvm, jcmd), JcmdConnection::close);
        } catch (IOException | AttachNotSupportedException | RuntimeException e) {
            throw failure(pid, "could not read its performance data", e);
        }
    }

    /** Connects over JMX, starting the target's agent on loopback if it runs none. */
    public JmxConnection connectJmx(long pid) throws AttachException {
        JvmInfo jvm = check(pid);
        String url = startAgent(jvm);
        try {
            JMXConnector connector = whileRunning(pid, "jmx",
                    () -> JMXConnectorFactory.connect(new JMXServiceURL(url), Map.of()), JvmConnector::closeQuietly);
            return whileRunning(pid, "jmx", () -> JmxConnection.open(jvm, connector), JmxConnection::close);
        } catch (IOException | AttachNotSupportedException | RuntimeException e) {
            throw failure(pid, "could not open its JMX connection", e);
        }
    }

    /** Everything that can be told without attaching, in the order that gives the most useful sentence. */
    JvmInfo check(long pid) throws AttachException {
        if (pid <= 0) {
            throw new AttachException(Reason.NO_SUCH_PROCESS, pid + " is not a process id");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new AttachException(Reason.SELF, "process " + pid + " is LeakLens itself, which cannot watch itself");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(p -> ProcessCommand.isRunning(pid));
        if (process.isEmpty()) {
            throw new AttachException(Reason.NO_SUCH_PROCESS, "no process with pid " + pid);
        }
        if (!locator.ownedByUs(pid)) {
            String owner = process.get().info().user().orElse("another user");
            throw new AttachException(Reason.OTHER_USER, "process " + pid + " belongs to " + owner
                    + "; LeakLens can only attach to JVMs of its own user ("
                    + ProcessHandle.current().info().user().orElse("?") + ")");
        }
        if (ProcessCommand.staysStopped(pid, STOPPED_GRACE)) {
            throw stopped(pid);
        }
        Optional<JvmInfo> listed = locator.find(pid);
        if (listed.isPresent()) {
            if (!listed.get().attachable()) {
                throw attachDisabled(pid);
            }
            return listed.get();
        }
        if (ProcessCommand.runsJvm(pid).filter(jvm -> !jvm).isPresent()) {
            String name = ProcessCommand.executable(pid);
            throw new AttachException(Reason.NOT_A_JVM, "process " + pid + (name.isEmpty() ? "" : " (" + name + ")")
                    + " is not a Java virtual machine");
        }
        // A JVM without performance data (-XX:-UsePerfData) is not listed but can still be attached by pid.
        String command = ProcessCommand.of(pid).orElse("");
        return new JvmInfo(pid, JvmDisplayName.of(command, pid), command, true);
    }

    private String startAgent(JvmInfo jvm) throws AttachException {
        long pid = jvm.pid();
        VirtualMachine vm = attach(pid, () -> VirtualMachine.attach(Long.toString(pid)),
                attached -> detachQuietly(attached::detach));
        try {
            return whileRunning(pid, "agent", () -> LoopbackAgent.start(vm, pid), url -> { });
        } catch (IOException | AttachNotSupportedException | RuntimeException e) {
            throw failure(pid, "could not start its management agent", e);
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // The agent is started or not by now; a failed detach changes nothing for the target.
                LOG.log(System.Logger.Level.DEBUG, "detach after starting the agent failed", e);
            }
        }
    }

    /** Attaches by {@code step}, telling a target that refuses attach from one that failed. */
    private static <T> T attach(long pid, Step<T> step, Consumer<? super T> abandon) throws AttachException {
        try {
            return whileRunning(pid, "attach", step, abandon);
        } catch (AttachNotSupportedException e) {
            if (String.valueOf(e.getMessage()).contains("does not support the attach mechanism")) {
                throw attachDisabled(pid);
            }
            throw failure(pid, "the attach mechanism refused", e);
        } catch (IOException | RuntimeException e) {
            throw failure(pid, "could not attach", e);
        }
    }

    /** A step of connecting that may wait on the target. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException, AttachNotSupportedException;
    }

    /**
     * Runs a step of connecting on a helper thread while watching the target. The attach API notices a target that
     * died during the handshake only after half its 10 s timeout, and JMX a stopped one only after a minute, so we
     * stop waiting as soon as the process is gone or stopped. What the step gives after that goes to
     * {@code abandon}.
     */
    private static <T> T whileRunning(long pid, String name, Step<T> step, Consumer<? super T> abandon)
            throws IOException, AttachNotSupportedException, AttachException {
        CompletableFuture<T> running = CompletableFuture.supplyAsync(() -> {
            try {
                return step.run();
            } catch (IOException | AttachNotSupportedException e) {
                throw new CompletionException(e);
            }
        }, task -> Thread.ofPlatform().daemon().name("leaklens-" + name + "-" + pid).start(task));
        long stoppedSince = 0;
        while (true) {
            try {
                return running.get(LIVENESS_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!ProcessCommand.isRunning(pid)) {
                    running.thenAccept(abandon); // in case it still succeeds
                    throw exited(pid, null);
                }
                if (!ProcessCommand.isStopped(pid)) {
                    stoppedSince = 0;
                } else if (stoppedSince == 0) {
                    stoppedSince = System.nanoTime();
                } else if (System.nanoTime() - stoppedSince > STOPPED_GRACE.toNanos()) {
                    running.thenAccept(abandon);
                    throw stopped(pid);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.thenAccept(abandon);
                throw new AttachException(Reason.FAILED, "connecting to JVM " + pid + " was cancelled", e);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case AttachNotSupportedException cause -> throw cause;
                    case IOException cause -> throw cause;
                    case RuntimeException cause -> throw cause;
                    case Error cause -> throw cause;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private static void closeQuietly(JMXConnector connector) {
        try {
            connector.close();
        } catch (IOException e) {
            // Nobody waits for this connection any more.
            LOG.log(System.Logger.Level.DEBUG, "closing an abandoned connection failed", e);
        }
    }

    private static void detachQuietly(AutoCloseable vm) {
        try {
            vm.close();
        } catch (Exception e) {
            // Nobody waits for this connection any more.
            LOG.log(System.Logger.Level.DEBUG, "detaching from an abandoned attach failed", e);
        }
    }

    private static AttachException attachDisabled(long pid) {
        return new AttachException(Reason.ATTACH_DISABLED, "JVM " + pid
                + " does not accept attach: it was started with -XX:+DisableAttachMechanism");
    }

    static AttachException stopped(long pid) {
        return new AttachException(Reason.STOPPED, "JVM " + pid + " is stopped (SIGSTOP, or held by a debugger); "
                + "continue it (kill -CONT " + pid + ") and connect again");
    }

    private static AttachException exited(long pid, Exception cause) {
        return new AttachException(Reason.EXITED_WHILE_CONNECTING, "JVM " + pid + " exited while connecting", cause);
    }

    /** A failure while talking to the target: most often the target went away in the meantime. */
    private static AttachException failure(long pid, String what, Exception e) {
        if (ProcessCommand.endsWithin(pid, EXIT_GRACE)) {
            return exited(pid, e);
        }
        if (ProcessCommand.isStopped(pid)) {
            return stopped(pid);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new AttachException(Reason.FAILED, "JVM " + pid + ": " + what + " (" + detail + ")", e);
    }
}
