package io.leaklens.attach;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts the JMX agent LeakLens talks to in the target so that it listens on the loopback address only. The JDK's
 * "local" agent ({@code startLocalManagementAgent}) listens on every interface and merely drops connections from
 * other hosts after accepting them; its remote agent, bound to {@code 127.0.0.1} with port 0 (no fixed port, no
 * separate registry), cannot be reached from outside at all. Its address is published only in the target's
 * performance data, so it is read from there.
 * <p>
 * A target runs one remote agent at most. If it already runs one, ours from an earlier session or another LeakLens,
 * that one is used when it is the same kind (loopback, no password, no TLS); else, or without performance data
 * ({@code -XX:-UsePerfData}), LeakLens falls back to the JDK's local agent.
 */
final class LoopbackAgent {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String COUNTERS = "sun.management.JMXConnectorServer.";
    /** How long the address may take to appear in the performance data after the agent started. */
    private static final long PUBLISH_WAIT_MILLIS = 1_000;

    private LoopbackAgent() {
    }

    /** Starts the agent (or finds ours) and returns its JMX service URL; the VM stays attached. */
    static String start(VirtualMachine vm, long pid) throws IOException {
        Path perfData = PerfData.fileOf(pid);
        if (!Files.isRegularFile(perfData)) {
            return vm.startLocalManagementAgent(); // no way to learn a remote agent's address
        }
        startRemote(vm);
        // The address appears once the agent runs: at once when we started it, a moment later when another
        // LeakLens is starting it right now.
        long deadline = System.currentTimeMillis() + PUBLISH_WAIT_MILLIS;
        Optional<RemoteAgent> agent = newestRemoteAgent(perfData);
        while (agent.isEmpty() && System.currentTimeMillis() < deadline && pause()) {
            agent = newestRemoteAgent(perfData);
        }
        if (agent.isPresent() && agent.get().loopbackWithoutSecurity()) {
            return agent.get().address();
        }
        return vm.startLocalManagementAgent(); // the user's own remote agent, with a password or on a port
    }

    /** Starts the remote agent, or leaves the one the target already runs. */
    private static void startRemote(VirtualMachine vm) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("com.sun.management.jmxremote.host", LOOPBACK);
        properties.setProperty("com.sun.management.jmxremote.port", "0");
        properties.setProperty("com.sun.management.jmxremote.authenticate", "false");
        properties.setProperty("com.sun.management.jmxremote.ssl", "false");
        properties.setProperty("com.sun.management.jmxremote.registry.ssl", "false");
        try {
            vm.startManagementAgent(properties);
        } catch (IOException e) {
            // "Agent already started" comes as an AttachOperationFailedException (an IOException) naming the cause.
            if (!String.valueOf(e.getMessage()).contains("already started")) {
                throw e;
            }
        }
    }

    /** A remote JMX agent as the target's performance data describes it. */
    record RemoteAgent(String address, boolean loopbackWithoutSecurity) {
    }

    /** The target's newest remote agent, if it runs one and has published it. */
    static Optional<RemoteAgent> newestRemoteAgent(Path perfData) {
        Map<String, String> counters;
        try {
            counters = PerfData.read(perfData).text(COUNTERS);
        } catch (IOException e) {
            return Optional.empty();
        }
        // One agent after another (started, stopped, started) gets the next number: the newest counts.
        for (int agent = counters.size(); agent >= 0; agent--) {
            String address = counters.get(COUNTERS + agent + ".remoteAddress");
            if (address != null) {
                return Optional.of(new RemoteAgent(address,
                        "false".equals(counters.get(COUNTERS + agent + ".authenticate"))
                                && "false".equals(counters.get(COUNTERS + agent + ".ssl"))
                                && LOOPBACK.equals(registryHost(address))));
            }
        }
        return Optional.empty();
    }

    /** The host of {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:40123/jmxrmi}, or null. */
    private static String registryHost(String address) {
        int jndi = address.indexOf("/jndi/");
        if (jndi < 0) {
            return null;
        }
        try {
            return URI.create(address.substring(jndi + "/jndi/".length())).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
