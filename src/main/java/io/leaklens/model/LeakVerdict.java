package io.leaklens.model;

/** Whether a target leaks, as the CLI contract spells it. */
public enum LeakVerdict {
    LEAK("leak"),
    NO_LEAK("no-leak"),
    NOT_ENOUGH_DATA("inconclusive");

    private final String contractName;

    LeakVerdict(String contractName) {
        this.contractName = contractName;
    }

    /** {@code leak}, {@code no-leak} or {@code inconclusive}. */
    public String contractName() {
        return contractName;
    }
}
