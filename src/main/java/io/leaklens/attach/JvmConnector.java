package io.leaklens.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.leaklens.attach.AttachException.Reason;
import io.leaklens.model.JvmInfo;

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

/**
 * Connects to a local JVM: checks the pid cheaply first (so a wrong pid fails at once, not after the attach API's
 * seconds of waiting), attaches to start a JMX agent in the target that listens on loopback only ({@link
 * LoopbackAgent}), detaches, and connects JMX.
 */
public final class JvmConnector {

    /** How often a hanging attach checks that its target still runs. */
    private static final Duration LIVENESS_CHECK = Duration.ofMillis(50);
    /** How long a target that broke off the handshake may take to be gone before we call it a plain failure. */
    static final Duration EXIT_GRACE = Duration.ofMillis(500);

    private final JvmLocator locator;

    public JvmConnector(JvmLocator locator) {
        this.locator = locator;
    }

    public JvmConnector() {
        this(new JvmLocator());
    }

    public TargetConnection connect(long pid) throws AttachException {
        JvmInfo jvm = check(pid);
        String url = startAgent(jvm);
        try {
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url), Map.of());
            return TargetConnection.open(jvm, connector);
        } catch (IOException | RuntimeException e) {
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
        VirtualMachine vm;
        try {
            vm = attach(pid);
        } catch (AttachNotSupportedException e) {
            if (String.valueOf(e.getMessage()).contains("does not support the attach mechanism")) {
                throw attachDisabled(pid);
            }
            throw failure(pid, "the attach mechanism refused", e);
        } catch (IOException | RuntimeException e) {
            throw failure(pid, "could not attach", e);
        }
        try {
            return LoopbackAgent.start(vm, pid);
        } catch (IOException | RuntimeException e) {
            throw failure(pid, "could not start its management agent", e);
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // The agent is started or not by now; a failed detach changes nothing for the target.
            }
        }
    }

    /**
     * Attaches on a helper thread while watching the target: if it dies during the handshake, the attach API only
     * notices after half its 10 s timeout, so we stop waiting as soon as the process is gone.
     */
    private static VirtualMachine attach(long pid) throws AttachNotSupportedException, IOException, AttachException {
        CompletableFuture<VirtualMachine> attaching = CompletableFuture.supplyAsync(() -> {
            try {
                return VirtualMachine.attach(Long.toString(pid));
            } catch (AttachNotSupportedException | IOException e) {
                throw new CompletionException(e);
            }
        }, task -> Thread.ofPlatform().daemon().name("leaklens-attach-" + pid).start(task));
        while (true) {
            try {
                return attaching.get(LIVENESS_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!ProcessCommand.isRunning(pid)) {
                    attaching.thenAccept(JvmConnector::detachQuietly); // in case it still succeeds
                    throw exited(pid, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attaching.thenAccept(JvmConnector::detachQuietly);
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

    private static void detachQuietly(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException e) {
            // Nobody waits for this connection any more.
        }
    }

    private static AttachException attachDisabled(long pid) {
        return new AttachException(Reason.ATTACH_DISABLED, "JVM " + pid
                + " does not accept attach: it was started with -XX:+DisableAttachMechanism");
    }

    private static AttachException exited(long pid, Exception cause) {
        return new AttachException(Reason.EXITED_WHILE_CONNECTING, "JVM " + pid + " exited while connecting", cause);
    }

    /** A failure while talking to the target: most often the target went away in the meantime. */
    private static AttachException failure(long pid, String what, Exception e) {
        if (ProcessCommand.endsWithin(pid, EXIT_GRACE)) {
            return exited(pid, e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new AttachException(Reason.FAILED, "JVM " + pid + ": " + what + " (" + detail + ")", e);
    }
}
