/**
 * Sessions with targets: owns the thread that reads a target, feeds the analysis and publishes an immutable
 * {@link io.leaklens.model.SessionState} after each update; on close or failure it publishes a disconnected state
 * that keeps every datum. Also resolves the CLI's TARGET words and starts the built-in demo. May use model, attach,
 * jfr, analysis and store; never the UI or the CLI.
 */
package io.leaklens.session;
