package io.leaklens.session;

import io.leaklens.attach.JvmLocator;
import io.leaklens.model.JvmInfo;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns a TARGET word of the command line into a pid: a number is a pid; anything else is a case-insensitive
 * part of the display name (or command) of exactly one JVM of this user.
 */
public final class TargetResolver {

    private final JvmLocator locator;

    public TargetResolver(JvmLocator locator) {
        this.locator = locator;
    }

    public TargetResolver() {
        this(new JvmLocator());
    }

    public long resolve(String target) throws SessionException {
        String word = target.strip();
        if (word.isEmpty()) {
            throw new SessionException("the target is empty: give a pid or part of a JVM's name");
        }
        if (word.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(word);
            } catch (NumberFormatException e) {
                throw new SessionException("no process with pid " + word);
            }
        }
        String needle = word.toLowerCase(Locale.ROOT);
        List<JvmInfo> all = locator.list();
        List<JvmInfo> matches = all.stream()
                .filter(j -> j.displayName().toLowerCase(Locale.ROOT).contains(needle)).toList();
        if (matches.isEmpty()) {
            matches = all.stream().filter(j -> j.commandLine().toLowerCase(Locale.ROOT).contains(needle)).toList();
        }
        if (matches.size() == 1) {
            return matches.getFirst().pid();
        }
        if (matches.isEmpty()) {
            throw new SessionException("no JVM of this user matches '" + word + "'"
                    + (all.isEmpty() ? "; none is running" : "; running: " + describe(all)));
        }
        throw new SessionException("'" + word + "' matches " + matches.size() + " JVMs: " + describe(matches)
                + "; give a pid");
    }

    private static String describe(List<JvmInfo> jvms) {
        return jvms.stream().limit(10).map(j -> j.pid() + " " + j.displayName()).collect(Collectors.joining(", "))
                + (jvms.size() > 10 ? ", ..." : "");
    }
}
