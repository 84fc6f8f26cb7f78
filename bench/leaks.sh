#!/usr/bin/env bash
# The leak rules against LeakZoo: each mode runs on JDK 25 and is watched for 60 s (slow-leak 180 s), then one line
# per mode: expected and given verdict, rank of the true class among the suspects, whether its path from a GC root
# starts at the expected holder, and how soon the leak was found. JSON and stderr in target/leakzoo-MODE.*
#   bench/leaks.sh [MODE...]     (default all 12 modes: ~15 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
mvn -B -q -DskipTests package >/dev/null

all_modes=(static-list cache-map listener lambda-capture threadlocal-pool classloader direct-buffers slow-leak cycle
  churn lru warmup)
if (( $# )); then modes=("$@"); else modes=("${all_modes[@]}"); fi

# One open, never written stdin for every fixture: ParentWatch ends a fixture when its stdin closes.
exec {stdin}< <(sleep 100000)
holder=$!
pid=""
trap 'if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi; kill "$holder" 2>/dev/null || true' EXIT

for mode in "${modes[@]}"; do
  duration=60s
  [[ $mode == slow-leak ]] && duration=180s
  out=target/leakzoo-$mode
  "$BENCH_JAVA" -Xmx512m -XX:MaxDirectMemorySize=1g -cp target/test-classes io.leaklens.fixtures.LeakZoo "$mode" 0 \
    <&"$stdin" > "$out.out" &
  pid=$!
  for _ in $(seq 1 100); do grep -q ready "$out.out" 2>/dev/null && break; sleep 0.1; done
  grep -q ready "$out.out" || { echo "$mode: the fixture did not start" >&2; exit 1; }
  echo "$mode: watching pid $pid for $duration" >&2
  ./leaklens watch "$pid" --duration "$duration" --json > "$out.json" 2> "$out.err" \
    || echo "$mode: watch failed (exit $?), see $out.err" >&2
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
done

python3 - "${modes[@]}" <<'EOF'
import json, sys

ZOO = "io.leaklens.fixtures.LeakZoo$"
# mode: (true classes, what the first hop of the path from a GC root must name; "" = any non-empty path)
LEAKS = {
    "static-list": ([ZOO + "Order"], "LeakZoo"),
    "cache-map": ([ZOO + "CachedResult"], "LeakZoo"),
    "listener": ([ZOO + "RequestListener"], "LeakZoo"),
    "lambda-capture": ([ZOO + "Session"], "LeakZoo"),
    "threadlocal-pool": ([ZOO + "RequestContext"], "Thread"),  # Thread or ThreadLocal
    "classloader": ([ZOO + "Plugin", "java.net.URLClassLoader"], ""),
    "direct-buffers": (["java.nio.DirectByteBuffer"], ""),
    "slow-leak": ([ZOO + "AuditRecord"], "LeakZoo"),
    "cycle": ([ZOO + "Parent", ZOO + "Child"], "LeakZoo"),
}

print(f"{'mode':<17} {'expected':<8} {'verdict':<12} {'rank':>4}  {'path':<4} {'detected':>8}")
found = alarms = 0
for mode in sys.argv[1:]:
    expected = "leak" if mode in LEAKS else "no-leak"
    try:
        with open(f"target/leakzoo-{mode}.json") as f:
            report = json.load(f)
    except (OSError, ValueError):
        print(f"{mode:<17} {expected:<8} {'(no report)':<12}")
        continue
    verdict = report.get("verdict")
    suspects = report.get("suspects") or []
    rank, path = "-", "-"
    if mode in LEAKS:
        classes, holder = LEAKS[mode]
        for i, suspect in enumerate(suspects):
            if suspect.get("className") in classes:
                rank = i + 1
                hops = suspect.get("pathFromRoot") or []
                path = "yes" if hops and holder in (hops[0].get("className") or "") else "no"
                break
        found += verdict == "leak" and rank == 1
    else:
        alarms += verdict == "leak"
    detected = report.get("detectedAfterSeconds")
    detected = "-" if detected is None else f"{detected:.0f}s"
    print(f"{mode:<17} {expected:<8} {verdict:<12} {rank:>4}  {path:<4} {detected:>8}")

ran = sys.argv[1:]
leaks_ran = sum(mode in LEAKS for mode in ran)
print(f"leaks found as rank 1: {found}/{leaks_ran}, false alarms: {alarms}/{len(ran) - leaks_ran}")
EOF
