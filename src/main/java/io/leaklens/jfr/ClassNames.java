package io.leaklens.jfr;

/**
 * Turns the class names JFR gives ({@code [B}, {@code [Ljava.lang.Object;}, {@code com/acme/Foo} in old files) into
 * the contract's form. Hidden and lambda classes keep JFR's spelling; normalising them is the analysis's job.
 */
final class ClassNames {

    static final String UNKNOWN = io.leaklens.model.ClassNames.UNKNOWN;

    private ClassNames() {
    }

    static String fromJfr(String name) {
        return io.leaklens.model.ClassNames.readable(name);
    }
}
