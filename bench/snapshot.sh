#!/usr/bin/env bash
# Snapshot figures: a snapshot of a target with ~250 MB live (time taken, the target's pause, file size), then
# JMH for diff (20,000 classes, 50,000 sites), save and open (synthetic and the real snapshot).
#   bench/snapshot.sh [MB=250]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-250}
source bench/classpath.sh
mvn -B -q -DskipTests package >/dev/null
java17=$(ls -d /usr/lib/jvm/*17*/bin/java 2>/dev/null | head -1)
"$BENCH_JAVA" -Xmx1g -cp target/test-classes io.leaklens.fixtures.BigHeap "$mb" > target/bigheap.out < <(sleep 600) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q ready target/bigheap.out 2>/dev/null && break; sleep 0.5; done
echo "target: BigHeap holding ~$mb MB, pid $pid"
start=$(date +%s%N)
./leaklens snapshot "$pid" -o target/bench-snapshot.llsnap --sample 10s
end=$(date +%s%N)
echo "snapshot command: $(( (end - start) / 1000000 )) ms in all, of which 10,000 ms sampling allocations"
ls -l target/bench-snapshot.llsnap
"$BENCH_JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main SnapshotBench -rf text -rff target/snapshot-bench.txt
