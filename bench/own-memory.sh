#!/usr/bin/env bash
# LeakLens's own footprint over a long watch: it watches the demo shop (a busy, leaking target) for D minutes
# (default 30) and prints its exact live set every 5 minutes (its own class histogram), the slope, and the CPU it
# used (share of one core). Its GC log goes to target/own-gc.log.
#   bench/own-memory.sh [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
mvn -B -q -DskipTests package >/dev/null
log=target/own-gc.log
rm -f "$log"
./leaklens demo --seconds $(( minutes * 60 + 120 )) > target/own-demo.out 2>&1 &
demo_launcher=$!
trap 'kill $demo_launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q '^pid=' target/own-demo.out 2>/dev/null && break; sleep 0.2; done
target=$(sed -n 's/^pid=//p' target/own-demo.out | head -1)
echo "watching the demo (pid $target) for $minutes min; LeakLens's GC log in $log" >&2
LEAKLENS_JAVA_OPTS="-Xlog:gc:file=$log:uptime" ./leaklens watch "$target" --duration "${minutes}m" --json \
  > target/own-watch.json 2> target/own-watch.err &
watcher=$!
sleep 5
self=$(pgrep -f "io.leaklens.LeakLens watch $target" | head -1)
ticks=$(getconf CLK_TCK)
start=$(date +%s)
cpu_at() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu0=$(cpu_at "$self")
cpu=$cpu0
live=target/own-live.txt
: > "$live"
next_histogram=$(( start + 120 ))
# LeakLens's exact live set every 5 minutes from its own class histogram (a full GC): young-GC figures alone
# include old garbage not yet collected.
while kill -0 "$watcher" 2>/dev/null; do
  cpu=$(cpu_at "$self" 2>/dev/null || echo "$cpu")
  if (( $(date +%s) >= next_histogram )); then
    total=$(jcmd "$self" GC.class_histogram 2>/dev/null | awk '/^Total/ {print $3}')
    [[ -n $total ]] && echo "$(( $(date +%s) - start )) $total" >> "$live"
    next_histogram=$(( next_histogram + 300 ))
  fi
  sleep 5
done
end=$(date +%s)
python3 - "$live" "$cpu" "$cpu0" "$ticks" "$start" "$end" <<'PY'
import sys
live, cpu1, cpu0, ticks, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
points = [tuple(map(float, line.split())) for line in open(live) if line.strip()]
print("LeakLens live set (MB) at minutes:", ", ".join(f"{t / 60:.0f}: {b / 2**20:.1f}" for t, b in points))
if len(points) >= 2:
    n = len(points); mx = sum(p[0] for p in points) / n; my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points); sxy = sum((p[0] - mx) * (p[1] - my) for p in points)
    print(f"slope: {sxy / sxx * 3600 / 2**20:+.2f} MB/hour")
print(f"CPU: {(cpu1 - cpu0) / ticks:.1f} s over {end - start:.0f} s = {100 * (cpu1 - cpu0) / ticks / (end - start):.2f} % of one core")
PY
