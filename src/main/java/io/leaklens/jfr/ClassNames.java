package io.leaklens.jfr;

/**
 * Turns the class names JFR gives ({@code [B}, {@code [Ljava.lang.Object;}, {@code com/acme/Foo} in old files) into
 * the contract's form ({@code byte[]}, {@code java.lang.Object[]}, {@code com.acme.Foo}). Hidden and lambda classes
 * keep JFR's spelling; normalising them is the analysis's job.
 */
final class ClassNames {

    static final String UNKNOWN = "<unknown>";

    private ClassNames() {
    }

    static String fromJfr(String name) {
        if (name == null || name.isEmpty()) {
            return UNKNOWN;
        }
        String binary = name.replace('/', '.');
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
