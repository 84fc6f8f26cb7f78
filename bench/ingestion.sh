#!/usr/bin/env bash
# Events/s that the mapper + aggregator sustain (JMH), from a recording of an allocation-heavy fixture.
#   bench/ingestion.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
rec=target/bench-allocations.jfr
if [[ ! -f $rec ]]; then
  # Record the fixture with a high allocation-sample throttle for 20 s.
  jdk=$(dirname "$(dirname "$BENCH_JAVA")")
  "$BENCH_JAVA" -cp target/test-classes -XX:StartFlightRecording:filename=$rec,settings=profile,jdk.ObjectAllocationSample#throttle=5000/s \
    io.leaklens.fixtures.AllocationLoad 2 18 < <(sleep 60) >/dev/null
fi
"$BENCH_JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main IngestionBench -rf text -rff target/ingestion.txt
