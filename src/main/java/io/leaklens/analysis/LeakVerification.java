package io.leaklens.analysis;

import io.leaklens.model.ClassNames;
import io.leaklens.model.LeakComparison;
import io.leaklens.model.LeakReport;
import io.leaklens.model.LeakVerdict;
import io.leaklens.model.Snapshot;

/**
 * The detect → fix → re-verify loop's last step: the earlier snapshot's session found a leak (or not); does the
 * later one's? Each verdict comes from its own session's rules, so two watches of two builds compare directly.
 */
public final class LeakVerification {

    private LeakVerification() {
    }

    public static LeakComparison compare(Snapshot before, Snapshot after) {
        LeakReport earlier = before.leaks();
        LeakReport later = after.leaks();
        if (earlier.rules().isEmpty() && later.rules().isEmpty()) {
            return LeakComparison.UNKNOWN;
        }
        boolean leakedBefore = earlier.verdict() == LeakVerdict.LEAK;
        // Two snapshots of one JVM are two moments of one session, not two runs to compare.
        boolean sameRun = before.info().target().pid() == after.info().target().pid()
                && before.info().target().displayName().equals(after.info().target().displayName());
        String both = sameRun ? " at both snapshots." : " in both sessions.";
        String what = leakedBefore ? ClassNames.simpleName(earlier.suspects().getFirst().className()) : null;
        return switch (later.verdict()) {
            case LEAK -> {
                String now = ClassNames.simpleName(later.suspects().getFirst().className());
                if (!leakedBefore) {
                    yield new LeakComparison("new-leak", "The later snapshot's session leaks: " + now
                            + " keeps growing (" + later.reason() + ")");
                }
                yield now.equals(what)
                        ? new LeakComparison("still-leaking", "Still leaking: " + what + " keeps growing" + both)
                        : new LeakComparison("other-leak", "The leak of " + what + " is gone, but " + now
                        + " keeps growing now.");
            }
            case NO_LEAK -> leakedBefore
                    ? new LeakComparison("fixed", "Fixed: " + what + " leaked in the earlier session; the later "
                    + "session's rules find no leak.")
                    : new LeakComparison("no-leak", "Neither session leaks.");
            case NOT_ENOUGH_DATA -> new LeakComparison("unknown", String.format(java.util.Locale.ROOT,
                    "The later session did not watch long enough to tell (%.0f %% of the evidence)%s.",
                    100 * later.progress(), leakedBefore ? "; the earlier one leaked " + what : ""));
        };
    }
}
