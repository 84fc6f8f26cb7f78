package io.leaklens.model;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Class names as people read them and the CLI contract writes them: binary names for nested classes
 * ({@code com.acme.Outer$Inner}), {@code byte[]} and {@code java.lang.Object[]} for arrays. The JVM speaks in
 * descriptors ({@code [B}, {@code [Ljava.lang.Object;}) and old recordings in internal names ({@code com/acme/Foo}).
 */
public final class ClassNames {

    public static final String UNKNOWN = "<unknown>";

    private ClassNames() {
    }

    /** The readable form of a name the JVM gave: a binary name, an internal name or an array descriptor. */
    public static String readable(String name) {
        if (name == null || name.isEmpty()) {
            return UNKNOWN;
        }
        String binary = dotted(name);
        int dimensions = 0;
        while (dimensions < binary.length() && binary.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return binary;
        }
        String element = element(binary.substring(dimensions));
        if (element == null) {
            return binary; // not a descriptor after all: better the raw name than a wrong one
        }
        return element + "[]".repeat(dimensions);
    }

    /**
     * Whether a readable class name belongs to the JDK rather than to the application: the JDK's packages, and arrays
     * of primitives or of JDK classes. A class of the unnamed package ({@code Main}, {@code OrderLog$Entry}: single-file
     * programs, scripts, JShell, many tests) is the application's, and so is a dynamic proxy ({@code
     * jdk.proxy1.$Proxy12}), which the JDK makes for an application's interfaces.
     */
    public static boolean isJdk(String className) {
        int array = className.indexOf('[');
        String element = array < 0 ? className : className.substring(0, array);
        if (array >= 0 && PRIMITIVES.contains(element)) {
            return true;
        }
        return isJdkPackage(element);
    }

    /**
     * The class filter of every table and of the CLI: names that contain the text, ignoring case (a blank or null
     * text keeps every name), without the JDK's classes when asked.
     */
    public static Predicate<String> filter(String text, boolean hideJdk) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return name -> (needle.isEmpty() || name.toLowerCase(Locale.ROOT).contains(needle))
                && !(hideJdk && isJdk(name));
    }

    /** Whether a class (not an array) lives in one of the JDK's packages. */
    public static boolean isJdkPackage(String className) {
        if (className.startsWith("jdk.proxy")) {
            return false;
        }
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    /**
     * Whether a class belongs to a widely used library rather than to the program that uses it: a cache's entries,
     * a server's sessions, a pool's workers. A leak through a library's container is fixed in the code that fills
     * it (an unbounded Guava cache, sessions never invalidated), so the application's own class is named first
     * where one grows, and a library class is never taken for the owner of the application's objects. Known by
     * package; a library missing here counts as application code, as before.
     */
    public static boolean isLibrary(String className) {
        int array = className.indexOf('[');
        String element = array < 0 ? className : className.substring(0, array);
        for (String prefix : LIBRARY_PACKAGES) {
            if (element.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.List<String> LIBRARY_PACKAGES = java.util.List.of("com.google.common.",
            "com.google.gson.", "com.google.protobuf.", "com.github.benmanes.caffeine.", "org.eclipse.jetty.",
            "io.netty.", "org.apache.", "org.springframework.", "com.fasterxml.jackson.", "ch.qos.logback.",
            "org.slf4j.", "io.micrometer.", "org.hibernate.", "com.zaxxer.hikari.", "io.undertow.", "org.glassfish.",
            "jakarta.", "kotlin.", "kotlinx.", "scala.", "akka.", "reactor.", "io.reactivex.", "io.grpc.",
            "com.squareup.", "okhttp3.", "okio.", "org.jboss.", "io.vertx.", "io.quarkus.", "io.micronaut.",
            "io.dropwizard.", "org.eclipse.collections.", "it.unimi.dsi.fastutil.", "org.jctools.", "com.lmax.",
            "groovy.", "org.codehaus.", "net.bytebuddy.", "org.objectweb.asm.", "javassist.", "org.aspectj.",
            "com.esotericsoftware.", "org.yaml.snakeyaml.", "com.typesafe.", "org.h2.", "com.mysql.",
            "org.postgresql.", "oracle.jdbc.", "org.ehcache.", "net.sf.ehcache.", "redis.clients.",
            "io.lettuce.", "org.mongodb.", "com.mongodb.", "software.amazon.", "com.amazonaws.", "io.opentelemetry.",
            "org.junit.", "org.mockito.", "org.osgi.");

    private static final java.util.Set<String> PRIMITIVES = java.util.Set.of("boolean", "byte", "char", "short", "int",
            "long", "float", "double");

    /**
     * Internal names use '/' between packages, but a hidden class's name ends in {@code /0x<address>} in every form:
     * that one stays.
     */
    private static String dotted(String name) {
        int hidden = name.lastIndexOf("/0x");
        if (hidden < 0 || !isHexTail(name, hidden + 3)) {
            return name.replace('/', '.');
        }
        return name.substring(0, hidden).replace('/', '.') + name.substring(hidden);
    }

    private static boolean isHexTail(String name, int from) {
        int end = name.endsWith(";") ? name.length() - 1 : name.length();
        if (from >= end) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (Character.digit(name.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The class without its package, arrays kept: {@code DemoShop$OrderLog$Entry}, {@code Object[]}. */
    public static String simpleName(String className) {
        int arrays = className.indexOf('[');
        String element = arrays < 0 ? className : className.substring(0, arrays);
        return element.substring(element.lastIndexOf('.') + 1) + (arrays < 0 ? "" : className.substring(arrays));
    }

    private static String element(String descriptor) {
        if (descriptor.length() == 1) {
            return switch (descriptor.charAt(0)) {
                case 'Z' -> "boolean";
                case 'B' -> "byte";
                case 'C' -> "char";
                case 'S' -> "short";
                case 'I' -> "int";
                case 'J' -> "long";
                case 'F' -> "float";
                case 'D' -> "double";
                default -> null;
            };
        }
        if (descriptor.length() > 2 && descriptor.charAt(0) == 'L' && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1);
        }
        return null;
    }
}
