/**
 * The command line (picocli): one small class per command that parses its options, calls the session, analysis
 * and store layers, and renders text or JSON (docs: ../shared/docs/cli-contract.md). Exit codes: 0 success,
 * 1 bad data or target, 2 wrong usage, 3 a leak with {@code --fail-on-leak}. Never javafx, never the UI.
 */
package io.leaklens.cli;
