package io.leaklens.ui.allocations;

/** Which rate the allocation tables rank by. */
public enum AllocationPeriod {
    LAST_MINUTE("Last minute"),
    SESSION("Whole session");

    private final String label;

    AllocationPeriod(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
