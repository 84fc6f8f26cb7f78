/**
 * Everything LeakLens knows about Java Flight Recorder, and the only package that imports {@code jdk.jfr} and
 * {@code jdk.management.jfr}: the recording settings ({@link io.leaklens.jfr.JfrSettings}), the two event sources
 * (a live {@link io.leaklens.jfr.LiveJfrStream}, whose recording runs over a target's JMX connection or by
 * diagnostic commands with its events read from the target's disk repository ({@link
 * io.leaklens.jfr.RecordingChannel}), or a recording file read by {@link io.leaklens.jfr.JfrFile}), the ways to make
 * a target emit its old-object samples, and the one mapper from JFR events to model records
 * ({@link io.leaklens.jfr.EventMapper}), where all JFR event and field names live.
 * <p>
 * Events leave this package only as model records, through {@link io.leaklens.jfr.JfrEvents}, on the source's own
 * thread (a large file read in parts has one sink per part, each fed on its part's thread); JFR's event objects are
 * reused by JFR and never kept.
 * <p>
 * May depend on: {@code io.leaklens.model}, {@code jdk.jfr}, {@code jdk.management.jfr}, {@code javax.management} and
 * java.base. Never on attach, analysis, store, session, cli or ui.
 */
package io.leaklens.jfr;
