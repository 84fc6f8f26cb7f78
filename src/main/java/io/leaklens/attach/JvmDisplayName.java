package io.leaklens.attach;

import java.nio.file.Path;

/**
 * Turns the command a JVM publishes ({@code sun.rt.javaCommand}: main class or jar, then the arguments) into the
 * name a person recognises: {@code com.acme.Main}, {@code shop.jar}, or {@code Leak.java} for a source launch.
 */
final class JvmDisplayName {

    private JvmDisplayName() {
    }

    static String of(String command, long pid) {
        String[] words = command == null ? new String[0] : command.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "JVM " + pid;
        }
        String first = words[0];
        if (first.contains("com.sun.tools.javac.launcher") && words.length > 1) {
            return fileName(sourceFile(words));
        }
        // A source launch read from /proc (JVMs that publish nothing) shows the file itself, not the launcher class.
        if (first.endsWith(".jar") || first.endsWith(".java")) {
            return fileName(first);
        }
        int slash = first.indexOf('/');
        if (slash > 0 && !first.startsWith("/") && !first.contains(".jar")) {
            return first.substring(slash + 1); // module/main.Class
        }
        return first;
    }

    /** The source launcher's own options (e.g. {@code --source 21}) may come before the file. */
    private static String sourceFile(String[] words) {
        for (int i = 1; i < words.length; i++) {
            if (words[i].endsWith(".java")) {
                return words[i];
            }
        }
        return words[1];
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
