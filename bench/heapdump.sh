#!/usr/bin/env bash
# Heap-dump analysis at scale: a BigHeap target (customers in a HashMap: records, strings, byte and long arrays,
# lists of Long; about 14,000 objects per MB) holding MB megabytes is dumped with jcmd GC.heap_dump, then
# `leaklens analyze` reads it under each -Xmx given, and the wall time, the peak RSS and the first lines are printed.
# The dump goes to target/bench-heapdump/ and is deleted at the end (KEEP=1 keeps it). VISUALVM=1 also runs the
# anchor, VisualVM's heap library (io.leaklens.bench.VisualVmHeapBench), on the same dump under the last -Xmx, with
# a time limit of VISUALVM_MINUTES (default 20); it writes its own index beside the dump (FILE.nbcache), and a
# second run on the same dump reuses it. SHARK=1 runs LeakCanary's Shark (io.leaklens.bench.SharkHeapBench) the same
# way, with a time limit of SHARK_MINUTES (default 20). QUERIES=1 times what a user waits for once the dump is
# indexed (io.leaklens.bench.DumpQueriesBench): a path to one object, a class's instances with their holder and
# path, the merged paths of the graph.
#   bench/heapdump.sh [MB] [XMX...]       (default: 1100 MB, about 15.5 M objects and a 1.4 GB dump; -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
megabytes=${1:-1100}
shift || true
heaps=("${@:-1g}")
mvn -B -q -DskipTests package >/dev/null
out=target/bench-heapdump
mkdir -p "$out"
dump=$out/bigheap-$megabytes.hprof
rm -f "$dump"
exec {stdin}< <(sleep 100000)
holder=$!
"$BENCH_JDK/bin/java" -Xmx$(( megabytes * 2 + 512 ))m -cp target/test-classes io.leaklens.fixtures.BigHeap \
  "$megabytes" <&"$stdin" > "$out/target.out" 2>&1 &
target=$!
trap 'kill $target $holder 2>/dev/null || true; [[ -n ${KEEP:-} ]] || rm -rf "$dump" "$dump.nbcache"' EXIT
for _ in $(seq 1 600); do grep -q '^ready$' "$out/target.out" && break; sleep 1; done
"$BENCH_JDK/bin/jcmd" "$target" GC.heap_dump "$dump" | tail -1
kill "$target"
for heap in "${heaps[@]}"; do
  echo "== leaklens analyze, -Xmx$heap"
  LEAKLENS_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "wall %e s, peak RSS %M KB" ./leaklens analyze "$dump" \
    > "$out/analyze.txt" 2> "$out/analyze.err" || true
  head -1 "$out/analyze.txt"
  grep -v '^\s' "$out/analyze.err" || true
done
if [[ -n ${QUERIES:-} ]]; then
  echo "== queries once indexed, -Xmx${heaps[-1]}"
  "$BENCH_JAVA" "-Xmx${heaps[-1]}" -cp "$BENCH_CP" io.leaklens.bench.DumpQueriesBench "$dump" \
    'io.leaklens.fixtures.BigHeap$Customer'
fi
anchor() { # NAME MAIN-CLASS MINUTES: another library on the same dump, under the last heap given, time-limited
  echo "== $1, -Xmx${heaps[-1]}"
  local status=0
  /usr/bin/time -f "wall %e s, peak RSS %M KB" timeout "$(( $3 * 60 ))" \
    "$BENCH_JAVA" "-Xmx${heaps[-1]}" -cp "$BENCH_CP" "$2" "$dump" > "$out/anchor.txt" 2>&1 || status=$?
  grep -v '^\s*at ' "$out/anchor.txt" || true
  (( status == 0 )) || echo "$1 did not finish (exit $status; 124: the time limit)"
}
[[ -z ${VISUALVM:-} ]] || anchor "VisualVM's heap library" io.leaklens.bench.VisualVmHeapBench "${VISUALVM_MINUTES:-20}"
[[ -z ${SHARK:-} ]] || anchor Shark io.leaklens.bench.SharkHeapBench "${SHARK_MINUTES:-20}"
