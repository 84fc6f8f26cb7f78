package io.leaklens.model;

/**
 * One leak rule's answer.
 *
 * @param rule        the rule's name, e.g. {@code Live set after GC}
 * @param status      what it concluded
 * @param score       how strong the sign is, from 0 to 1 (0 without a sign)
 * @param progress    how much of the data it needs it has, from 0 to 1
 * @param summary     a few words for a list, e.g. {@code +210 KB/s, still growing}
 * @param explanation a sentence or two on what it saw and why it concludes so
 */
public record RuleResult(String rule, RuleStatus status, double score, double progress, String summary,
                         String explanation) {
}
