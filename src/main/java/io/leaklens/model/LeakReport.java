package io.leaklens.model;

import java.time.Instant;
import java.util.List;

/**
 * The leak rules' combined answer at one moment.
 *
 * @param verdict    leak, no leak, or not enough data yet
 * @param progress   how much of the evidence the rules need they have, from 0 to 1
 * @param reason     one sentence on why this verdict
 * @param rules      each rule's answer
 * @param suspects   the classes that leak, highest score first (empty unless the verdict is a leak)
 * @param detectedAt when the verdict first became a leak in this session, or null
 */
public record LeakReport(LeakVerdict verdict, double progress, String reason, List<RuleResult> rules,
                         List<LeakSuspect> suspects, Instant detectedAt) {

    public static final LeakReport NONE = new LeakReport(LeakVerdict.NOT_ENOUGH_DATA, 0,
            "No data yet.", List.of(), List.of(), null);

    public LeakReport {
        rules = List.copyOf(rules);
        suspects = List.copyOf(suspects);
    }

    public LeakReport detectedAt(Instant at) {
        return new LeakReport(verdict, progress, reason, rules, suspects, at);
    }
}
