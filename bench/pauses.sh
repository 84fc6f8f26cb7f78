#!/usr/bin/env bash
# The longest pause LeakLens causes in its target, from the target's own JFR events (bench/pauses.jfc: safepoints,
# VM operations, GCs, threshold 0) and, as a cross-check, its safepoint log. For each size, BigHeap holds ~MB live
# (-Xmx512m up to 200 MB, else -Xmx twice the size), then LeakLens watches it at default settings for 70 s and
# takes a snapshot; the target's recording is dumped and each phase's longest pause is named by its VM operation
# (GC_HeapInspection = class histogram with its full GC, JFROldObject = old-object paths).
#   bench/pauses.sh [MB...]      (default: 100 2000; about 3 minutes per size)
# On a shared machine run it under the CPU lock: flock /tmp/leaklens-cpu.lock bench/pauses.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
mvn -B -q -DskipTests package >/dev/null
if (( $# )); then sizes=("$@"); else sizes=(100 2000); fi

# One open, never written stdin for every fixture: ParentWatch ends a fixture when its stdin closes.
exec {stdin}< <(sleep 100000)
holder=$!
pid=""
trap 'if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi; kill "$holder" 2>/dev/null || true' EXIT
now() { date +%s%3N; }

for mb in "${sizes[@]}"; do
  xmx=$(( mb <= 200 ? 512 : mb * 2 ))m
  out=target/pauses-$mb
  rm -f "$out".*
  "$BENCH_JAVA" -Xmx$xmx -Xlog:safepoint:file="$out.safepoints.log":timemillis \
    -XX:StartFlightRecording:name=pauses,settings="$PWD/bench/pauses.jfc" \
    -cp target/test-classes io.leaklens.fixtures.BigHeap "$mb" leak <&"$stdin" > "$out.out" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do grep -q ready "$out.out" 2>/dev/null && break; sleep 0.5; done
  grep -q ready "$out.out" || { echo "$mb MB: the fixture did not start" >&2; exit 1; }
  echo "BigHeap holding ~$mb MB (-Xmx$xmx), pid $pid: $(head -1 "$out.out")" >&2
  sleep 5 # let it settle as a running service would

  watch_from=$(now)
  ./leaklens watch "$pid" --duration 70s --json > "$out.watch.json" 2> "$out.watch.err"
  watch_to=$(now)
  ./leaklens snapshot "$pid" -o "$out.llsnap" > "$out.snapshot.out" 2> "$out.snapshot.err"
  snapshot_to=$(now)

  jcmd "$pid" JFR.dump name=pauses filename="$PWD/$out.jfr" >/dev/null
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""

  echo "== BigHeap $mb MB, -Xmx$xmx"
  "$BENCH_JAVA" -cp "$BENCH_CP" io.leaklens.bench.TargetPauses "$out.jfr" "target's JFR" \
    "watch=$watch_from-$watch_to" "snapshot=$watch_to-$snapshot_to"
  "$BENCH_JAVA" -cp "$BENCH_CP" io.leaklens.bench.TargetPauses --log "$out.safepoints.log" "safepoint log" \
    "watch and snapshot=$watch_from-$snapshot_to"
  echo "LeakLens's own figures:"
  grep -h -i "histogram\|paus" "$out.watch.err" "$out.snapshot.err" | sed 's/^/  /' || true
  sed 's/^/  /' "$out.snapshot.out"
  python3 - "$out.watch.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
pauses = report.get("targetPauses")
if pauses:
    print("  watch --json targetPauses:", json.dumps(pauses))
print("  watch verdict:", report.get("verdict"), "-", report.get("verdictReason"))
EOF
done
