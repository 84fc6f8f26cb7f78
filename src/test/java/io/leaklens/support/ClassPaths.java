package io.leaklens.support;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Class paths for child JVMs that run LeakLens's own code rather than a fixture. */
public final class ClassPaths {

    private ClassPaths() {
    }

    /**
     * The folders and jars the given classes were loaded from, joined as a class path; as one {@link Path} for
     * {@link ChildJvm.Builder#classPath}, which puts it after {@code -cp} as it is.
     */
    public static Path of(Class<?>... types) {
        return Path.of(Stream.of(types).map(ClassPaths::location).distinct()
                .collect(Collectors.joining(File.pathSeparator)));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
