/**
 * The records and enums that every other layer exchanges: what a JVM is, what its heap looked like, what a session
 * knows. Depends on java.base only, so the UI, the CLI and the analysis can share it without dragging anything in.
 */
package io.leaklens.model;
