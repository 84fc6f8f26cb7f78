package io.leaklens.ui;

import java.time.Instant;

/**
 * Something that went wrong, told once in the window's notice bar.
 *
 * @param message one sentence: what failed and why, as the user can act on it
 * @param detail  the technical story behind it (the chain of causes), shown on request; empty if there is none
 * @param at      when it happened
 */
public record Notice(String message, String detail, Instant at) {
}
