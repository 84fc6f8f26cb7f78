/**
 * Pure code on model records: timelines, rates, trends and, later, allocation aggregation, histogram diffs,
 * reference graphs and leak rules. No I/O, no threads, no jdk.jfr: everything here is tested with hand-built records.
 */
package io.leaklens.analysis;
