package io.leaklens.model;

import java.util.List;
import java.util.Optional;

/**
 * One frame of a stack trace.
 *
 * @param className  the binary name of the method's class, e.g. {@code com.acme.Outer$Inner}
 * @param methodName the method's name
 * @param line       the line number, or -1 when unknown
 */
public record StackFrame(String className, String methodName, int line) {

    /** The source file a Java compiler would have made the class from: the outermost class's simple name. */
    public String fileName() {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return outer.substring(outer.lastIndexOf('.') + 1) + ".java";
    }

    /** Whether the frame belongs to the JDK rather than to the application. */
    public boolean isJdk() {
        return ClassNames.isJdkPackage(className);
    }

    /**
     * Where a stack says something was allocated: the innermost frame of the application's own code (the JDK frames
     * above it, {@code ArrayList.grow} and the like, say how, not who), else the innermost frame; empty for no
     * stack.
     */
    public static Optional<StackFrame> allocationSite(List<StackFrame> stack) {
        return stack.stream().filter(f -> !f.isJdk()).findFirst().or(() -> stack.stream().findFirst());
    }

    /**
     * As a stack trace prints it: {@code com.acme.Foo.bar(Foo.java:42)}; a frame without a method stands for sites
     * that are not a frame ({@code (no stack trace)}, {@code (other)}) and prints as its name alone.
     */
    @Override
    public String toString() {
        if (methodName.isEmpty()) {
            return className;
        }
        return className + "." + methodName + "(" + fileName() + (line >= 0 ? ":" + line : "") + ")";
    }
}
