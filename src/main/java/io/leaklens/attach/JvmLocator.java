package io.leaklens.attach;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.leaklens.model.JvmInfo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lists the JVMs of this user without attaching to any: the attach API's list reads the performance data each
 * JVM publishes. JVMs that publish it but refuse attach ({@code -XX:+DisableAttachMechanism}) are listed as not
 * attachable. LeakLens itself and other users' JVMs are left out.
 */
public final class JvmLocator {

    private static final System.Logger LOG = System.getLogger(JvmLocator.class.getName());

    private final long ownPid = ProcessHandle.current().pid();
    private final Optional<String> ownUser = ProcessHandle.current().info().user();

    public List<JvmInfo> list() {
        List<JvmInfo> jvms = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
            long pid = parsePid(vm.id());
            if (pid <= 0 || pid == ownPid || !ownedByUs(pid) || !seen.add(pid)) {
                continue;
            }
            String command = vm.displayName();
            jvms.add(new JvmInfo(pid, JvmDisplayName.of(command, pid), command, true));
        }
        for (long pid : perfDataPids()) {
            if (pid != ownPid && !seen.contains(pid) && ProcessHandle.of(pid).isPresent()) {
                jvms.add(new JvmInfo(pid, ProcessCommand.of(pid).map(c -> JvmDisplayName.of(c, pid)).orElse("JVM " + pid),
                        ProcessCommand.of(pid).orElse(""), false));
            }
        }
        jvms.sort(Comparator.comparing(JvmInfo::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(JvmInfo::pid));
        return jvms;
    }

    /** The listed JVM with this pid, if it is one of ours. */
    public Optional<JvmInfo> find(long pid) {
        return list().stream().filter(j -> j.pid() == pid).findFirst();
    }

    boolean ownedByUs(long pid) {
        Optional<String> user = ProcessHandle.of(pid).flatMap(p -> p.info().user());
        return user.isEmpty() || ownUser.isEmpty() || user.equals(ownUser);
    }

    /** Pids with a performance-data file of this user: every JVM of ours that did not turn it off. */
    private Set<Long> perfDataPids() {
        Set<Long> pids = new HashSet<>();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"));
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                long pid = parsePid(file.getFileName().toString());
                if (pid > 0) {
                    pids.add(pid);
                }
            }
        } catch (IOException e) {
            // A directory we cannot read lists nothing more; the attachable JVMs are already in.
            LOG.log(System.Logger.Level.DEBUG, "could not read a directory of JVMs", e);
        }
        return pids;
    }

    static long parsePid(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
