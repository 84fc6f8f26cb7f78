package io.leaklens.model;

/**
 * Whether a leak is gone: the leak rules' verdicts of two snapshots (each from the session it was taken in) read
 * side by side, as a person re-verifying a fix asks it.
 *
 * @param outcome  {@code fixed}, {@code still-leaking}, {@code other-leak}, {@code new-leak}, {@code no-leak}, or
 *                 {@code unknown} when a session did not watch long enough (or a file predates the rules)
 * @param sentence one plain sentence saying so
 */
public record LeakComparison(String outcome, String sentence) {

    public static final LeakComparison UNKNOWN = new LeakComparison("unknown",
            "The snapshots do not carry the leak rules' verdicts: compare the classes that grew.");
}
