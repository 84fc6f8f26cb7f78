package io.leaklens.model;

import java.util.List;

/**
 * What we learn about a JVM once connected.
 *
 * @param pid         the process id
 * @param displayName as in {@link JvmInfo#displayName()}
 * @param jvmVersion  the target's {@code java.version}, e.g. {@code 25.0.3}
 * @param vmName      the VM's name, e.g. {@code OpenJDK 64-Bit Server VM}
 * @param collectors  the names of the garbage collectors in use, e.g. {@code G1 Young Generation}
 */
public record TargetInfo(long pid, String displayName, String jvmVersion, String vmName, List<String> collectors) {
    public TargetInfo {
        collectors = List.copyOf(collectors);
    }
}
