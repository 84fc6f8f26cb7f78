package io.leaklens.model;

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
