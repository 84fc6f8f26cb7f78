package io.leaklens.model;

/**
 * A local JVM as listed, before any attach.
 *
 * @param pid         the process id
 * @param displayName what a person recognises: the main class, the jar's file name, or the source file's name
 * @param commandLine the launcher's description of the command (main class or jar plus arguments), may be empty
 * @param attachable  whether the attach mechanism is expected to accept us
 */
public record JvmInfo(long pid, String displayName, String commandLine, boolean attachable) {
}
