package io.leaklens.model;

/** What one leak rule concluded. */
public enum RuleStatus {
    /** Too little data to say anything yet. */
    NOT_ENOUGH_DATA,
    /** Enough data, and no sign of a leak. */
    NO_SIGN,
    /** A sign of a leak. */
    SIGNAL
}
