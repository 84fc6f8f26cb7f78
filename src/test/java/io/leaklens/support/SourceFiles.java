package io.leaklens.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Programs in other shapes than a class on the class path: a source file, a jar, a copy another user can read. */
public final class SourceFiles {

    /** A program run straight from its source, printing {@code ready}; compiles on JDK 17. */
    private static final String FOO = """
            public class Foo {
                public static void main(String[] args) throws Exception {
                    Thread parent = new Thread(() -> {
                        try {
                            while (System.in.read() >= 0) {
                            }
                        } catch (java.io.IOException e) {
                        }
                        Runtime.getRuntime().halt(3);
                    });
                    parent.setDaemon(true);
                    parent.start();
                    System.out.println("ready");
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            """;

    private SourceFiles() {
    }

    /** {@code /tmp/leaklens-src…/Foo.java}. */
    public static Path fooJava() throws IOException {
        Path dir = Files.createTempDirectory("leaklens-src");
        dir.toFile().deleteOnExit();
        Path foo = Files.writeString(dir.resolve("Foo.java"), FOO);
        foo.toFile().deleteOnExit();
        return foo;
    }

    /** A runnable jar of one fixture class (its nested classes and the fixtures' ParentWatch), from the test classes. */
    public static Path jar(String fileName, Class<?> mainClass) throws IOException {
        Path dir = Files.createTempDirectory("leaklens-jar");
        dir.toFile().deleteOnExit(); // files registered later are deleted first
        Path jar = dir.resolve(fileName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        Path classes = ChildJvm.testClasses();
        String packageDir = mainClass.getPackageName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.list(classes.resolve(packageDir))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(mainClass.getSimpleName())
                    || f.getFileName().toString().startsWith("ParentWatch")).toList()) {
                out.putNextEntry(new JarEntry(packageDir + "/" + f.getFileName()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        jar.toFile().deleteOnExit();
        return jar;
    }

    /**
     * A copy of the fixtures for {@code feature} in a new temporary folder that every user can read (755), for a
     * child that runs as another user.
     */
    public static Path worldReadableFixtures(int feature) throws IOException {
        Path dir = Files.createTempDirectory("leaklens-shared");
        Path from = ChildJvm.fixtureClasses(feature);
        Path packageDir = Path.of("io/leaklens/fixtures");
        Files.createDirectories(dir.resolve(packageDir));
        try (Stream<Path> files = Files.list(from.resolve(packageDir))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(packageDir).resolve(f.getFileName()));
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return dir;
    }

    /** Deletes a folder made by this class. */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
