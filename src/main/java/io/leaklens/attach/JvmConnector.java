package io.leaklens.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.leaklens.attach.AttachException.Reason;
import io.leaklens.model.JvmInfo;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Connects to a local JVM: checks the pid cheaply first (so a wrong pid fails at once, not after the attach API's
 * seconds of waiting), attaches to start the target's local JMX agent (loopback only), detaches, and connects JMX.
 */
public final class JvmConnector {

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
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
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
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            if (String.valueOf(e.getMessage()).contains("does not support the attach mechanism")) {
                throw attachDisabled(pid);
            }
            throw failure(pid, "the attach mechanism refused", e);
        } catch (IOException | RuntimeException e) {
            throw failure(pid, "could not attach", e);
        }
        try {
            return vm.startLocalManagementAgent();
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

    private static AttachException attachDisabled(long pid) {
        return new AttachException(Reason.ATTACH_DISABLED, "JVM " + pid
                + " does not accept attach: it was started with -XX:+DisableAttachMechanism");
    }

    /** A failure while talking to the target: most often the target went away in the meantime. */
    private static AttachException failure(long pid, String what, Exception e) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return new AttachException(Reason.EXITED_WHILE_CONNECTING, "JVM " + pid + " exited while connecting", e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new AttachException(Reason.FAILED, "JVM " + pid + ": " + what + " (" + detail + ")", e);
    }
}
